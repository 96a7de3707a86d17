/**
 * Scripted edit session runner (started by scripts/eval-edits.ts under the react-server condition): builds
 * dev-prompt scenes with `createScene` / `waitForScene` (offline engine), applies instruction edits with
 * `applyInstruction` (the same path as POST /api/scenes/:id/edits), runs the mesh check of each scene at the
 * end (`checkScenePhysics`) and prints floating / interpenetrating / wall-penetrating / outside totals;
 * writes `<out>/report.json`. Refused instructions (ambiguous, unsupported, or refused because no valid spot
 * holds the change) are counted, not failures.
 */
import fs from "node:fs";
import path from "node:path";
import { defaultInput } from "../eval/args";
import { EDIT_KINDS, instructionFor, rng } from "./session";

const repoRoot = path.resolve(__dirname, "..", "..");

interface Args {
  scenes: number;
  edits: number;
  ids: number[] | null;
  seed: number;
  out: string;
  input: string;
}

/** Parses argv (after the script name). Throws Error("eval:edits: ...") on a bad option. */
function parseArgs(argv: readonly string[]): Args {
  const a: Args = { scenes: 20, edits: 30, ids: null, seed: 1, out: path.resolve(repoRoot, "eval-out", "edits"), input: defaultInput(repoRoot) };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[++i];
    if (v === undefined) throw new Error(`eval:edits: ${k} needs a value`);
    if (k === "--scenes") a.scenes = Math.max(1, Number(v) | 0);
    else if (k === "--edits") a.edits = Math.max(0, Number(v) | 0);
    else if (k === "--ids") a.ids = v.split(",").map((x) => Number(x.trim())).filter((x) => Number.isFinite(x));
    else if (k === "--seed") a.seed = Number(v) | 0;
    else if (k === "--out") a.out = path.resolve(v);
    else if (k === "--input") a.input = path.resolve(v);
    else throw new Error(`eval:edits: unknown option ${k}`);
  }
  return a;
}

interface EditRow {
  kind: string;
  instruction: string;
  outcome: "applied" | "refused" | "error";
  message: string;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = JSON.parse(fs.readFileSync(args.input, "utf8")) as { id: number; description: string }[];
  // Spread over the file: every k-th prompt, unless ids are given.
  const step = Math.max(1, Math.floor(all.length / args.scenes));
  const prompts = args.ids ? all.filter((p) => args.ids!.includes(p.id)) : all.filter((_, i) => i % step === 0).slice(0, args.scenes);
  fs.mkdirSync(args.out, { recursive: true });
  if (!process.env.ROOMCODE_DATA_DIR) process.env.ROOMCODE_DATA_DIR = path.join(args.out, "data");
  // Server modules read the configuration on load: import them after ROOMCODE_DATA_DIR is set.
  const pipeline = await import("../../server/pipeline");
  const edits = await import("../../server/edits");
  const { getRunner } = await import("../../server/runner");
  const { getStore } = await import("../../server/store");
  await getRunner().ready!(120_000);
  const rows: unknown[] = [];
  const totals = { scenes: 0, objects: 0, edits: 0, applied: 0, refused: 0, errors: 0, floating: 0, interpenetrating: 0, wallPenetrating: 0, outside: 0 };
  for (const p of prompts) {
    const rand = rng(args.seed * 1000 + p.id);
    const created = await pipeline.createScene({ prompt: p.description }, { engine: "offline" });
    const built = await pipeline.waitForScene(created.id, 300_000);
    if (built.status !== "completed") {
      rows.push({ id: p.id, sceneId: created.id, status: built.status, error: built.error ?? null });
      process.stdout.write(`${p.id} ${built.status}\n`);
      continue;
    }
    const log: EditRow[] = [];
    for (let i = 0; i < args.edits; i++) {
      const kind = EDIT_KINDS[i % EDIT_KINDS.length];
      const scene = getStore().getScene(created.id);
      const instruction = instructionFor(kind, scene.objects.filter((o) => !o.hidden), rand);
      if (!instruction) continue;
      try {
        const r = await edits.applyInstruction(created.id, { instruction });
        log.push({ kind, instruction, outcome: "applied", message: [...r.plan.ops.map((op) => op.label), ...r.plan.notes].join(" | ") });
      } catch (e) {
        const code = (e as { code?: string }).code;
        // A refusal keeps the room as it was: unclear or unsupported instructions, and changes no valid spot holds (conflict).
        const refused = code === "ambiguous" || code === "unsupported_edit" || code === "not_found" || code === "conflict";
        log.push({ kind, instruction, outcome: refused ? "refused" : "error", message: e instanceof Error ? e.message : String(e) });
      }
      await pipeline.settleAll?.().catch(() => undefined);
    }
    const check = await pipeline.checkScenePhysics({ sceneId: created.id });
    const c = check.counts;
    totals.scenes += 1;
    totals.objects += c.objects;
    totals.edits += log.length;
    totals.applied += log.filter((r) => r.outcome === "applied").length;
    totals.refused += log.filter((r) => r.outcome === "refused").length;
    totals.errors += log.filter((r) => r.outcome === "error").length;
    totals.floating += c.floating;
    totals.interpenetrating += c.interpenetratingPairs;
    totals.wallPenetrating += c.wallPenetrating;
    totals.outside += c.outside;
    const findings = pipeline.describeCheck(check).slice(0, -1);
    rows.push({ id: p.id, sceneId: created.id, status: "completed", counts: c, findings, edits: log });
    process.stdout.write(`${p.id} edits=${log.length} applied=${log.filter((r) => r.outcome === "applied").length} floating=${c.floating} interpenetrating=${c.interpenetratingPairs} wall=${c.wallPenetrating} outside=${c.outside}\n`);
    for (const f of findings) process.stdout.write(`  ${f}\n`);
  }
  await pipeline.settleAll?.().catch(() => undefined);
  await getRunner().close();
  fs.writeFileSync(path.join(args.out, "report.json"), JSON.stringify({ meta: { date: new Date().toISOString(), input: path.relative(repoRoot, args.input), seed: args.seed, editsPerScene: args.edits }, totals, rows }, null, 2));
  console.log(Object.entries(totals).map(([k, v]) => `${k}=${v}`).join("  "));
  console.log(`report: ${path.join(args.out, "report.json")}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
