/**
 * A full disk during a pipeline job (ENOSPC injected where the store lays out GLB files, through a real pipeline
 * run started with the real route) ends the job `failed` with a typed `disk_full` error instead of leaving the
 * scene `running`; a route that meets a full disk answers 507 `disk_full`.
 */
import fs from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir("roomcode-disk-full-");
process.env.ROOMCODE_WORKERS = "1";
const { callRoute, readSse } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

afterAll(async () => {
  vi.restoreAllMocks();
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function enospc(file: string): Error {
  return Object.assign(new Error(`ENOSPC: no space left on device, mkdir '${file}'`), { code: "ENOSPC", errno: -28, syscall: "mkdir", path: file });
}

describe("full disk", () => {
  it("ends the job failed with disk_full when GLB files cannot be written", async () => {
    const artifacts = getStore().artifacts;
    const real = artifacts.scratchPath.bind(artifacts);
    const spy = vi.spyOn(artifacts, "scratchPath").mockImplementation((sceneId: string, key: string) => {
      if (key.endsWith(".glb")) throw enospc(key);
      return real(sceneId, key);
    });
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: "a small bedroom with a bed and a nightstand" } });
    expect(res.status).toBe(202);
    const { scene } = (await res.json()) as { scene: Scene };
    const done = await pipeline.waitForScene(scene.id, 120_000);
    expect(spy).toHaveBeenCalled();
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/disk is full/);
    const events = await readSse(await callRoute("GET", `/api/scenes/${scene.id}/events`), { until: (e) => e.event === "job.failed", timeoutMs: 10_000 });
    const failed = events.find((e) => e.event === "job.failed");
    expect(failed, "job.failed event").toBeDefined();
    expect((JSON.parse(failed!.data) as { data: { error: { code: string } } }).data.error.code).toBe("disk_full");
    const got = (await (await callRoute("GET", `/api/scenes/${scene.id}`)).json()) as { scene: Scene };
    expect(got.scene.status).toBe("failed");
    expect(getStore().jobs.get(scene.id)?.state).toBe("failed");
    spy.mockRestore();
  });

  it("answers 507 disk_full for a full disk met inside a route", async () => {
    const r = pipeline.errorResponse(enospc("/data/x"));
    expect(r.status).toBe(507);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("disk_full");
  });
});
