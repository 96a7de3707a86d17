/**
 * Sandbox launch of a worker: `prlimit` caps (address space, CPU time, processes, no core dumps)
 * around `bwrap` (all namespaces unshared, only /usr and the worker package visible and read-only, a private
 * writable scratch dir, cleared environment, a seccomp filter that denies process creation) around `blender`.
 * When running as root, each worker slot runs under its own unprivileged uid so that RLIMIT_NPROC applies
 * (the kernel never enforces it for uid 0) and root-only files stay unreadable.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, lstatSync, openSync, readlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seccompSupported, writeWorkerSeccompFilter } from "./seccomp";

/** Resource caps of a worker process. */
export interface WorkerLimits {
  /** RLIMIT_AS in bytes (Blender 3.4 peaks near 0.8 GiB at startup; default 4 GiB). */
  addressSpaceBytes: number;
  /** RLIMIT_CPU in seconds over the worker's life (it is recycled long before). */
  cpuSeconds: number;
  /** RLIMIT_NPROC (tasks, threads included) for the worker's uid; applied only with a dedicated uid. */
  processes: number;
  /** RLIMIT_FSIZE in bytes: the largest file a worker may write (a scene's .blend stays far below). */
  fileSizeBytes: number;
}

/**
 * Default caps. Blender 3.4 runs about 9 threads on 2 cores (one task thread per core), so the task cap
 * grows with the core count.
 */
export const DEFAULT_LIMITS: WorkerLimits = {
  addressSpaceBytes: 4 * 1024 ** 3,
  cpuSeconds: 3600,
  processes: 48 + 2 * os.cpus().length,
  fileSizeBytes: 1024 ** 3,
};

/** Lowest uid used for worker slots when the server runs as root. */
export const BASE_UID = 200000;

let uidBlocks = 0;

/**
 * A block of 16 uids for one pool, distinct per process and per pool, so that RLIMIT_NPROC (counted per
 * uid) is never shared between pools running at the same time. Slot i runs as `base + i`.
 */
export function allocateUidBase(): number {
  return BASE_UID + ((process.pid * 8 + uidBlocks++) % 65536) * 16;
}

/** Child fd that carries the seccomp program to bwrap (0-2 stdio, 3 jobs, 4 results). */
export const SECCOMP_FD = 5;

/** How a worker is launched: program, arguments, uid/gid to switch to (root only), environment, files passed as fds 5.. */
export interface LaunchSpec {
  command: string;
  args: string[];
  uid?: number;
  gid?: number;
  env: Record<string, string>;
  /** Files opened read-only and passed to the child as fds 5, 6, ... (the seccomp program). */
  inheritFiles?: string[];
}

/** Sandbox state reported by health(). `required` is true unless ROOMCODE_SANDBOX=off: then no worker runs without bwrap. */
export interface SandboxState {
  enabled: boolean;
  reason: string | null;
  bwrap: string | null;
  prlimit: string | null;
  dropUid: boolean;
  /** Path of the seccomp BPF program given to bwrap, or null when the platform or kernel has none. */
  seccomp?: string | null;
  /** False only with ROOMCODE_SANDBOX=off (programs then run uncontained, by the operator's choice). */
  required?: boolean;
}

function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Top-level system dirs that may be merged-/usr symlinks (Debian 12: /bin -> usr/bin, ...). */
const USR_ALIASES = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

/**
 * Files under /etc that Blender's dynamic libraries need: the loader cache and Debian's alternatives links
 * (liblapack.so.3 and libblas.so.3 resolve through /etc/alternatives). Nothing else of /etc is visible.
 */
const ETC_FILES = ["/etc/ld.so.cache", "/etc/alternatives"];

/** What a sandboxed worker may see besides the system: read-only paths, paths to hide, the seccomp fd. */
export interface SandboxView {
  /** Files or dirs bound read-only at the same path (the worker package, a Blender outside /usr). */
  keepReadable: string[];
  /** Dirs hidden by an empty tmpfs when a bound tree contains them (the data dir, the checkout). */
  hide?: string[];
  /** Child fd number carrying the seccomp BPF program (`bwrap --seccomp FD`), when used. */
  seccompFd?: number | null;
}

function inside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith("/") ? parent : `${parent}/`);
}

/**
 * bwrap arguments up to (not including) the command. The worker sees /usr read-only (Blender, Python's stdlib,
 * numpy), the two /etc entries its libraries need, `view.keepReadable` read-only, a fresh /dev, /proc and /tmp,
 * and its scratch dir as the only writable path; no network, no other namespace, no capability, no environment.
 */
export function bwrapArgs(scratch: string, view: SandboxView): string[] {
  const args = ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--ro-bind", "/usr", "/usr"];
  for (const alias of USR_ALIASES) {
    let target: string | null = null;
    try {
      if (lstatSync(alias).isSymbolicLink()) target = readlinkSync(alias);
    } catch {
      continue;
    }
    if (target) args.push("--symlink", target, alias);
    else args.push("--ro-bind", alias, alias);
  }
  for (const f of ETC_FILES) args.push("--ro-bind-try", f, f);
  args.push("--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp");
  const system = ["/usr", ...USR_ALIASES];
  const keep = view.keepReadable.filter((k) => !system.some((s) => inside(k, s)));
  for (const k of keep) args.push("--ro-bind", k, k);
  // WARNING: a hidden dir may hold a kept path (a checkout under /usr holds the worker): bind it again on top.
  for (const h of view.hide ?? []) {
    if (![...system, ...keep].some((s) => inside(h, s) && h !== s) || inside(scratch, h)) continue;
    args.push("--tmpfs", h);
    for (const k of view.keepReadable) if (inside(k, h)) args.push("--ro-bind", k, k);
  }
  args.push("--bind", scratch, scratch, "--chdir", scratch, "--clearenv");
  for (const [k, v] of Object.entries(workerEnv(scratch))) args.push("--setenv", k, v);
  if (view.seccompFd !== undefined && view.seccompFd !== null) args.push("--seccomp", String(view.seccompFd));
  return args;
}

/** The environment a worker sees: nothing of the server's (no API keys), HOME and TMPDIR in its scratch dir. */
export function workerEnv(scratch: string): Record<string, string> {
  return { HOME: scratch, TMPDIR: scratch, PATH: "/usr/local/bin:/usr/bin:/bin", LANG: "C.UTF-8" };
}

/** prlimit arguments (without the command). */
export function prlimitArgs(limits: WorkerLimits, withNproc: boolean): string[] {
  const args = [`--as=${limits.addressSpaceBytes}`, `--cpu=${limits.cpuSeconds}`, `--fsize=${limits.fileSizeBytes}`, "--core=0"];
  if (withNproc) args.push(`--nproc=${limits.processes}`);
  return args;
}

/** Build the launch of one worker (argument arrays only, never a shell string). */
export function buildLaunch(input: {
  blender: string;
  blenderArgs: string[];
  scratch: string;
  slot: number;
  sandbox: SandboxState;
  limits: WorkerLimits;
  keepReadable: string[];
  hide?: string[];
  uidBase?: number;
}): LaunchSpec {
  const { sandbox } = input;
  let cmd = input.blender;
  let args = input.blenderArgs;
  const inheritFiles: string[] = [];
  if (sandbox.enabled && sandbox.bwrap) {
    if (sandbox.seccomp) inheritFiles.push(sandbox.seccomp);
    const view: SandboxView = { keepReadable: input.keepReadable, hide: input.hide ?? [], seccompFd: sandbox.seccomp ? SECCOMP_FD : null };
    args = [...bwrapArgs(input.scratch, view), "--", cmd, ...args];
    cmd = sandbox.bwrap;
  }
  if (sandbox.prlimit) {
    args = [...prlimitArgs(input.limits, sandbox.dropUid), "--", cmd, ...args];
    cmd = sandbox.prlimit;
  }
  const spec: LaunchSpec = { command: cmd, args, env: workerEnv(input.scratch), ...(inheritFiles.length ? { inheritFiles } : {}) };
  if (sandbox.dropUid) {
    spec.uid = (input.uidBase ?? BASE_UID) + input.slot;
    spec.gid = spec.uid;
  }
  return spec;
}

function run(cmd: string, args: string[], uid?: number, fd5?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const ids = uid !== undefined ? { uid, gid: uid } : {};
    const extra = fd5 ? openSync(fd5, "r") : null;
    const child = spawn(cmd, args, {
      ...ids,
      env: { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv,
      stdio: extra === null ? ["ignore", "pipe", "pipe"] : ["ignore", "pipe", "pipe", "ignore", "ignore", extra],
    });
    if (extra !== null) closeSync(extra);
    let out = "";
    const keep = (b: Buffer) => {
      out = (out + b.toString("utf8")).slice(-4000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ code: 1, out: e.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.trim() });
    });
  });
}

/**
 * Probe the sandbox for real: run `bwrap ... true` the way workers will be launched (with the seccomp filter
 * written to `scratch/seccomp.bpf` when the platform has one). Never throws. `reason` says why it is off, or,
 * when on, which layer is weaker than it could be (no prlimit, no seccomp, not root).
 */
export async function probeSandbox(mode: "auto" | "off", scratch: string): Promise<SandboxState> {
  const prlimit = which("prlimit");
  const dropUid = typeof process.getuid === "function" && process.getuid() === 0;
  if (mode === "off") return { enabled: false, reason: "disabled by ROOMCODE_SANDBOX=off: object programs run without containment", bwrap: null, prlimit, dropUid, seccomp: null, required: false };
  const bwrap = which("bwrap");
  if (!bwrap) {
    return { enabled: false, reason: "bubblewrap (bwrap) is not installed, so no object program can run contained: apt-get install bubblewrap (or set ROOMCODE_SANDBOX=off to run programs uncontained)", bwrap: null, prlimit, dropUid, seccomp: null, required: true };
  }
  const uid = dropUid ? BASE_UID : undefined;
  let seccomp: string | null = seccompSupported() ? writeWorkerSeccompFilter(path.join(scratch, "seccomp.bpf")) : null;
  const attempt = (filter: string | null) =>
    run(bwrap, [...bwrapArgs(scratch, { keepReadable: [], seccompFd: filter ? SECCOMP_FD : null }), "--", "/bin/true"], uid, filter ?? undefined);
  let probe = await attempt(seccomp);
  let seccompNote: string | null = seccomp ? null : `no seccomp filter for ${process.platform}/${process.arch}: process creation is capped by the pid namespace and RLIMIT_NPROC only`;
  if (probe.code !== 0 && seccomp) {
    const plain = await attempt(null);
    if (plain.code === 0) {
      seccompNote = `the kernel refused the seccomp filter (${probe.out.slice(0, 200)}): process creation is capped by the pid namespace and RLIMIT_NPROC only`;
      seccomp = null;
      probe = plain;
    }
  }
  if (probe.code !== 0) {
    return { enabled: false, reason: `bwrap does not work on this machine, so no object program can run contained: ${probe.out.slice(0, 300) || `exit ${probe.code}`} (or set ROOMCODE_SANDBOX=off to run programs uncontained)`, bwrap: null, prlimit, dropUid, seccomp: null, required: true };
  }
  const notes = [
    prlimit ? null : "prlimit not found: no CPU/memory/process caps",
    seccompNote,
    dropUid || !seccomp ? null : "not running as root: workers run as this user, and seccomp denies them any new process",
  ].filter((n): n is string => n !== null);
  return { enabled: true, reason: notes.length ? notes.join("; ") : null, bwrap, prlimit, dropUid, seccomp, required: true };
}
