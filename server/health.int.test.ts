/**
 * GET /api/health through the real route: a real Blender (3.4+) with pool and sandbox state, and a
 * missing Blender answered with 200, ok:false and the install hint instead of a failure.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { setTempDataDir } from "../test/support/env";

const RUNNER_KEY = Symbol.for("roomcode.runner");

async function loadHealthRoute(env: Record<string, string | undefined>) {
  vi.resetModules();
  // The runner is a process-wide singleton on globalThis: drop it so the new environment takes effect.
  const g = globalThis as { [RUNNER_KEY]?: { close(): Promise<void> } };
  await g[RUNNER_KEY]?.close();
  delete g[RUNNER_KEY];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const route = await import("../app/api/health/route");
  const runner = await import("./runner");
  return { route, runner };
}

describe("GET /api/health", () => {
  const dataDir = setTempDataDir();
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((r) => r.close()));
    delete process.env.BLENDER_PATH;
  });

  it("reports a real Blender 3.4+, the pool, the sandbox, the offline engine and the data dir", async () => {
    const { route, runner } = await loadHealthRoute({ BLENDER_PATH: undefined, ROOMCODE_ENGINE: "offline", ROOMCODE_WORKERS: "1" });
    opened.push(runner.getRunner());
    const res = await route.GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.reason).toBeNull();
    const [major, minor] = String(body.blender.version).split(".").map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(304);
    expect(body.pool.size).toBe(1);
    expect(body.engine.name).toBe("offline");
    expect(typeof body.sandbox.enabled).toBe("boolean");
    if (!body.sandbox.enabled) expect(body.sandbox.reason).toMatch(/\w/);
    expect(body.dataDir).toBe(dataDir);
  });

  it("answers 200 with ok:false and how to install Blender when it is missing", async () => {
    const { route, runner } = await loadHealthRoute({ BLENDER_PATH: "/nonexistent/blender", ROOMCODE_WORKERS: "1" });
    opened.push(runner.getRunner());
    const res = await route.GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.blender.found).toBe(false);
    expect(body.reason).toMatch(/Blender not found/);
    expect(body.reason).toMatch(/apt-get install blender python3-numpy/);
  });
});
