/**
 * One Blender worker process: spawned with an argument array in its own process group, jobs written
 * to fd 3, results read from fd 4, Blender's stdout/stderr drained into a small ring buffer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, readdirSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { parseWorkerMessage, splitLines, type ReadyMessage, type ResultMessage } from "./protocol";
import type { LaunchSpec } from "./sandbox";

/** Bytes of Blender's own stdout/stderr kept for diagnostics. */
const LOG_TAIL = 16 * 1024;

/** Why a job did not produce a result. */
export type WorkerFailure =
  | { kind: "timeout"; ms: number }
  | { kind: "crash"; code: number | null; signal: string | null; log: string }
  | { kind: "protocol"; message: string }
  /** The caller aborted the job (its value was superseded): dequeued, or its worker was killed. */
  | { kind: "aborted"; running: boolean };

/** Thrown (rejected) by WorkerProcess.run when the job produced no result. */
export class WorkerFailureError extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(`runner: worker ${failure.kind}`);
  }
}

type Pending = { id: string; resolve: (m: ResultMessage) => void; reject: (e: WorkerFailureError) => void; timer: NodeJS.Timeout };

/** A live worker; `onExit` is called once when the process is gone. */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private log = "";
  private buffer = "";
  private pending: Pending | null = null;
  private readyResolve: ((m: ReadyMessage) => void) | null = null;
  private readyReject: ((e: Error) => void) | null = null;
  private exited = false;
  private killed = false;
  /** Info from the ready message. */
  ready: ReadyMessage | null = null;
  /** Jobs completed by this process. */
  jobsDone = 0;

  constructor(
    private readonly launch: LaunchSpec,
    private readonly onExit: (w: WorkerProcess) => void,
  ) {}

  /** Spawn and wait for the ready message (rejects after `timeoutMs` or when the process exits first). */
  start(timeoutMs = 60_000): Promise<ReadyMessage> {
    const { command, args, env, uid, gid, inheritFiles = [] } = this.launch;
    const extra = inheritFiles.map((f) => openSync(f, "r"));
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        stdio: ["ignore", "pipe", "pipe", "pipe", "pipe", ...extra],
        detached: true,
        env: env as NodeJS.ProcessEnv,
        ...(uid !== undefined ? { uid } : {}),
        ...(gid !== undefined ? { gid } : {}),
      });
    } finally {
      for (const fd of extra) closeSync(fd);
    }
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString("utf8")).slice(-LOG_TAIL);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const results = child.stdio[4] as Readable;
    results.setEncoding("utf8");
    results.on("data", (text: string) => this.onData(text));
    (child.stdio[3] as Writable).on("error", () => undefined);
    child.on("error", (e) => this.handleExit(null, null, `spawn failed: ${e.message}`));
    child.on("exit", (code, signal) => this.handleExit(code, signal, null));
    return new Promise<ReadyMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`runner: worker did not start within ${timeoutMs} ms: ${this.logTail()}`));
        this.kill();
      }, timeoutMs);
      this.readyResolve = (m) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.readyReject = (e) => {
        clearTimeout(timer);
        reject(e);
      };
    });
  }

  /** True while the process runs. */
  get alive(): boolean {
    return !!this.child && !this.exited && !this.killed;
  }

  /** True while a job is in flight. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Host pid of the process group leader. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Last lines of Blender's own output. */
  logTail(chars = 2000): string {
    return this.log.slice(-chars);
  }

  /** Send one encoded job line and wait for its result; a timeout kills the process group. */
  run(id: string, line: string, timeoutMs: number): Promise<ResultMessage> {
    if (!this.alive || !this.ready) return Promise.reject(new WorkerFailureError({ kind: "protocol", message: "worker not ready" }));
    if (this.pending) return Promise.reject(new WorkerFailureError({ kind: "protocol", message: "worker busy" }));
    return new Promise<ResultMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.pending;
        this.pending = null;
        this.kill();
        p?.reject(new WorkerFailureError({ kind: "timeout", ms: timeoutMs }));
      }, timeoutMs);
      this.pending = { id, resolve, reject, timer };
      (this.child!.stdio[3] as Writable).write(line);
    });
  }

  /** SIGKILL the whole process group (bwrap, its pid namespace and Blender). */
  kill(): void {
    this.killed = true;
    const pid = this.child?.pid;
    if (!pid || this.exited) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      try {
        this.child?.kill("SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }

  /** Resident set size (bytes) of the worker's process tree, from /proc; null when unknown. */
  rssBytes(): number | null {
    const pid = this.child?.pid;
    if (!pid || this.exited) return null;
    let total = 0;
    const stack = [pid];
    while (stack.length) {
      const p = stack.pop()!;
      try {
        const status = readFileSync(`/proc/${p}/status`, "utf8");
        const m = /VmRSS:\s+(\d+) kB/.exec(status);
        if (m) total += Number(m[1]) * 1024;
        for (const tid of readdirSync(`/proc/${p}/task`)) {
          const kids = readFileSync(`/proc/${p}/task/${tid}/children`, "utf8").trim();
          if (kids) stack.push(...kids.split(/\s+/).map(Number));
        }
      } catch {
        /* process vanished */
      }
    }
    return total;
  }

  private onData(text: string): void {
    const { lines, rest } = splitLines(this.buffer + text);
    this.buffer = rest;
    if (this.buffer.length > 64 * 1024 * 1024) {
      this.failPending({ kind: "protocol", message: "result line too long" });
      this.kill();
      return;
    }
    for (const line of lines) {
      const parsed = parseWorkerMessage(line);
      if (!parsed.ok) {
        this.failPending({ kind: "protocol", message: parsed.error });
        this.kill();
        return;
      }
      const msg = parsed.value;
      if (msg.type === "ready") {
        this.ready = msg;
        this.readyResolve?.(msg);
        this.readyResolve = this.readyReject = null;
        continue;
      }
      const p = this.pending;
      if (!p || msg.id !== p.id) continue;
      clearTimeout(p.timer);
      this.pending = null;
      this.jobsDone++;
      p.resolve(msg);
    }
  }

  private failPending(failure: WorkerFailure): void {
    const p = this.pending;
    if (!p) return;
    clearTimeout(p.timer);
    this.pending = null;
    p.reject(new WorkerFailureError(failure));
  }

  private handleExit(code: number | null, signal: string | null, note: string | null): void {
    if (this.exited) return;
    this.exited = true;
    const log = `${note ?? ""}${this.logTail()}`;
    this.readyReject?.(new Error(`runner: worker exited before it was ready (code ${code}, signal ${signal}): ${log}`));
    this.readyResolve = this.readyReject = null;
    this.failPending({ kind: "crash", code, signal, log });
    this.onExit(this);
  }
}
