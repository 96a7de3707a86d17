/**
 * Corpus check (npm run bench:corpus): every BlendNet script in ../shared/inputs/bpy-corpus/blendnet/
 * (BlenderLLM, Apache-2.0; see ../shared/inputs/SOURCES.md) runs in whole-script mode on the warm pool;
 * each GLB is checked with the Khronos glTF-Validator; failures are grouped by error. The seed task
 * with a syntax error (seed_tasks_98) must give a SyntaxError with its line.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRunner } from "../blender-runner/client";
import { validateGlb } from "../blender-runner/client/glb";

const CORPUS = path.resolve(process.cwd(), "../shared/inputs/bpy-corpus");

async function main(): Promise<void> {
  const dir = path.join(CORPUS, "blendnet");
  const files = readdirSync(dir).filter((f) => f.endsWith(".py")).sort();
  const out = mkdtempSync(path.join(os.tmpdir(), "roomcode-corpus-"));
  const runner = createRunner({ workers: 2 });
  await runner.ready!(180_000);
  const failures = new Map<string, string[]>();
  let built = 0;
  let valid = 0;
  const t = performance.now();
  await Promise.all(
    files.map(async (file, i) => {
      const source = readFileSync(path.join(dir, file), "utf8");
      const glb = path.join(out, `${i}.glb`);
      const res = await runner.buildObject({ objectId: `corpus-${i}`, source, outGlb: glb, wholeScript: true });
      let key: string | null = null;
      if (!res.ok) {
        key = `${res.error.type}: ${res.error.message.split("\n")[0]!.replace(/'[^']*'/g, "'…'").slice(0, 120)}`;
      } else {
        built++;
        const v = await validateGlb(glb);
        if (v.valid) valid++;
        else key = `invalid GLB: ${v.messages[0] ?? "unknown"}`;
      }
      if (key) failures.set(key, [...(failures.get(key) ?? []), `${file}${!res.ok && res.error.line ? `:${res.error.line}` : ""}`]);
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  console.log(`corpus: ${files.length} BlendNet scripts, ${built} built, ${valid} valid GLBs (gltf-validator), ${seconds.toFixed(1)} s on 2 workers`);
  for (const [key, list] of [...failures.entries()].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${list.length} x ${key}\n      ${list.join(", ")}`);
  }
  const seeds = readFileSync(path.join(CORPUS, "blendnet-seed-tasks.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: string; script: string });
  const seed = seeds.find((s) => s.id === "seed_tasks_98");
  if (seed) {
    const res = await runner.buildObject({ objectId: "seed_tasks_98", source: seed.script, outGlb: path.join(out, "seed98.glb"), wholeScript: true });
    const line = res.ok ? null : res.error.line;
    const shown = line ? seed.script.split("\n")[line - 1]?.trim() : "";
    console.log(`seed_tasks_98: ${res.ok ? "built (unexpected)" : `${res.error.type} at line ${line}: ${res.error.message}`}${shown ? `\n      > ${shown}` : ""}`);
  }
  await runner.close();
  rmSync(out, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
