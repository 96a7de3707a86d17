/**
 * A build-queue worker (`npm run worker`): consumes Blender jobs from the BullMQ queue at REDIS_URL and runs them
 * on this host's warm Blender pool (blender-runner), `concurrency` at a time; output files travel back as bytes.
 * Publishes a heartbeat (server/queue/protocol.ts) that the web servers read as their runner's health.
 * A worker killed mid-job holds the job's lock until it expires (`lockMs`); BullMQ's stalled-job check then hands
 * the job to another worker, at most `maxStalls` times (then it fails as stalled, answered as `WorkerLost`).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker, type Job } from "bullmq";
import IORedis from "ioredis";
import type { Runner } from "../../blender-runner/client/types";
import { BEAT_MS, BEAT_PREFIX, BEAT_TTL_MS, fileToken, QUEUE_NAME, replaceStrings, type QueueJobData, type QueueJobResult, type QueueMethod, type WorkerBeat } from "./protocol";

/** Options of `startQueueWorker`. */
export interface QueueWorkerOptions {
  redisUrl: string;
  runner: Runner;
  /** Jobs run at once (the pool size). */
  concurrency: number;
  /** Job lock duration (ms; BullMQ `lockDuration`): how long a dead worker's job waits before another takes it. */
  lockMs?: number;
  /** Times a job may lose its worker before it fails (BullMQ `maxStalledCount`). */
  maxStalls?: number;
  /** Called when a job starts (id, method). */
  onActive?: (jobId: string, method: string) => void;
}

/** A running queue worker: its id and `close()` (finishes running jobs, then stops). */
export interface QueueWorker {
  id: string;
  close(): Promise<void>;
}

/** Each queued method as a call on the local Runner with the job's (path-mapped) arguments. */
const CALLS: Record<QueueMethod, (runner: Runner, args: Record<string, unknown>) => Promise<unknown>> = {
  buildObject: (r, a) => r.buildObject(a as never),
  buildRoom: (r, a) => r.buildRoom(a as never),
  assembleScene: (r, a) => r.assembleScene(a as never),
  check: (r, a) => r.check(String(a.source), String(a.scope)),
  renderScene: (r, a) => r.renderScene(a as never),
  exportSim: (r, a) => r.exportSim(a as never),
  checkScene: (r, a) => r.checkScene(a as never),
};

async function run(runner: Runner, data: QueueJobData, scratch: string): Promise<{ result: unknown; files: Record<string, string> }> {
  fs.mkdirSync(scratch, { recursive: true });
  const map = new Map<string, string>();
  const local = (key: string) => path.join(scratch, key.replace(/[^A-Za-z0-9_.-]/g, "_"));
  for (const key of data.outputs) map.set(fileToken(key), local(`out-${key}`));
  const args = replaceStrings(data.args, map) as Record<string, unknown>;
  for (const [key, b64] of Object.entries(data.inputs)) {
    const p = local(`in-${key}`);
    fs.writeFileSync(p, Buffer.from(b64, "base64"));
    args[key] = p;
  }
  const call = CALLS[data.method];
  if (!call) throw new Error(`worker: unknown method ${String(data.method)}`);
  const result = await call(runner, args);
  const files: Record<string, string> = {};
  for (const key of data.outputs) {
    const p = map.get(fileToken(key))!;
    if (fs.existsSync(p)) files[key] = fs.readFileSync(p).toString("base64");
  }
  const back = new Map([...map].map(([token, p]) => [p, token]));
  return { result: replaceStrings(result, back), files };
}

/** Starts consuming the queue; resolves once connected. Throws when Redis cannot be reached. */
export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorker> {
  const id = `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
  const scratchRoot = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-queue-"));
  const redis = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null });
  let jobsDone = 0;
  let busy = 0;
  const beat = async () => {
    const b: WorkerBeat = { id, host: os.hostname(), pid: process.pid, concurrency: opts.concurrency, blenderVersion: opts.runner.blenderVersion(), jobsDone, busy };
    await redis.set(`${BEAT_PREFIX}${id}`, JSON.stringify(b), "PX", BEAT_TTL_MS);
  };
  await beat();
  const timer = setInterval(() => void beat().catch(() => undefined), BEAT_MS);
  const worker = new Worker<QueueJobData, QueueJobResult>(
    QUEUE_NAME,
    async (job: Job<QueueJobData, QueueJobResult>) => {
      busy += 1;
      opts.onActive?.(String(job.id), job.data.method);
      const scratch = path.join(scratchRoot, String(job.id));
      try {
        const out = await run(opts.runner, job.data, scratch);
        return { ...out, worker: id, blenderVersion: opts.runner.blenderVersion() };
      } finally {
        busy -= 1;
        jobsDone += 1;
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    },
    {
      connection: { url: opts.redisUrl, maxRetriesPerRequest: null },
      concurrency: opts.concurrency,
      lockDuration: opts.lockMs ?? 30_000,
      stalledInterval: Math.max(500, Math.floor((opts.lockMs ?? 30_000) / 2)),
      maxStalledCount: opts.maxStalls ?? 2,
    },
  );
  await worker.waitUntilReady();
  return {
    id,
    async close() {
      clearInterval(timer);
      await worker.close();
      await redis.del(`${BEAT_PREFIX}${id}`).catch(() => undefined);
      redis.disconnect();
      fs.rmSync(scratchRoot, { recursive: true, force: true });
    },
  };
}
