/**
 * Pool behaviour against real Blender: two workers share a queue, jobs never interleave, workers are
 * recycled after `recycleAfter` jobs and respawned, health() reports the pool, and the sandbox state says
 * when the per-worker process cap is missing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createRunner } from "../client";
import { probeSandbox } from "../client/sandbox";
import type { Runner } from "../client/types";
import { CUBE_PROGRAM } from "./programs";

let runner: Runner;
let out: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "roomcode-pool-"));
  runner = createRunner({ workers: 2, recycleAfter: 2 });
  expect(await runner.ready!(120_000)).toBe(true);
});

afterAll(async () => {
  await runner?.close();
  rmSync(out, { recursive: true, force: true });
});

it("runs queued jobs on two workers, recycles after N jobs and respawns", async () => {
  const h0 = runner.health();
  expect(h0.pool).toMatchObject({ size: 2, alive: 2, busy: 0, queued: 0 });
  expect(h0.blender.version).toMatch(/^\d+\.\d+/);
  expect(runner.blenderVersion()).toMatch(/^\d+\.\d+/);
  const jobs = Array.from({ length: 8 }, (_, i) =>
    runner.buildObject({ objectId: `box-${i + 1}`, source: CUBE_PROGRAM, overrides: { height: 0.1 * (i + 1) }, outGlb: path.join(out, `b${i}.glb`) }),
  );
  await new Promise((r) => setImmediate(r));
  expect(runner.health().pool.queued).toBeGreaterThan(0);
  expect(runner.health().pool.busy).toBe(2);
  const results = await Promise.all(jobs);
  results.forEach((r, i) => {
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.value.stats.size.h).toBeCloseTo(0.1 * (i + 1), 5);
  });
  const h = runner.health();
  expect(h.pool.jobsDone).toBe(8);
  // Each worker life takes at most 2 jobs, so 8 jobs end at least 4 lives; a kill is counted when the process
  // has exited, which may come just after the job's result.
  await vi.waitFor(() => expect(runner.health().pool.restarts).toBeGreaterThanOrEqual(4), { timeout: 10_000, interval: 50 });
  expect(await runner.ready!(120_000)).toBe(true);
  expect(runner.health().pool.alive).toBe(2);
});

it("says in the sandbox state when the per-worker process cap is missing (not root) and when it is not", async () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "roomcode-probe-"));
  try {
    const real = await probeSandbox("auto", scratch);
    if (!real.enabled) {
      expect(real.reason).toMatch(/bwrap|bubblewrap/);
      return;
    }
    if (process.getuid?.() === 0) expect(real.reason ?? "").not.toMatch(/not running as root/);
    else expect(real.reason).toMatch(/not running as root/);
    const spy = vi.spyOn(process, "getuid").mockReturnValue(1000);
    try {
      const asUser = await probeSandbox("auto", scratch);
      expect(asUser.enabled).toBe(true);
      expect(asUser.dropUid).toBe(false);
      expect(asUser.reason).toMatch(/not running as root: workers run as this user, and seccomp denies them any new process/);
    } finally {
      spy.mockRestore();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

it("starts no worker when bubblewrap is missing, and says how to fix it (no silent uncontained fallback)", async () => {
  const savedPath = process.env.PATH;
  process.env.PATH = "/nonexistent";
  const r = createRunner({ blenderPath: "/usr/bin/blender", workers: 1 });
  try {
    expect(await r.ready!(30_000)).toBe(false);
  } finally {
    process.env.PATH = savedPath;
  }
  try {
    const h = r.health();
    expect(h.sandbox.enabled).toBe(false);
    expect(h.sandbox.blocking).toBe(true);
    expect(h.sandbox.reason).toMatch(/apt-get install bubblewrap/);
    expect(h.pool.alive).toBe(0);
    const res = await r.buildObject({ objectId: "cube-1", source: CUBE_PROGRAM, outGlb: path.join(os.tmpdir(), `nobwrap-${process.pid}.glb`) });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.type).toBe("SandboxUnavailable");
  } finally {
    await r.close();
  }
});
