/**
 * Edits benchmark: instruction -> `object.built` round trip, server-side and in process, with the offline engine
 * and warm Blender workers, on a scene built from SceneEval dev prompt 118 (`../shared/inputs/prompts/
 * sceneeval-dev.json`, see ../shared/inputs/SOURCES.md). Prints p50/p90 for a parameter edit (target p50 <=
 * 150 ms: plan + PARAMS rewrite + build + store, until `object.built`) and a placement-only edit (target
 * p50 <= 20 ms: plan + store + history + events), plus undo for both.
 * Run: `npx tsx bench/edits.ts` (re-executes itself under the react-server condition that server/ needs).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const N_PARAM = 20;
const N_PLACE = 50;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function stats(label: string, ms: number[], target: number | null): void {
  const s = ms.slice().sort((a, b) => a - b);
  const p50 = percentile(s, 50);
  const line = `${label.padEnd(34)} n=${String(s.length).padStart(3)}  p50 ${p50.toFixed(1).padStart(7)} ms  p90 ${percentile(s, 90).toFixed(1).padStart(7)} ms  min ${s[0].toFixed(1).padStart(7)} ms`;
  console.log(target === null ? line : `${line}  target ${target} ms  p50/target ${(p50 / target).toFixed(2)} ${p50 <= target ? "OK" : "OVER"}`);
}

async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-bench-edits-"));
  process.env.ROOMCODE_DATA_DIR = dataDir;
  process.env.ROOMCODE_WORKERS = process.env.ROOMCODE_WORKERS ?? "2";
  const { loadDevPrompts } = await import("../test/support/dev-prompts");
  const { subscribeEvents } = await import("../server/events/bus");
  const pipeline = await import("../server/pipeline");
  const edits = await import("../server/edits");
  const { getRunner } = await import("../server/runner");
  const { getStore } = await import("../server/store");

  await getRunner().ready!(120_000);
  const prompt = loadDevPrompts().find((p) => p.id === 118)!.description;
  const created = await pipeline.createScene({ prompt });
  const scene = await pipeline.waitForScene(created.id, 180_000);
  if (scene.status !== "completed") throw new Error(`bench: scene ${scene.status}`);
  const id = scene.id;
  console.log(`scene ${id}: ${scene.objects.map((o) => o.id).join(", ")}`);

  /** Resolves when the next `object.built` for `objectId` arrives. */
  const nextBuilt = (objectId: string) =>
    new Promise<number>((resolve) => {
      const after = getStore().events.lastSeq(id);
      const stop = subscribeEvents(id, after, (e) => {
        if (e.type === "object.built" && e.objectId === objectId) {
          stop();
          resolve(performance.now());
        }
      });
    });

  // Warm-up: both workers, the module graph and SQLite statements.
  for (const c of ["red", "blue", "green", "navy"]) await edits.applyInstruction(id, { instruction: `make the sofa ${c}` });
  for (let i = 0; i < 5; i++) await edits.applyInstruction(id, { instruction: `move the coffee table 10 cm to the ${i % 2 ? "left" : "right"}` });

  const param: number[] = [];
  const paramTotal: number[] = [];
  const blender: Record<string, number[]> = {};
  const overhead: number[] = [];
  for (let i = 0; i < N_PARAM; i++) {
    const built = nextBuilt("sofa-1");
    const t0 = performance.now();
    // A colour never used before, so every edit is a real Blender build (no reuse of an identical revision).
    await edits.applyInstruction(id, { instruction: `make the sofa #2e${(0x20 + i).toString(16)}5b` });
    const t1 = performance.now();
    param.push((await built) - t0);
    paramTotal.push(t1 - t0);
    const timings = getStore().objects.get(id, "sofa-1")!.build.stats?.timings ?? {};
    for (const [k, v] of Object.entries(timings)) (blender[k] ??= []).push(v);
    if (typeof timings.total === "number") overhead.push(param[param.length - 1] - timings.total);
  }
  const place: number[] = [];
  for (let i = 0; i < N_PLACE; i++) {
    const t0 = performance.now();
    await edits.applyInstruction(id, { instruction: `move the coffee table 10 cm to the ${i % 2 ? "left" : "right"}` });
    place.push(performance.now() - t0);
  }
  const undoPlace: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await edits.undo(id);
    undoPlace.push(performance.now() - t0);
  }
  const patch: number[] = [];
  const base = getStore().objects.get(id, "coffee_table-1")!.placement;
  for (let i = 0; i < N_PLACE; i++) {
    const t0 = performance.now();
    await edits.patchObject(id, "coffee_table-1", { placement: { ...base, x: base.x + (i % 5) * 0.01 } });
    patch.push(performance.now() - t0);
  }

  console.log(`workers: ${process.env.ROOMCODE_WORKERS}, blender ${getRunner().blenderVersion()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  for (const [k, v] of Object.entries(blender)) stats(`  runner timing ${k}`, v, null);
  stats("param edit -> object.built", param, 150);
  stats("param edit -> response", paramTotal, null);
  if (overhead.length) stats("  edit path minus runner total", overhead, null);
  stats("placement edit (instruction)", place, 20);
  stats("placement PATCH (gizmo)", patch, 20);
  stats("undo placement", undoPlace, null);

  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

if (process.env.ROOMCODE_BENCH_CHILD === "1") {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  const r = spawnSync("npx", ["tsx", "--conditions", "react-server", __filename], { stdio: "inherit", env: { ...process.env, ROOMCODE_BENCH_CHILD: "1" } });
  process.exit(r.status ?? 1);
}
