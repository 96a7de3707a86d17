/**
 * Sandbox launch of a worker: `prlimit` caps (address space, CPU time, processes, no core dumps)
 * around `bwrap` (all namespaces unshared, read-only system, private writable scratch dir, cleared
 * environment) around `blender`. When running as root, each worker slot runs under its own unprivileged
 * uid so that RLIMIT_NPROC applies (the kernel never enforces it for uid 0) and root-only files stay unreadable.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Resource caps of a worker process. */
export interface WorkerLimits {
  /** RLIMIT_AS in bytes (Blender 3.4 peaks near 0.8 GiB at startup; default 4 GiB). */
  addressSpaceBytes: number;
  /** RLIMIT_CPU in seconds over the worker's life (it is recycled long before). */
  cpuSeconds: number;
  /** RLIMIT_NPROC (tasks, threads included) for the worker's uid; applied only with a dedicated uid. */
  processes: number;
}

/**
 * Default caps. Blender 3.4 runs about 9 threads on 2 cores (one task thread per core), so the task cap
 * grows with the core count.
 */
export const DEFAULT_LIMITS: WorkerLimits = {
  addressSpaceBytes: 4 * 1024 ** 3,
  cpuSeconds: 3600,
  processes: 48 + 2 * os.cpus().length,
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

/** How a worker is launched: program, arguments, uid/gid to switch to (root only), environment. */
export interface LaunchSpec {
  command: string;
  args: string[];
  uid?: number;
  gid?: number;
  env: Record<string, string>;
}

/** Sandbox state reported by health(). */
export interface SandboxState {
  enabled: boolean;
  reason: string | null;
  bwrap: string | null;
  prlimit: string | null;
  dropUid: boolean;
}

function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

const MASKED_DIRS = ["/root", "/home", "/run", "/var/tmp", "/mnt", "/media", "/srv"];

/** bwrap arguments up to (not including) the command: everything read-only but `scratch` and /tmp. */
export function bwrapArgs(scratch: string, keepReadable: string[]): string[] {
  const args = ["--unshare-all", "--die-with-parent", "--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"];
  // WARNING: the fresh /tmp hides a checkout that lives under /tmp (CI clones may): bring the worker back read-only.
  for (const keep of keepReadable) if (keep.startsWith("/tmp/")) args.push("--ro-bind", keep, keep);
  for (const dir of MASKED_DIRS) {
    if (!existsSync(dir)) continue;
    if (scratch.startsWith(`${dir}/`)) continue;
    args.push("--tmpfs", dir);
    for (const keep of keepReadable) if (keep.startsWith(`${dir}/`)) args.push("--ro-bind", keep, keep);
  }
  args.push("--bind", scratch, scratch, "--chdir", scratch, "--clearenv");
  for (const [k, v] of Object.entries(workerEnv(scratch))) args.push("--setenv", k, v);
  return args;
}

/** The environment a worker sees: nothing of the server's (no API keys), HOME and TMPDIR in its scratch dir. */
export function workerEnv(scratch: string): Record<string, string> {
  return { HOME: scratch, TMPDIR: scratch, PATH: "/usr/local/bin:/usr/bin:/bin", LANG: "C.UTF-8" };
}

/** prlimit arguments (without the command). */
export function prlimitArgs(limits: WorkerLimits, withNproc: boolean): string[] {
  const args = [`--as=${limits.addressSpaceBytes}`, `--cpu=${limits.cpuSeconds}`, "--core=0"];
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
  uidBase?: number;
}): LaunchSpec {
  const { sandbox } = input;
  let cmd = input.blender;
  let args = input.blenderArgs;
  if (sandbox.enabled && sandbox.bwrap) {
    args = [...bwrapArgs(input.scratch, input.keepReadable), "--", cmd, ...args];
    cmd = sandbox.bwrap;
  }
  if (sandbox.prlimit) {
    args = [...prlimitArgs(input.limits, sandbox.dropUid), "--", cmd, ...args];
    cmd = sandbox.prlimit;
  }
  const spec: LaunchSpec = { command: cmd, args, env: workerEnv(input.scratch) };
  if (sandbox.dropUid) {
    spec.uid = (input.uidBase ?? BASE_UID) + input.slot;
    spec.gid = spec.uid;
  }
  return spec;
}

function run(cmd: string, args: string[], uid?: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const ids = uid !== undefined ? { uid, gid: uid } : {};
    execFile(cmd, args, { timeout: 15_000, ...ids, env: { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}`.trim() });
    });
  });
}

/**
 * Probe the sandbox for real: run `bwrap ... true` the way workers will be launched. Never throws.
 * `reason` says why it is off, or, when on, which layer is weaker than it could be (no prlimit; not root).
 */
export async function probeSandbox(mode: "auto" | "off", scratch: string): Promise<SandboxState> {
  const prlimit = which("prlimit");
  const dropUid = typeof process.getuid === "function" && process.getuid() === 0;
  if (mode === "off") return { enabled: false, reason: "disabled by ROOMCODE_SANDBOX=off", bwrap: null, prlimit, dropUid };
  const bwrap = which("bwrap");
  if (!bwrap) {
    return { enabled: false, reason: "bubblewrap (bwrap) is not installed: programs run without namespaces (apt-get install bubblewrap)", bwrap: null, prlimit, dropUid };
  }
  const uid = dropUid ? BASE_UID : undefined;
  const probe = await run(bwrap, [...bwrapArgs(scratch, []), "--", "/bin/true"], uid);
  if (probe.code !== 0) {
    return { enabled: false, reason: `bwrap does not work on this machine: ${probe.out.slice(0, 300) || `exit ${probe.code}`}`, bwrap: null, prlimit, dropUid };
  }
  const notes = [
    prlimit ? null : "prlimit not found: no CPU/memory/process caps",
    dropUid ? null : "not running as root: workers share this user's process cap, so a fork bomb is stopped by the pid namespace and the job timeout rather than a per-worker cap",
  ].filter((n): n is string => n !== null);
  return { enabled: true, reason: notes.length ? notes.join("; ") : null, bwrap, prlimit, dropUid };
}
