import "server-only";
/**
 * Job leases between web servers sharing one store: each process has a runner id (`<name>:<pid>:<uuid>`, the name
 * being ROOMCODE_RUNNER_NAME or the host name) and holds the jobs it runs by a lease on their job rows
 * (server/store/jobs.ts), renewed every `jobRenewMs` by one timer for all its jobs. A renewal that finds the job
 * taken by another runner aborts the local copy with a LeaseLostError, which the job does not record as a failure;
 * the job's stage transitions check the lease in their transactions as well.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { config } from "../config";
import { getStore } from "../store";
import { abortJob, startJob } from "./registry";

/** The abort reason of a job whose lease another server has taken: it stops without writing its end state. */
export class LeaseLostError extends Error {
  constructor(
    readonly sceneId: string,
    readonly owner: string | null,
  ) {
    super(`pipeline: the job of scene ${sceneId} is now run by ${owner ?? "nobody"}; this server stopped its copy`);
  }
}

interface LeaseState {
  runnerId: string;
  held: Set<string>;
  timer: NodeJS.Timeout | null;
}

const KEY = Symbol.for("roomcode.pipeline.lease");
type Holder = { [KEY]?: LeaseState };

function state(): LeaseState {
  const g = globalThis as Holder;
  g[KEY] ??= { runnerId: `${runnerName()}:${process.pid}:${randomUUID()}`, held: new Set(), timer: null };
  return g[KEY];
}

/** This server's name in runner ids: ROOMCODE_RUNNER_NAME, else the host name (':' replaced). */
function runnerName(): string {
  return config().runnerName ?? os.hostname().replace(/[:\s]/g, "-");
}

/** This process's runner id, `<name>:<pid>:<uuid>` (random per process). */
export function runnerId(): string {
  return state().runnerId;
}

/** Whether process `pid` on this host still runs (a zombie counts as gone; without /proc, any existing pid runs). */
function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2) !== "Z";
  } catch {
    return process.platform !== "linux";
  }
}

/**
 * Whether the runner id `owner` names a process known to be gone: another runner with this server's name whose pid
 * no longer runs here, or that has this process's pid (a restarted server). Runners of other names are never
 * known to be gone; their jobs move on when the lease expires.
 */
export function ownerGone(owner: string): boolean {
  const [name, pidText] = owner.split(":");
  const pid = Number(pidText);
  if (owner === runnerId() || name !== runnerName() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  return pid === process.pid || !pidRuns(pid);
}

/** Throws LeaseLostError when the scene's running job is held by another runner; call inside the write transaction it guards. */
export function assertLeaseHeld(sceneId: string): void {
  const job = getStore().jobs.get(sceneId);
  if (job && job.state === "running" && job.owner !== runnerId()) throw new LeaseLostError(sceneId, job.owner);
}

/** Whether another runner holds the scene's running job now (false when the store does not answer). */
export function leaseTaken(sceneId: string): boolean {
  try {
    assertLeaseHeld(sceneId);
    return false;
  } catch (e) {
    return e instanceof LeaseLostError;
  }
}

/** Renew every held lease; a job another runner has taken is aborted here. Store errors are logged (the lease may then expire). */
function renewAll(): void {
  const s = state();
  const store = getStore();
  const { jobLeaseMs } = config();
  for (const sceneId of [...s.held]) {
    try {
      if (store.jobs.renew(sceneId, s.runnerId, jobLeaseMs)) continue;
      const job = store.jobs.get(sceneId);
      if (!job || job.state !== "running") continue;
      release(sceneId);
      console.warn(`pipeline: lost the lease of scene ${sceneId} to ${job.owner ?? "nobody"}; stopping this server's copy of the job`);
      void abortJob(sceneId, new LeaseLostError(sceneId, job.owner));
    } catch (e) {
      console.error(`pipeline: renewing the lease of scene ${sceneId} failed:`, e);
    }
  }
}

function hold(sceneId: string): void {
  const s = state();
  s.held.add(sceneId);
  if (!s.timer) {
    s.timer = setInterval(renewAll, config().jobRenewMs);
    s.timer.unref();
  }
}

function release(sceneId: string): void {
  const s = state();
  s.held.delete(sceneId);
  if (s.held.size === 0 && s.timer) {
    clearInterval(s.timer);
    s.timer = null;
  }
}

/**
 * Start `run` as the scene's job (registry `startJob`) on a lease this process has already claimed: the lease
 * is renewed while it runs and no longer once it ends. Throws AppError `busy` like `startJob`.
 */
export function startLeasedJob(sceneId: string, kind: string, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const done = startJob(sceneId, kind, run);
  hold(sceneId);
  return done.finally(() => release(sceneId));
}

/** How many running jobs this process holds in the store (null when the store does not answer). */
export function ownedJobCount(): number | null {
  try {
    return getStore().jobs.countOwned(runnerId());
  } catch {
    return null;
  }
}
