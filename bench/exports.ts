/**
 * Export benchmark: for 20 SceneEval dev prompts (`../shared/inputs/prompts/sceneeval-dev.json`, see
 * ../shared/inputs/SOURCES.md), built with the offline engine and 2 Blender workers, the time of each export
 * route in process: `export.urdf` (runs the one export_sim job of the scene state), then `export.mjcf` and
 * `export.usd` (reuse it), then `export.glb` (assemble job) for comparison; prints per-scene times and p50/p90.
 * Run: `npm run bench:exports` (re-executes itself under the react-server condition that server/ needs).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const N = Number(process.env.ROOMCODE_BENCH_SCENES ?? 20);
const KINDS = ["urdf", "mjcf", "usd", "glb"] as const;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-bench-exports-"));
  process.env.ROOMCODE_DATA_DIR = dataDir;
  process.env.ROOMCODE_WORKERS = "2";
  const { callRoute } = await import("../test/support/routes");
  const { loadDevPrompts } = await import("../test/support/dev-prompts");
  const pipeline = await import("../server/pipeline");
  const { getRunner } = await import("../server/runner");
  await getRunner().ready!(120_000);
  const prompts = loadDevPrompts().slice(0, N);
  const rows: { id: number; objects: number; ms: Record<string, number>; bytes: Record<string, number> }[] = [];
  for (const p of prompts) {
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: p.description } });
    const created = ((await res.json()) as { scene: { id: string } }).scene;
    const scene = await pipeline.waitForScene(created.id, 180_000);
    const ms: Record<string, number> = {};
    const bytes: Record<string, number> = {};
    for (const kind of KINDS) {
      const t = performance.now();
      const r = await callRoute("GET", `/api/scenes/${scene.id}/export.${kind}`);
      const body = new Uint8Array(await r.arrayBuffer());
      ms[kind] = performance.now() - t;
      bytes[kind] = r.status === 200 ? body.length : -r.status;
    }
    rows.push({ id: p.id, objects: scene.objects.length, ms, bytes });
    console.log(`scene ${p.id} (${scene.objects.length} objects): ${KINDS.map((k) => `${k} ${ms[k].toFixed(0)} ms (${(bytes[k] / 1024).toFixed(0)} KB)`).join(", ")}`);
  }
  console.log("");
  for (const kind of KINDS) {
    const s = rows.map((r) => r.ms[kind]).sort((a, b) => a - b);
    console.log(`${kind.padEnd(5)} n=${s.length} p50=${percentile(s, 50).toFixed(0)} ms p90=${percentile(s, 90).toFixed(0)} ms max=${(s.at(-1) ?? NaN).toFixed(0)} ms`);
  }
  const ratio = rows.map((r) => r.ms.urdf / Math.max(1, r.ms.glb)).sort((a, b) => a - b);
  console.log(`export_sim job / assemble job (urdf vs glb, same scene): p50 ${percentile(ratio, 50).toFixed(2)}x`);
  await pipeline.settleAll();
  await getRunner().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

if (process.env.ROOMCODE_BENCH_CHILD === "1") {
  run().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
} else {
  const r = spawnSync("npx", ["tsx", "--conditions", "react-server", __filename], { stdio: "inherit", env: { ...process.env, ROOMCODE_BENCH_CHILD: "1" } });
  process.exit(r.status ?? 1);
}
