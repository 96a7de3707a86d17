/**
 * Runner benchmark (npm run bench:runner): build latency of a 10-part object, cold (a fresh Blender
 * per job) vs warm pool, as a ratio in one run; throughput of 1 vs 2 workers on 40 jobs; worker RSS.
 * Targets (issue): warm p50 <= 30 ms exec+export, cold/warm >= 30x, 2 workers >= 1.6x, <= 300 MB RSS.
 * Also the price of scene-bound workers: a job of another scene right after one (the worker restarts first),
 * and the same after an idle refresh (a fresh worker is waiting); and the server-side output check per job.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRunner } from "../blender-runner/client";
import type { Runner } from "../blender-runner/client/types";
import { TEN_PART_PROGRAM } from "../blender-runner/test/programs";

const out = mkdtempSync(path.join(os.tmpdir(), "roomcode-bench-"));
let n = 0;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function build(r: Runner, scope?: string): Promise<{ wall: number; execExport: number; cpuExecExport: number; worker: number; phases: Record<string, number> }> {
  const t = performance.now();
  const res = await r.buildObject({ objectId: "desk-1", source: TEN_PART_PROGRAM, outGlb: path.join(out, `b${++n}.glb`), ...(scope ? { scope } : {}) });
  const wall = performance.now() - t;
  if (!res.ok) throw new Error(`bench: build failed: ${res.error.type}: ${res.error.message}`);
  const tm = res.timings;
  const execExport = (tm.compile ?? 0) + (tm.exec ?? 0) + (tm.post ?? 0) + (tm.export ?? 0);
  return { wall, execExport, cpuExecExport: tm.cpuExecExport ?? NaN, worker: tm.total ?? NaN, phases: tm };
}

async function throughput(workers: number, jobs: number): Promise<{ seconds: number; perSecond: number; rss: (number | null)[] }> {
  const r = createRunner({ workers, recycleAfter: 10_000 });
  await r.ready!(180_000);
  await Promise.all(Array.from({ length: workers * 2 }, () => build(r)));
  const t = performance.now();
  await Promise.all(Array.from({ length: jobs }, () => build(r)));
  const seconds = (performance.now() - t) / 1000;
  const rss = r.workerRss!();
  await r.close();
  return { seconds, perSecond: jobs / seconds, rss };
}

async function main(): Promise<void> {
  console.log(`bench:runner on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = createRunner({ workers: 1 });
    await build(r);
    cold.push(performance.now() - t);
    await r.close();
  }
  const warmRunner = createRunner({ workers: 1, recycleAfter: 10_000 });
  await warmRunner.ready!(180_000);
  for (let i = 0; i < 5; i++) await build(warmRunner);
  const warm: Awaited<ReturnType<typeof build>>[] = [];
  for (let i = 0; i < 40; i++) warm.push(await build(warmRunner));
  const rssWarm = warmRunner.workerRss!();
  await warmRunner.close();

  // Scene switches on one worker: straight after the other scene's job, and after an idle refresh.
  const switcher = createRunner({ workers: 1, recycleAfter: 10_000, idleRefreshMs: 1000 });
  await switcher.ready!(180_000);
  const immediate: number[] = [];
  const refreshed: number[] = [];
  for (let i = 0; i < 3; i++) {
    await build(switcher, `scene-a${i}`);
    immediate.push((await build(switcher, `scene-b${i}`)).wall);
    await new Promise((r) => setTimeout(r, 1200));
    await switcher.ready!(180_000);
    refreshed.push((await build(switcher, `scene-c${i}`)).wall);
  }
  await switcher.close();

  const coldP50 = pct(cold, 50);
  const warmWall = warm.map((w) => w.wall);
  const warmExec = warm.map((w) => w.execExport);
  console.log(`cold (fresh Blender per job, spawn to GLB): p50 ${coldP50.toFixed(0)} ms over ${cold.length} runs`);
  console.log(`warm round trip: p50 ${pct(warmWall, 50).toFixed(1)} ms, p90 ${pct(warmWall, 90).toFixed(1)} ms over ${warm.length} jobs`);
  const warmCpu = warm.map((w) => w.cpuExecExport);
  console.log(`warm exec+export (worker wall): p50 ${pct(warmExec, 50).toFixed(1)} ms, p90 ${pct(warmExec, 90).toFixed(1)} ms   [target p50 <= 30 ms]`);
  console.log(`warm exec+export (worker CPU time): p50 ${pct(warmCpu, 50).toFixed(1)} ms, p90 ${pct(warmCpu, 90).toFixed(1)} ms`);
  const phases = ["reset", "compile", "exec", "post", "stats", "export"]
    .map((k) => `${k} ${pct(warm.map((w) => w.phases[k] ?? 0), 50).toFixed(1)}`)
    .join(", ");
  console.log(`warm phases (worker wall p50, ms): ${phases}`);
  const check = warm.map((w) => w.wall - w.worker);
  console.log(`server side per job (queue, output checks incl. glTF validation, IPC): p50 ${pct(check, 50).toFixed(1)} ms`);
  console.log(`another scene's job right after one (worker restarts first): p50 ${pct(immediate, 50).toFixed(0)} ms over ${immediate.length}`);
  console.log(`another scene's job after an idle refresh (fresh worker waiting): p50 ${pct(refreshed, 50).toFixed(1)} ms over ${refreshed.length}`);
  console.log(`cold/warm ratio (round trip p50): ${(coldP50 / pct(warmWall, 50)).toFixed(1)}x   [target >= 30x]`);

  const one = await throughput(1, 40);
  const two = await throughput(2, 40);
  console.log(`throughput 1 worker: ${one.perSecond.toFixed(2)} jobs/s (${one.seconds.toFixed(2)} s for 40 jobs)`);
  console.log(`throughput 2 workers: ${two.perSecond.toFixed(2)} jobs/s (${two.seconds.toFixed(2)} s for 40 jobs)`);
  console.log(`2 vs 1 workers: ${(two.perSecond / one.perSecond).toFixed(2)}x   [target >= 1.6x]`);
  const rss = [...rssWarm, ...two.rss].filter((x): x is number => x !== null).map((b) => b / 1024 ** 2);
  console.log(`worker RSS (process tree): ${rss.map((m) => m.toFixed(0)).join(", ")} MB, max ${Math.max(...rss).toFixed(0)} MB   [target <= 300 MB]`);
  rmSync(out, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  rmSync(out, { recursive: true, force: true });
  process.exit(1);
});
