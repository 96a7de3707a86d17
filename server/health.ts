import "server-only";
/**
 * Health report for /api/health and the home page: Blender, worker pool, sandbox, engine, data dir.
 * `ok` is false with a `reason` when Blender is missing or too old (HTTP stays 200).
 */
import { config } from "./config";
import { getRunner } from "./runner";

/** Shape of GET /api/health. */
export interface HealthReport {
  ok: boolean;
  reason: string | null;
  blender: { found: boolean; path: string | null; version: string | null };
  pool: { size: number; busy: number; queued: number; alive: number; jobsDone: number; restarts: number };
  sandbox: { enabled: boolean; reason: string | null };
  engine: { name: "offline" | "openai"; model: string | null; baseURL: string | null };
  dataDir: string;
}

/** Build the health report; waits for the runner's Blender probe (at most a few seconds on first call). */
export async function getHealth(): Promise<HealthReport> {
  const c = config();
  const runner = getRunner();
  const deadline = Date.now() + 15_000;
  let h = runner.health();
  while (h.blender.found && !h.blender.version && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    h = runner.health();
  }
  return {
    ok: h.blender.found && !!h.blender.version,
    reason: h.blender.found ? null : (h.blender.reason ?? "Blender not found"),
    blender: { found: h.blender.found, path: h.blender.path, version: h.blender.version },
    pool: h.pool,
    sandbox: h.sandbox,
    engine: {
      name: c.engine,
      model: c.engine === "openai" ? c.openai.model : null,
      baseURL: c.engine === "openai" ? (c.openai.baseURL ?? "https://api.openai.com/v1") : null,
    },
    dataDir: c.dataDir,
  };
}
