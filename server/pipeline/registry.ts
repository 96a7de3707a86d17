import "server-only";
/**
 * In-process registry of running pipeline jobs and background tasks (kept on globalThis). Jobs run as
 * fire-and-forget promises independent of any HTTP connection; one job per scene at a time.
 */
import { AppError } from "../../lib/errors";

interface Entry {
  promise: Promise<void>;
  abort: AbortController;
  kind: string;
}

const KEY = Symbol.for("roomcode.pipeline.registry");
type Holder = { [KEY]?: { jobs: Map<string, Entry>; tasks: Set<Promise<unknown>> } };

function state() {
  const g = globalThis as Holder;
  g[KEY] ??= { jobs: new Map(), tasks: new Set() };
  return g[KEY];
}

/** Whether a job is running for the scene in this process. */
export function isJobActive(sceneId: string): boolean {
  return state().jobs.has(sceneId);
}

/** Throws AppError `busy` when a job is running for the scene. */
export function assertSceneIdle(sceneId: string): void {
  const e = state().jobs.get(sceneId);
  if (e) throw new AppError("busy", `A ${e.kind} job is already running for this scene; wait for it to finish.`, { sceneId, kind: e.kind });
}

/**
 * Start `run` as the scene's job; throws AppError `busy` when one is running. The returned promise settles
 * when the job ends and never rejects (jobs record their own failures).
 */
export function startJob(sceneId: string, kind: string, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
  assertSceneIdle(sceneId);
  const abort = new AbortController();
  const s = state();
  const promise = (async () => {
    try {
      await run(abort.signal);
    } catch (e) {
      console.error(`pipeline: job ${kind} for ${sceneId} crashed:`, e);
    } finally {
      s.jobs.delete(sceneId);
    }
  })();
  s.jobs.set(sceneId, { promise, abort, kind });
  return promise;
}

/** Abort the scene's running job with `reason` (it stops at its next checkpoint); resolves when it has ended. */
export async function abortJob(sceneId: string, reason: Error = new Error("pipeline: job aborted")): Promise<void> {
  const e = state().jobs.get(sceneId);
  if (!e) return;
  e.abort.abort(reason);
  await e.promise;
}

/** Track a background task (thumbnail render) so that `settleAll` can wait for it; rejections are logged. */
export function trackTask(task: Promise<unknown>): void {
  const s = state();
  const p = task.catch((e) => console.error("pipeline: background task failed:", e)).finally(() => s.tasks.delete(p));
  s.tasks.add(p);
}

/** Wait until every running job and background task of this process has ended (tests, benchmarks, shutdown). */
export async function settleAll(): Promise<void> {
  const s = state();
  while (s.jobs.size > 0 || s.tasks.size > 0) {
    await Promise.allSettled([...[...s.jobs.values()].map((e) => e.promise), ...s.tasks]);
  }
}

/** Wait for the scene's running job to end (no-op when none). */
export async function jobPromise(sceneId: string): Promise<void> {
  await state().jobs.get(sceneId)?.promise;
}
