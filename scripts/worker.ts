/**
 * `npm run worker`: a Blender build worker for the BullMQ queue at REDIS_URL. Starts a warm local pool of
 * ROOMCODE_WORKERS Blender processes (sandboxed as for the web server's own pool) and consumes build, render,
 * export and check jobs from the queue until SIGTERM/SIGINT, when it finishes its running jobs and exits.
 * Prints one JSON line when ready (`{"ready": id, ...}`) and one per job started (`{"active": jobId}`).
 */
import { createRunner } from "../blender-runner/client";
import { loadConfig } from "../server/config";
import { startQueueWorker } from "../server/queue/worker";

async function main(): Promise<void> {
  const c = loadConfig();
  if (!c.redisUrl) throw new Error("worker: set REDIS_URL (e.g. redis://127.0.0.1:6379) to the build queue's Redis");
  const runner = createRunner({
    blenderPath: c.blenderPath,
    workers: c.workers,
    jobTimeoutMs: c.jobTimeoutMs,
    recycleAfter: c.recycleAfter,
    sandbox: c.sandbox,
    hide: [process.cwd()],
  });
  if (!(await runner.ready!(120_000))) {
    const h = runner.health();
    throw new Error(`worker: no Blender worker started: ${h.blender.reason ?? h.pool.startError ?? h.sandbox.reason ?? "unknown reason"}`);
  }
  const worker = await startQueueWorker({
    redisUrl: c.redisUrl,
    runner,
    concurrency: c.workers,
    lockMs: c.queueLockMs,
    onActive: (jobId, method) => process.stdout.write(`${JSON.stringify({ active: jobId, method })}\n`),
  });
  process.stdout.write(`${JSON.stringify({ ready: worker.id, blender: runner.blenderVersion(), concurrency: c.workers })}\n`);
  const stop = async () => {
    await worker.close();
    await runner.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
