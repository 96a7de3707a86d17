/**
 * Both shared top-down images (../shared/inputs/images, Apache-2.0, see ../shared/inputs/SOURCES.md) through
 * the real routes: multipart upload -> needs_review -> relabel-only correction (PATCH structure) ->
 * continue -> completed, with a built object for every footprint of the corrected structure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Scene } from "../../lib/scene/schema";
import { sharedInputsDir } from "../../test/support/env";
import { EXAMPLE1_ITEMS, relabelCorrection } from "./testing/example1";

// Server modules read ROOMCODE_DATA_DIR once, so it is set before they are imported below.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-image-routes-"));
process.env.ROOMCODE_DATA_DIR = dataDir;
process.env.ROOMCODE_REVIEW_IMAGES = "offline";
const { callRoute } = await import("../../test/support/routes");
const pipeline = await import("../pipeline");
const { getRunner } = await import("../runner");
const { getStore } = await import("../store");

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function uploadScene(file: string): Promise<Scene> {
  const form = new FormData();
  form.set("image", new File([new Uint8Array(fs.readFileSync(path.join(sharedInputsDir(), "images", file)))], file, { type: "image/png" }));
  const res = await callRoute("POST", "/api/scenes", { body: form });
  expect(res.status).toBe(202);
  return ((await res.json()) as { scene: Scene }).scene;
}

async function correctAndFinish(id: string, ops: unknown[]): Promise<void> {
  const paused = await pipeline.waitForScene(id, 120_000);
  expect(paused.status, paused.error ?? "").toBe("needs_review");
  let structure = paused.structure;
  if (ops.length) {
    const res = await callRoute("PATCH", `/api/scenes/${id}/structure`, { json: { ops } });
    expect(res.status).toBe(200);
    structure = ((await res.json()) as { scene: Scene }).scene.structure;
  }
  expect(structure?.objects).toHaveLength(structure?.footprints.length ?? -1);
  expect((await callRoute("POST", `/api/scenes/${id}/continue`)).status).toBe(202);
  const done = await pipeline.waitForScene(id, 600_000);
  expect(done.status, done.error ?? "").toBe("completed");
  for (const spec of structure?.objects ?? []) {
    const obj = done.objects.find((o) => o.id === spec.id);
    expect(obj, `object for footprint ${spec.footprintId}`).toBeDefined();
    expect(obj?.build.status, `${spec.id}: ${obj?.build.error?.message}`).toBe("built");
  }
}

describe("image scenes through the routes", () => {
  it("example1: relabel the major items, continue, and build one object per footprint", { timeout: 900_000 }, async () => {
    const scene = await uploadScene("code-as-room-example1.png");
    const paused = await pipeline.waitForScene(scene.id, 120_000);
    const { patch, missing } = relabelCorrection(paused.structure?.footprints ?? [], EXAMPLE1_ITEMS);
    expect(missing).toEqual([]);
    await correctAndFinish(scene.id, patch.ops);
    const done = pipeline.getScene(scene.id);
    for (const c of ["bed", "nightstand", "armchair", "rug", "bench"]) expect(done.objects.some((o) => o.category === c), c).toBe(true);
  });

  it("render-topdown: relabel the bed, continue, and build one object per footprint", { timeout: 900_000 }, async () => {
    const scene = await uploadScene("code-as-room-render-topdown.png");
    const paused = await pipeline.waitForScene(scene.id, 120_000);
    // The bed, read off the 1448x1086 render.
    const { patch, missing } = relabelCorrection(paused.structure?.footprints ?? [], [{ category: "bed", box: { x: 605, y: 205, w: 245, h: 315 } }]);
    expect(missing).toEqual([]);
    await correctAndFinish(scene.id, patch.ops);
    expect(pipeline.getScene(scene.id).objects.some((o) => o.category === "bed")).toBe(true);
  });
});
