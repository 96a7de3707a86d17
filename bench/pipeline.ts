/**
 * Pipeline benchmark: time from `POST /api/scenes` (the real route, in process) to `job.completed` for 20
 * SceneEval dev prompts (`../shared/inputs/prompts/sceneeval-dev.json`, see ../shared/inputs/SOURCES.md) with
 * 2 Blender workers, after a warm-up so that the first Blender start is excluded. Prints per-scene times and
 * p50/p90 overall and for scenes of at most 10 objects (target p50 <= 2 s).
 * Run: `npx tsx bench/pipeline.ts` (re-executes itself under the react-server condition that server/ needs).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const N = 20;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-bench-pipeline-"));
  process.env.ROOMCODE_DATA_DIR = dataDir;
  process.env.ROOMCODE_WORKERS = "2";
  const { callRoute } = await import("../test/support/routes");
  const { loadDevPrompts } = await import("../test/support/dev-prompts");
  const { subscribeEvents } = await import("../server/events/bus");
  const { settleAll } = await import("../server/pipeline");
  const { getRunner } = await import("../server/runner");

  const all = loadDevPrompts();
  const step = Math.floor(all.length / N);
  const prompts = Array.from({ length: N }, (_, i) => all[i * step]);

  const t0 = Date.now();
  const warm = { ok: await getRunner().ready!(120_000) };
  // A throwaway scene warms both workers and the module graph.
  const warmRes = await callRoute("POST", "/api/scenes", { json: { prompt: "A bedroom with a bed and a nightstand." } });
  const warmId = ((await warmRes.json()) as { scene: { id: string } }).scene.id;
  await waitCompleted(warmId);
  await settleAll();
  console.log(`warm-up (Blender start + first scene): ${Date.now() - t0} ms (check ok=${warm.ok})`);

  async function waitCompleted(id: string): Promise<string> {
    return new Promise((resolve) => {
      const off = subscribeEvents(id, 0, (e) => {
        if (e.type === "job.completed" || e.type === "job.failed" || e.type === "scene.needs_review") {
          queueMicrotask(() => off());
          resolve(e.type);
        }
      });
    });
  }

  const rows: { id: number; objects: number; ms: number; outcome: string }[] = [];
  for (const p of prompts) {
    const start = performance.now();
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: p.description } });
    const { scene } = (await res.json()) as { scene: { id: string } };
    const outcome = await waitCompleted(scene.id);
    const ms = performance.now() - start;
    const got = (await (await callRoute("GET", `/api/scenes/${scene.id}`)).json()) as { scene: { objects: unknown[] } };
    rows.push({ id: p.id, objects: got.scene.objects.length, ms, outcome });
    console.log(`prompt ${p.id} (${p.difficulty}): ${got.scene.objects.length} objects, ${ms.toFixed(0)} ms, ${outcome}`);
    // Thumbnails render after job.completed; let them finish so they do not weigh on the next scene.
    await settleAll();
  }

  const fmt = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `n=${s.length} p50=${percentile(s, 50).toFixed(0)} ms p90=${percentile(s, 90).toFixed(0)} ms max=${(s.at(-1) ?? NaN).toFixed(0)} ms`;
  };
  console.log(`\nall scenes:            ${fmt(rows.map((r) => r.ms))}`);
  const small = rows.filter((r) => r.objects <= 10);
  console.log(`scenes <= 10 objects:  ${fmt(small.map((r) => r.ms))} (target p50 <= 2000 ms)`);
  const ms = rows.map((r) => r.ms / Math.max(1, r.objects));
  console.log(`per object:            ${fmt(ms)}`);
  console.log(`failed jobs: ${rows.filter((r) => r.outcome !== "job.completed").length}`);
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
