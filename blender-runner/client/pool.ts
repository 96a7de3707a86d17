/**
 * The warm pool: N worker slots behind a FIFO queue. One job at a time per worker; a worker is
 * recycled after `recycleAfter` jobs, after a timeout, a crash, a memory error or a job that left
 * processes behind, and respawned at once.
 */
import { chmodSync, chownSync, mkdirSync, rmSync } from "node:fs";
import { copyFile, rm } from "node:fs/promises";
import path from "node:path";
import { encodeJob, type JobKind, type ResultMessage } from "./protocol";
import { allocateUidBase, buildLaunch, type SandboxState, type WorkerLimits } from "./sandbox";
import { WorkerFailureError, WorkerProcess, type WorkerFailure } from "./worker-process";

/**
 * Blender threads per worker (`-t`). The pool supplies the parallelism, one worker per core; Blender's
 * default of one thread per core would put N workers x N threads on N cores, and the depsgraph of a
 * single object gains nothing from threads (bench:runner: lower worker CPU time per job with 1).
 */
export const WORKER_THREADS = 1;

/** What a queued job produces once it is dispatched to a slot with a scratch dir. */
export interface PreparedJob {
  body: Record<string, unknown>;
  /** Files to copy from the scratch dir to the host after a successful job. */
  outputs: { from: string; to: string }[];
}

/** Outcome of a job: the worker's message (outputs already copied to the host), or why there is none. */
export type JobOutcome =
  | { kind: "result"; message: ResultMessage; queueMs: number; runMs: number }
  | { kind: "failure"; failure: WorkerFailure; queueMs: number; runMs: number };

interface Queued {
  kind: JobKind;
  prepare: (scratch: string, jobId: string) => PreparedJob;
  timeoutMs: number;
  enqueued: number;
  resolve: (o: JobOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  index: number;
  generation: number;
  scratch: string;
  worker: WorkerProcess | null;
  starting: boolean;
  failures: number;
  /** True from dispatch until the job's outputs are copied and the worker possibly recycled. */
  reserved: boolean;
}

/** Settings of a pool. */
export interface PoolSettings {
  blender: string;
  workerScript: string;
  size: number;
  recycleAfter: number;
  root: string;
  sandbox: SandboxState;
  limits: WorkerLimits;
  onReady?: (version: string) => void;
}

/** A pool of warm Blender workers. */
export class Pool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private closed = false;
  private seq = 0;
  /** Jobs finished (any outcome). */
  jobsDone = 0;
  /** Worker respawns after the first start. */
  restarts = 0;
  /** Last start error, for diagnostics. */
  lastStartError: string | null = null;
  /** Last start error not yet followed by a worker's ready handshake (null once a worker has answered). */
  startError: string | null = null;
  /** Current sandbox state (bubblewrap is dropped when sandboxed workers repeatedly fail to start). */
  sandbox: SandboxState;
  private readonly uidBase = allocateUidBase();

  constructor(private readonly s: PoolSettings) {
    this.sandbox = s.sandbox;
    for (let i = 0; i < s.size; i++) {
      this.slots.push({ index: i, generation: 0, scratch: "", worker: null, starting: false, failures: 0, reserved: false });
    }
  }

  private readonly cleanup = () => rmSync(this.s.root, { recursive: true, force: true });

  /** Start every worker (returns at once; workers come up in the background). */
  start(): void {
    process.once("exit", this.cleanup);
    for (const slot of this.slots) void this.spawn(slot);
  }

  /** Queue a job; resolves with its outcome (never rejects unless the pool is closed). */
  submit(kind: JobKind, prepare: Queued["prepare"], timeoutMs: number): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error("runner: pool is closed"));
    return new Promise<JobOutcome>((resolve, reject) => {
      this.queue.push({ kind, prepare, timeoutMs, enqueued: Date.now(), resolve, reject });
      this.dispatch();
    });
  }

  /** Counters for health(). */
  stats(): { size: number; busy: number; queued: number; alive: number; jobsDone: number; restarts: number; startError: string | null } {
    return {
      size: this.slots.length,
      busy: this.slots.filter((s) => s.reserved).length,
      queued: this.queue.length,
      alive: this.slots.filter((s) => s.worker?.alive && s.worker.ready).length,
      jobsDone: this.jobsDone,
      restarts: this.restarts,
      startError: this.startError,
    };
  }

  /** RSS in bytes of each live worker (process tree). */
  rss(): (number | null)[] {
    return this.slots.map((s) => s.worker?.rssBytes() ?? null);
  }

  /** Wait until every slot has a ready worker (or `timeoutMs` passes). */
  async waitReady(timeoutMs = 60_000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (this.slots.every((s) => s.worker?.ready && s.worker.alive)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  /** Kill every worker, fail queued jobs, remove scratch dirs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.reject(new Error("runner: pool closed"));
    for (const slot of this.slots) {
      slot.worker?.kill();
      slot.worker = null;
    }
    await new Promise((r) => setTimeout(r, 50));
    process.off("exit", this.cleanup);
    this.cleanup();
  }

  private prepareScratch(slot: Slot): string {
    const dir = path.join(this.s.root, `w${slot.index}-${slot.generation}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, "out"), { recursive: true });
    if (this.sandbox.dropUid) {
      const uid = this.uidBase + slot.index;
      chownSync(dir, uid, uid);
      chownSync(path.join(dir, "out"), uid, uid);
    }
    chmodSync(dir, 0o700);
    return dir;
  }

  private async spawn(slot: Slot): Promise<void> {
    if (this.closed || slot.starting) return;
    slot.starting = true;
    if (slot.scratch) rmSync(slot.scratch, { recursive: true, force: true });
    slot.generation++;
    slot.scratch = this.prepareScratch(slot);
    const launch = buildLaunch({
      blender: this.s.blender,
      blenderArgs: ["-b", "--factory-startup", "-noaudio", "-t", String(WORKER_THREADS), "--python", this.s.workerScript, "--", "--jobs-fd", "3", "--results-fd", "4", "--scratch", slot.scratch],
      scratch: slot.scratch,
      slot: slot.index,
      sandbox: this.sandbox,
      limits: this.s.limits,
      keepReadable: [path.dirname(this.s.workerScript), path.dirname(this.s.blender)],
      uidBase: this.uidBase,
    });
    const worker = new WorkerProcess(launch, (w) => this.onExit(slot, w));
    slot.worker = worker;
    try {
      const ready = await worker.start();
      slot.failures = 0;
      this.startError = null;
      this.s.onReady?.(ready.blender);
    } catch (e) {
      slot.failures++;
      this.lastStartError = (e as Error).message;
      this.startError = this.lastStartError;
      if (slot.failures >= 3 && this.sandbox.enabled) {
        this.sandbox = { ...this.sandbox, enabled: false, dropUid: false, reason: `sandboxed Blender failed to start 3 times, running without bubblewrap: ${this.lastStartError.slice(0, 300)}` };
        slot.failures = 0;
      } else if (slot.failures >= 3) {
        for (const q of this.queue.splice(0)) {
          q.resolve({ kind: "failure", failure: { kind: "crash", code: null, signal: null, log: this.lastStartError }, queueMs: Date.now() - q.enqueued, runMs: 0 });
        }
      }
    } finally {
      slot.starting = false;
    }
    if (this.closed) worker.kill();
    this.dispatch();
  }

  private onExit(slot: Slot, w: WorkerProcess): void {
    if (slot.worker !== w || this.closed) return;
    slot.worker = null;
    this.restarts++;
    const delay = slot.failures >= 3 ? Math.min(30_000, 1000 * 2 ** (slot.failures - 3)) : 0;
    setTimeout(() => void this.spawn(slot), delay);
  }

  private recycle(slot: Slot): void {
    const w = slot.worker;
    if (!w) return;
    w.kill();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      const w = slot.worker;
      if (!w || !w.alive || !w.ready || w.busy || slot.starting || slot.reserved) continue;
      const job = this.queue.shift()!;
      slot.reserved = true;
      void this.runOn(slot, w, job).finally(() => {
        slot.reserved = false;
        this.dispatch();
      });
    }
  }

  private async runOn(slot: Slot, w: WorkerProcess, job: Queued): Promise<void> {
    const started = Date.now();
    const queueMs = started - job.enqueued;
    const id = `j${++this.seq}`;
    let prepared: PreparedJob;
    try {
      prepared = job.prepare(slot.scratch, id);
    } catch (e) {
      job.reject(e as Error);
      return;
    }
    try {
      const message = await w.run(id, encodeJob(id, job.kind, prepared.body), job.timeoutMs);
      this.jobsDone++;
      if (message.ok) {
        try {
          for (const o of prepared.outputs) {
            await copyFile(o.from, o.to);
            await rm(o.from, { force: true });
          }
        } catch (e) {
          message.ok = false;
          message.error = { type: "OutputError", message: `runner: could not copy the output: ${(e as Error).message}`, line: null, traceback: "" };
        }
      } else {
        for (const o of prepared.outputs) await rm(o.from, { force: true });
      }
      const memoryTrouble = !message.ok && ["MemoryError", "RecursionError", "WorkerError"].includes(message.error?.type ?? "");
      if (message.stray > 0 || memoryTrouble || w.jobsDone >= this.s.recycleAfter) this.recycle(slot);
      job.resolve({ kind: "result", message, queueMs, runMs: Date.now() - started });
    } catch (e) {
      this.jobsDone++;
      const failure: WorkerFailure = e instanceof WorkerFailureError ? e.failure : { kind: "protocol", message: String(e) };
      this.recycle(slot);
      job.resolve({ kind: "failure", failure, queueMs, runMs: Date.now() - started });
    }
  }
}
