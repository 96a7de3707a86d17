/**
 * The warm pool: N worker slots behind a FIFO queue. One job at a time per worker; a worker is
 * recycled after `recycleAfter` jobs, after a timeout, a crash, a memory error or a job that left
 * processes behind, and respawned at once.
 *
 * Workers are bound to a scope (the scene id): a worker runs untrusted programs of one scope only, so no
 * Python state a program leaves behind (a monkeypatched module, a hook) can reach another scene's build.
 * A fresh worker takes the first scope it is given; a worker bound to another scope is restarted first,
 * and an idle bound worker is restarted fresh after `idleRefreshMs` so that the next scene finds one warm.
 */
import { chmodSync, chownSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { collectOutput } from "./outputs";
import { encodeJob, type JobKind, type ResultMessage } from "./protocol";
import { allocateUidBase, buildLaunch, type SandboxState, type WorkerLimits } from "./sandbox";
import { WorkerFailureError, WorkerProcess, type WorkerFailure } from "./worker-process";

/**
 * Blender threads per worker (`-t`). The pool supplies the parallelism, one worker per core; Blender's
 * default of one thread per core would put N workers x N threads on N cores, and the depsgraph of a
 * single object gains nothing from threads (bench:runner: lower worker CPU time per job with 1).
 */
export const WORKER_THREADS = 1;

/** A job that has waited this long (ms) may take a worker bound to a scope that still has queued jobs. */
const STARVATION_MS = 5_000;

/** What a queued job produces once it is dispatched to a slot with a scratch dir. */
export interface PreparedJob {
  body: Record<string, unknown>;
  /** Files (`<scratch>/out/<name>`) to move to host paths after a successful job, each checked (outputs.ts). */
  outputs: { from: string; to: string }[];
}

/** Outcome of a job: the worker's message (outputs already copied to the host), or why there is none. */
export type JobOutcome =
  | { kind: "result"; message: ResultMessage; queueMs: number; runMs: number }
  | { kind: "failure"; failure: WorkerFailure; queueMs: number; runMs: number };

/** Queue class of a job: `background` jobs (renders) run only while no `build` job is waiting. */
export type JobPriority = "build" | "background";

interface Queued {
  kind: JobKind;
  priority: JobPriority;
  /** Scene id (or another isolation key) of the programs this job carries. */
  scope: string;
  prepare: (scratch: string, jobId: string) => PreparedJob;
  timeoutMs: number;
  enqueued: number;
  signal: AbortSignal | null;
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
  /** Scope whose programs this worker has run (null while fresh). */
  scope: string | null;
  idleTimer: NodeJS.Timeout | null;
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
  /** Host dirs hidden from workers even when a bound system tree holds them (data dir, checkout). */
  hide?: string[];
  /** Restart an idle worker bound to a scope after this many ms (default 15000; 0 disables). */
  idleRefreshMs?: number;
  onReady?: (version: string) => void;
}

/** A pool of warm Blender workers. */
export class Pool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  /** The slot each dispatched job runs on, until it resolves (an abort kills that slot's worker). */
  private readonly running = new Map<Queued, Slot>();
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
      this.slots.push({ index: i, generation: 0, scratch: "", worker: null, starting: false, failures: 0, reserved: false, scope: null, idleTimer: null });
    }
  }

  private readonly cleanup = () => rmSync(this.s.root, { recursive: true, force: true });

  /** Start every worker (returns at once; workers come up in the background). */
  start(): void {
    process.once("exit", this.cleanup);
    for (const slot of this.slots) void this.spawn(slot);
  }

  /**
   * Queue a job of `scope` (see the file comment); `background` jobs wait while any `build` job is queued.
   * Aborting `signal` dequeues a waiting job, or kills the worker running it (the slot is respawned at once);
   * either way the job resolves with an `aborted` failure and copies no output. Resolves with its outcome
   * (never rejects unless the pool is closed).
   */
  submit(kind: JobKind, prepare: Queued["prepare"], timeoutMs: number, scope: string, priority: JobPriority = "build", signal?: AbortSignal): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error("runner: pool is closed"));
    if (signal?.aborted) return Promise.resolve({ kind: "failure", failure: { kind: "aborted", running: false }, queueMs: 0, runMs: 0 });
    return new Promise<JobOutcome>((resolve, reject) => {
      const job: Queued = { kind, priority, scope, prepare, timeoutMs, enqueued: Date.now(), signal: signal ?? null, resolve, reject };
      if (signal) {
        const onAbort = () => {
          const i = this.queue.indexOf(job);
          if (i >= 0) {
            this.queue.splice(i, 1);
            resolve({ kind: "failure", failure: { kind: "aborted", running: false }, queueMs: Date.now() - job.enqueued, runMs: 0 });
            return;
          }
          const slot = this.running.get(job);
          if (slot) this.recycle(slot);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        const settle = <T,>(f: (v: T) => void) => (v: T) => {
          signal.removeEventListener("abort", onAbort);
          f(v);
        };
        job.resolve = settle(resolve);
        job.reject = settle(reject);
      }
      this.queue.push(job);
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
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.worker?.kill();
      slot.worker = null;
    }
    await new Promise((r) => setTimeout(r, 50));
    process.off("exit", this.cleanup);
    this.cleanup();
  }

  /**
   * What a sandboxed worker may read besides /usr: the worker script and its package, and Blender when it lives
   * elsewhere (BLENDER_PATH to a tarball install or a wrapper script: the executable and its real folder).
   */
  private keepReadable(): string[] {
    const script = this.s.workerScript;
    const keep = [script, path.join(path.dirname(script), "roomcode_worker"), this.s.blender];
    try {
      keep.push(path.dirname(realpathSync(this.s.blender)));
    } catch {
      /* a missing Blender fails at spawn with its own message */
    }
    return [...new Set(keep)];
  }

  private workerUid(slot: Slot): number | null {
    return this.sandbox.dropUid ? this.uidBase + slot.index : null;
  }

  private prepareScratch(slot: Slot): string {
    const dir = path.join(this.s.root, `w${slot.index}-${slot.generation}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, "out"), { recursive: true });
    const uid = this.workerUid(slot);
    if (uid !== null) {
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
    slot.scope = null;
    slot.scratch = this.prepareScratch(slot);
    const launch = buildLaunch({
      blender: this.s.blender,
      blenderArgs: ["-b", "--factory-startup", "-noaudio", "-t", String(WORKER_THREADS), "--python", this.s.workerScript, "--", "--jobs-fd", "3", "--results-fd", "4", "--scratch", slot.scratch],
      scratch: slot.scratch,
      slot: slot.index,
      sandbox: this.sandbox,
      limits: this.s.limits,
      keepReadable: this.keepReadable(),
      hide: this.s.hide ?? [],
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
      // WARNING: never fall back to an unsandboxed worker here: a start failure is reported, not worked around.
      if (slot.failures >= 3) {
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

  /** A slot can take a job now: a live, ready, idle worker that is not being restarted. */
  private idle(slot: Slot): boolean {
    const w = slot.worker;
    return !!w && w.alive && !!w.ready && !w.busy && !slot.starting && !slot.reserved;
  }

  /**
   * Give queued jobs to idle workers, oldest first: a worker bound to the job's scope, else a fresh one; when
   * neither is idle, restart an idle worker bound to a scope that no queued job wants (the job waits for it).
   */
  private dispatch(): void {
    if (this.closed) return;
    for (let i = 0; i < this.queue.length; ) {
      const job = this.queue[i];
      if (job.priority === "background" && this.queue.some((q) => q.priority === "build")) {
        i++;
        continue;
      }
      const idle = this.slots.filter((s) => this.idle(s));
      const slot = idle.find((s) => s.scope === job.scope) ?? idle.find((s) => s.scope === null);
      if (!slot) {
        this.rebindOne(idle, Date.now() - job.enqueued > STARVATION_MS);
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.reserved = true;
      slot.scope = job.scope;
      this.running.set(job, slot);
      void this.runOn(slot, slot.worker!, job).finally(() => {
        this.running.delete(job);
        slot.reserved = false;
        this.armIdleRefresh(slot);
        this.dispatch();
      });
    }
  }

  /**
   * Restart one idle bound worker whose scope no queued job wants, so that it comes back fresh; once a job has
   * waited `STARVATION_MS`, any idle bound worker will do (a busy scene cannot keep every worker to itself).
   */
  private rebindOne(idle: Slot[], starving: boolean): void {
    const wanted = new Set(this.queue.map((q) => q.scope));
    const victim = idle.find((s) => s.scope !== null && !wanted.has(s.scope)) ?? (starving ? idle.find((s) => s.scope !== null) : undefined);
    if (victim) this.recycle(victim);
  }

  /** After a job, an idle worker bound to a scope is restarted fresh once it has idled `idleRefreshMs`. */
  private armIdleRefresh(slot: Slot): void {
    const ms = this.s.idleRefreshMs ?? 15_000;
    if (ms <= 0 || slot.scope === null || this.closed) return;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const w = slot.worker;
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null;
      if (slot.worker === w && this.idle(slot) && slot.scope !== null) this.recycle(slot);
    }, ms);
    slot.idleTimer.unref();
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
      if (job.signal?.aborted) {
        // The result came in before the kill: an aborted job still leaves nothing behind.
        for (const o of prepared.outputs) await rm(o.from, { force: true });
        job.resolve({ kind: "failure", failure: { kind: "aborted", running: true }, queueMs, runMs: Date.now() - started });
        return;
      }
      if (message.ok) {
        try {
          for (const o of prepared.outputs) await collectOutput(path.dirname(o.from), path.basename(o.from), o.to, this.workerUid(slot));
        } catch (e) {
          message.ok = false;
          const why = (e as Error).message;
          const code = (e as NodeJS.ErrnoException).code;
          message.error =
            code === "ENOSPC" || code === "EDQUOT"
              ? { type: "DiskFull", message: `runner: the host disk is full, the output could not be stored (${code})`, line: null, traceback: "" }
              : { type: "OutputError", message: why.startsWith("runner:") ? why : `runner: could not store the output: ${why}`, line: null, traceback: "" };
          for (const o of prepared.outputs) await rm(o.from, { force: true });
        }
      } else {
        for (const o of prepared.outputs) await rm(o.from, { force: true });
      }
      // A refused output means the worker itself was tampered with: it is not given another job.
      const memoryTrouble = !message.ok && ["MemoryError", "RecursionError", "WorkerError", "OutputError"].includes(message.error?.type ?? "");
      if (message.stray > 0 || memoryTrouble || w.jobsDone >= this.s.recycleAfter) this.recycle(slot);
      job.resolve({ kind: "result", message, queueMs, runMs: Date.now() - started });
    } catch (e) {
      this.jobsDone++;
      const failure: WorkerFailure = job.signal?.aborted ? { kind: "aborted", running: true } : e instanceof WorkerFailureError ? e.failure : { kind: "protocol", message: String(e) };
      this.recycle(slot);
      job.resolve({ kind: "failure", failure, queueMs, runMs: Date.now() - started });
    }
  }
}
