/**
 * Scale benchmark (`npm run bench:scale`), all in one run on this host: scene throughput (scenes per minute for
 * SCENES SceneEval dev prompts, `../shared/inputs/prompts/sceneeval-dev.json`, see ../shared/inputs/SOURCES.md,
 * CONCURRENCY scenes at a time) with the in-process pool of one Blender, and with the BullMQ queue on a real
 * loopback `redis-server` served by 1 and by 2 `npm run worker` processes of one Blender each; then the queue's
 * added latency per job: p50/p90 of JOBS sequential policy-check jobs through the queue minus the same through the
 * in-process pool. Each configuration runs in a fresh child process (the runner is process-wide); a warm-up scene
 * per configuration keeps Blender's start out of the figures.
 * Usage: `npm run bench:scale [-- --scenes 8 --jobs 200] [--latency-only]` (`--latency-only`: just the per-job overhead).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { freePort } from "../test/support/net";

const REPO = path.resolve(__dirname, "..");
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SCENES = arg("scenes", 8);
const JOBS = arg("jobs", 200);
const CONCURRENCY = 2;
const LATENCY_ONLY = process.argv.includes("--latency-only");

/** Child mode: run the scenes (or the check jobs) with the runner the environment configures; print one JSON line. */
async function child(mode: string): Promise<void> {
  const { loadDevPrompts } = await import("../test/support/dev-prompts");
  const { createScene, settleAll } = await import("../server/pipeline");
  const { getRunner } = await import("../server/runner");
  const { getStore } = await import("../server/store");
  const runner = getRunner();
  if (!(await runner.ready!(120_000))) throw new Error("bench: no Blender worker is ready");
  await createScene({ prompt: "A bedroom with a bed and a nightstand." });
  await settleAll();
  if (mode === "jobs") {
    const src = "PARAMS = {'width': 1.0}\ndef build(params):\n    pass\n";
    const ms: number[] = [];
    for (let i = 0; i < JOBS; i++) {
      const t = performance.now();
      const r = await runner.check(src, "bench");
      if (!r.ok) throw new Error(`bench: check failed: ${r.error.message}`);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    process.stdout.write(`${JSON.stringify({ p50: ms[Math.floor(ms.length / 2)], p90: ms[Math.floor(ms.length * 0.9)] })}\n`);
  } else {
    const all = loadDevPrompts();
    const prompts = Array.from({ length: SCENES }, (_, i) => all[(i * 37) % all.length].description);
    const t0 = performance.now();
    let next = 0;
    let objects = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < prompts.length) {
          const p = prompts[next++];
          const s = await createScene({ prompt: p });
          await settleAll();
          const done = getStore().getScene(s.id);
          objects += done.objects.length;
          failed += done.objects.filter((o) => o.build.status !== "built").length + (done.status === "completed" ? 0 : 1);
        }
      }),
    );
    const sec = (performance.now() - t0) / 1000;
    process.stdout.write(`${JSON.stringify({ seconds: sec, scenesPerMin: (prompts.length / sec) * 60, objects, failed })}\n`);
  }
  await runner.close();
  process.exit(0);
}

function startLines(cmd: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const proc = spawn(cmd, args, { cwd: REPO, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`bench: ${cmd} did not start`)), 180_000);
    readline.createInterface({ input: proc.stdout! }).on("line", (l) => {
      if (ready.test(l)) {
        clearTimeout(t);
        resolve(proc);
      }
    });
  });
}

function measure(mode: "scenes" | "jobs", env: Record<string, string>): Record<string, number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-bench-scale-"));
  const r = spawnSync("npx", ["tsx", "--conditions", "react-server", __filename, "--child", mode, "--scenes", String(SCENES), "--jobs", String(JOBS)], {
    cwd: REPO,
    env: { ...process.env, ROOMCODE_DATA_DIR: dataDir, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 3_600_000,
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const line = r.stdout.trim().split("\n").at(-1) ?? "";
  if (r.status !== 0 || !line.startsWith("{")) throw new Error(`bench: ${mode} run failed (exit ${r.status}): ${r.stdout.slice(-500)}`);
  return JSON.parse(line) as Record<string, number>;
}

async function main(): Promise<void> {
  const childIdx = process.argv.indexOf("--child");
  if (childIdx > 0) return child(process.argv[childIdx + 1]);
  const port = await freePort();
  const redis = await startLines("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {}, /Ready to accept connections/);
  const REDIS_URL = `redis://127.0.0.1:${port}`;
  const worker = () => startLines("npx", ["tsx", "--conditions", "react-server", "scripts/worker.ts"], { REDIS_URL, ROOMCODE_WORKERS: "1" }, /^\{"ready"/);
  const kill = (p: ChildProcess) => {
    try {
      process.kill(-p.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  try {
    console.log(`bench:scale: ${SCENES} scenes, ${CONCURRENCY} at a time; ${JOBS} sequential check jobs; ${os.cpus().length} cores; load ${os.loadavg()[0].toFixed(1)}`);
    if (LATENCY_ONLY) {
      const w = await worker();
      const lat = measure("jobs", { REDIS_URL });
      kill(w);
      const direct = measure("jobs", { ROOMCODE_WORKERS: "1" });
      console.log(`check job p50/p90: queue ${lat.p50.toFixed(1)}/${lat.p90.toFixed(1)} ms, in-process ${direct.p50.toFixed(1)}/${direct.p90.toFixed(1)} ms`);
      console.log(`queue overhead per job: p50 ${(lat.p50 - direct.p50).toFixed(1)} ms (target <= 10 ms)`);
      return;
    }
    const local = measure("scenes", { ROOMCODE_WORKERS: "1" });
    console.log(`in-process pool, 1 Blender:      ${local.scenesPerMin.toFixed(2)} scenes/min (${local.seconds.toFixed(1)} s, ${local.objects} objects, ${local.failed} failed)`);
    const w1 = await worker();
    const q1 = measure("scenes", { REDIS_URL });
    console.log(`BullMQ, 1 worker process:        ${q1.scenesPerMin.toFixed(2)} scenes/min (${q1.seconds.toFixed(1)} s, ${q1.objects} objects, ${q1.failed} failed)`);
    const lat = measure("jobs", { REDIS_URL });
    const w2 = await worker();
    const q2 = measure("scenes", { REDIS_URL });
    console.log(`BullMQ, 2 worker processes:      ${q2.scenesPerMin.toFixed(2)} scenes/min (${q2.seconds.toFixed(1)} s, ${q2.objects} objects, ${q2.failed} failed)`);
    kill(w1);
    kill(w2);
    const direct = measure("jobs", { ROOMCODE_WORKERS: "1" });
    console.log(`2 workers / 1 worker throughput: ${(q2.scenesPerMin / q1.scenesPerMin).toFixed(2)}x (target >= 1.6x)`);
    console.log(`queue vs in-process pool:        ${(q1.scenesPerMin / local.scenesPerMin).toFixed(2)}x with one Blender each`);
    console.log(`check job p50/p90: queue ${lat.p50.toFixed(1)}/${lat.p90.toFixed(1)} ms, in-process ${direct.p50.toFixed(1)}/${direct.p90.toFixed(1)} ms`);
    console.log(`queue overhead per job: p50 ${(lat.p50 - direct.p50).toFixed(1)} ms (target <= 10 ms)`);
  } finally {
    kill(redis);
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
