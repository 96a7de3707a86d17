/** Command-line options of the evaluation runner. */
import path from "node:path";

/** Parsed options. */
export interface EvalArgs {
  engine: "offline" | "openai";
  limit: number | null;
  ids: number[] | null;
  concurrency: number;
  input: string;
  out: string;
  /** Geometric proxy only: parse + layout, no Blender, no pipeline. */
  proxy: boolean;
  timeoutMs: number;
  /** Only the tuning split or only the held-out split (every 5th prompt of the file); null for all. */
  split: "tune" | "heldout" | null;
}

/** Default prompt file: the SceneEval dev split beside the repository (../shared/inputs/prompts). */
export function defaultInput(repoRoot: string): string {
  return path.resolve(repoRoot, "..", "shared", "inputs", "prompts", "sceneeval-dev.json");
}

/** Parse argv (after the script name). Throws Error("eval: ...") on a bad option. */
export function parseArgs(argv: readonly string[], repoRoot: string): EvalArgs {
  const a: EvalArgs = { engine: "offline", limit: null, ids: null, concurrency: 2, input: defaultInput(repoRoot), out: path.resolve(repoRoot, "eval-out"), proxy: false, timeoutMs: 300_000, split: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    const need = () => {
      if (v === undefined) throw new Error(`eval: ${k} needs a value`);
      i += 1;
      return v;
    };
    if (k === "--engine") {
      const e = need();
      if (e !== "offline" && e !== "openai") throw new Error(`eval: unknown engine ${e}`);
      a.engine = e;
    } else if (k === "--limit") a.limit = Math.max(1, Number(need()) | 0);
    else if (k === "--ids") a.ids = need().split(",").map((x) => Number(x.trim())).filter((x) => Number.isFinite(x));
    else if (k === "--concurrency") a.concurrency = Math.max(1, Number(need()) | 0);
    else if (k === "--input") a.input = path.resolve(need());
    else if (k === "--out") a.out = path.resolve(need());
    else if (k === "--timeout") a.timeoutMs = Math.max(1000, Number(need()) * 1000);
    else if (k === "--proxy") a.proxy = true;
    else if (k === "--split") {
      const s = need();
      if (s !== "tune" && s !== "heldout") throw new Error(`eval: --split is tune or heldout, not ${s}`);
      a.split = s;
    }
    else if (k === "--") continue;
    else throw new Error(`eval: unknown option ${k}`);
  }
  return a;
}
