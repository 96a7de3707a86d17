import "server-only";
/**
 * Health report for /api/health and the home page: Blender, worker pool, sandbox, engine, the store (SQLite or
 * Postgres, and whether it answers), this server's runner id and the pipeline jobs it holds, data dir and its free disk space. `ok` is true only once a Blender worker has answered its ready handshake (HTTP stays 200);
 * otherwise `reason` says in one line what is wrong and how to fix it. Scene creation asks the same question
 * through `assertRunnerAvailable` and answers a typed 503 instead of starting a job that cannot build.
 */
import fs from "node:fs";
import path from "node:path";
import type { RunnerHealth } from "../blender-runner/client/types";
import { AppError } from "../lib/errors";
import { config } from "./config";
import { ownedJobCount, runnerId } from "./pipeline/lease";
import { getRunner } from "./runner";
import { getStore, type StoreBackend } from "./store";
import { redactUrl } from "./store/postgres";

/** Free space (bytes) below which the data dir counts as nearly full: a scene's GLBs, .blend and history take tens of MB. */
export const MIN_FREE_DISK_BYTES = 512 * 1024 * 1024;

/** Longest wait (ms) of a health request for the first worker's handshake or a start failure. */
const HEALTH_WAIT_MS = 15_000;

/** Longest wait (ms) of scene creation for the first worker's handshake or a start failure (start-up only). */
const CREATE_WAIT_MS = 30_000;

/** Shape of GET /api/health. `disk` sizes are bytes (null when statfs fails). */
export interface HealthReport {
  ok: boolean;
  reason: string | null;
  blender: { found: boolean; path: string | null; version: string | null };
  pool: { size: number; busy: number; queued: number; alive: number; jobsDone: number; restarts: number; startError: string | null };
  sandbox: { enabled: boolean; reason: string | null };
  engine: { name: "offline" | "openai"; model: string | null; baseURL: string | null };
  store: StoreHealth;
  /** This server's runner id and how many running pipeline jobs it holds the lease of (null: the store does not answer). */
  jobs: { runnerId: string; owned: number | null };
  dataDir: string;
  disk: { freeBytes: number | null; totalBytes: number | null; ok: boolean };
}

/** Which store is used (`location`: the SQLite file, or the DATABASE_URL without its password) and whether it answered a query. */
export interface StoreHealth {
  backend: StoreBackend;
  location: string;
  reachable: boolean;
  error: string | null;
}

/** Open the configured store if needed and run `SELECT 1` on it; a failure (e.g. Postgres unreachable) is reported, not thrown. */
export function storeHealth(): StoreHealth {
  const c = config();
  const backend: StoreBackend = c.databaseUrl ? "postgres" : "sqlite";
  const location = c.databaseUrl ? redactUrl(c.databaseUrl) : path.join(c.dataDir, "roomcode.sqlite");
  try {
    getStore().db.prepare("SELECT 1 AS one").get();
    return { backend, location, reachable: true, error: null };
  } catch (e) {
    return { backend, location, reachable: false, error: (e as Error).message };
  }
}

/** Null when the store answered, else the one-line reason with the fix. */
export function storeReason(s: StoreHealth): string | null {
  if (s.reachable) return null;
  const fix = s.backend === "postgres" ? "check DATABASE_URL and that the Postgres server is running" : "check ROOMCODE_DATA_DIR";
  return `The ${s.backend === "postgres" ? "Postgres" : "SQLite"} store at ${s.location} does not answer (${(s.error ?? "unknown error").replace(/^store: /, "").slice(0, 300)}): ${fix}`;
}

/**
 * What the runner can do now: `ready` (a worker answered), `missing` (no usable Blender), `unavailable` (workers
 * fail to start and the pool has no fallback left), `starting` (no verdict yet). `reason` is one line with the fix.
 */
export interface RunnerVerdict {
  state: "ready" | "missing" | "unavailable" | "starting";
  reason: string | null;
}

/** Known causes of a worker that exits before its handshake, matched on Blender's output, with the fix. */
const KNOWN_START_FAILURES: { test: RegExp; say: string }[] = [
  { test: /No module named '?numpy'?|import of numpy halted/, say: "Blender's Python has no numpy: apt-get install python3-numpy" },
  {
    test: /No module named '?io_scene_gltf2'?/,
    say: "Blender has no glTF exporter add-on (io_scene_gltf2): apt-get install --reinstall blender-data, or set BLENDER_PATH to a complete Blender 3.4+",
  },
];

/**
 * One line from a worker's start failure (the pool's `startError`: a `runner:` message with Blender's log tail):
 * a known cause mapped to its fix, else the first exception line of the traceback, else the first line.
 */
export function explainStartError(raw: string): string {
  for (const k of KNOWN_START_FAILURES) if (k.test.test(raw)) return k.say;
  const lines = raw
    .split("\n")
    .map((l) => l.trim().replace(/^Error: Python: /, ""))
    .filter(Boolean);
  const line = lines.find((l) => /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b/.test(l)) ?? lines[0] ?? "unknown error";
  return `${line.slice(0, 300)} (check BLENDER_PATH and run scripts/ensure-system.sh)`;
}

/** Classify a runner health snapshot (pure). */
export function runnerVerdict(h: RunnerHealth): RunnerVerdict {
  if (h.blender.found && !h.blender.version) return { state: "starting", reason: null };
  if (!h.blender.found) return { state: "missing", reason: h.blender.reason ?? "Blender not found" };
  if (h.pool.alive > 0) return { state: "ready", reason: null };
  if (h.sandbox.blocking) return { state: "unavailable", reason: `No Blender worker may start without its sandbox: ${h.sandbox.reason ?? "bubblewrap does not work"}` };
  // The pool keeps retrying (with backoff) and clears `startError` at the next handshake; until then no job can run.
  if (h.pool.startError) {
    return { state: "unavailable", reason: `No Blender worker can start. ${explainStartError(h.pool.startError)}` };
  }
  return { state: "starting", reason: null };
}

async function waitForVerdict(waitMs: number): Promise<{ verdict: RunnerVerdict; health: RunnerHealth }> {
  const runner = getRunner();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const health = runner.health();
    const verdict = runnerVerdict(health);
    if (verdict.state !== "starting" || Date.now() >= deadline) return { verdict, health };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Free and total bytes of the file system holding `dir` (or its nearest existing parent); nulls when statfs fails. */
export function diskSpace(dir: string): { freeBytes: number | null; totalBytes: number | null } {
  let probe = path.resolve(dir);
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  try {
    const s = fs.statfsSync(probe);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return { freeBytes: null, totalBytes: null };
  }
}

/** Null when `freeBytes` (bytes available to this user; null = unknown) is enough, else the one-line reason. */
export function diskReason(freeBytes: number | null, dataDir: string): string | null {
  if (freeBytes === null || freeBytes >= MIN_FREE_DISK_BYTES) return null;
  const mb = Math.floor(freeBytes / (1024 * 1024));
  return `The disk holding ${dataDir} is nearly full (${mb} MB free, Roomcode needs ${MIN_FREE_DISK_BYTES / (1024 * 1024)} MB): free some space or set ROOMCODE_DATA_DIR to another disk`;
}

/** Build the health report; at start-up waits (at most 15 s) for the first worker's handshake or start failure. */
export async function getHealth(): Promise<HealthReport> {
  const c = config();
  const { verdict, health: h } = await waitForVerdict(HEALTH_WAIT_MS);
  const disk = diskSpace(c.dataDir);
  const noDisk = diskReason(disk.freeBytes, c.dataDir);
  const store = storeHealth();
  const noStore = storeReason(store);
  const runnerReason = verdict.state === "starting" ? "No Blender worker has answered yet (still starting): reload in a few seconds" : verdict.reason;
  return {
    ok: verdict.state === "ready" && !noDisk && !noStore,
    reason: noStore ?? runnerReason ?? noDisk,
    blender: { found: h.blender.found, path: h.blender.path, version: h.blender.version },
    pool: h.pool,
    sandbox: h.sandbox,
    engine: {
      name: c.engine,
      model: c.engine === "openai" ? c.openai.model : null,
      baseURL: c.engine === "openai" ? (c.openai.baseURL ?? "https://api.openai.com/v1") : null,
    },
    store,
    jobs: { runnerId: runnerId(), owned: store.reachable ? ownedJobCount() : null },
    dataDir: c.dataDir,
    disk: { ...disk, ok: !noDisk },
  };
}

/**
 * Throws AppError `blender_missing` (503) when there is no usable Blender, or `runner_unavailable` (503) when no
 * worker can start; returns at once while a worker is up and waits (at most 30 s) only before the first verdict.
 */
export async function assertRunnerAvailable(): Promise<void> {
  const { verdict } = await waitForVerdict(CREATE_WAIT_MS);
  if (verdict.state === "missing") throw new AppError("blender_missing", verdict.reason ?? "Blender is not available.");
  if (verdict.state === "unavailable") throw new AppError("runner_unavailable", verdict.reason ?? "No Blender worker can start.");
}
