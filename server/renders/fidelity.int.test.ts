/**
 * The fidelity view through the real routes with real Blender and SQLite, on the shared top-down render
 * (../shared/inputs/images, Apache-2.0, see ../shared/inputs/SOURCES.md): the room is built from the picture,
 * rendered top-down in the picture's frame, and each object's footprint IoU is measured from its built meshes; an
 * object moved away from its box scores low and "place" brings it back; "resize" and "relabel" (undoable) act on others.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import type { FidelityView } from "../../lib/fidelity/schema";
import type { Scene } from "../../lib/scene/schema";
import { sharedInputsDir } from "../../test/support/env";

// Server modules read ROOMCODE_DATA_DIR once, so it is set before they are imported below.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-fidelity-"));
process.env.ROOMCODE_DATA_DIR = dataDir;
process.env.ROOMCODE_REVIEW_IMAGES = "never";
const { callRoute } = await import("../../test/support/routes");
const pipeline = await import("../pipeline");
const { getRunner } = await import("../runner");
const { getStore } = await import("../store");
const { renderFidelity } = await import("./fidelity");

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function fidelity(id: string): Promise<FidelityView> {
  const res = await callRoute("GET", `/api/scenes/${id}/fidelity`);
  expect(res.status).toBe(200);
  return (await res.json()) as FidelityView;
}

describe("fidelity view", () => {
  it("renders the built room in the picture's frame and scores each object's built footprint against its box", { timeout: 900_000 }, async () => {
    const file = "code-as-room-render-topdown.png";
    const form = new FormData();
    form.set("image", new File([new Uint8Array(fs.readFileSync(path.join(sharedInputsDir(), "images", file)))], file, { type: "image/png" }));
    const created = await callRoute("POST", "/api/scenes", { body: form });
    expect(created.status).toBe(202);
    const { scene } = (await created.json()) as { scene: Scene };
    const done = await pipeline.waitForScene(scene.id, 600_000);
    expect(done.status, done.error ?? "").toBe("completed");

    const before = await fidelity(scene.id);
    expect(before.scores.objects.length).toBe(done.structure?.footprints.length);
    const scored = before.scores.objects.filter((o) => o.iou !== null);
    expect(scored.length).toBeGreaterThan(0);
    // Every score comes from a measured mesh footprint, not from the target box.
    for (const o of scored) expect(o.builtFootprint!.length).toBeGreaterThanOrEqual(3);

    // The render: a PNG of the picture's aspect, showing something besides one flat colour.
    const start = await callRoute("POST", `/api/scenes/${scene.id}/fidelity`);
    expect(start.status).toBe(202);
    const rec = await renderFidelity(scene.id);
    expect(rec.status, rec.error ?? "").toBe("completed");
    const view = await fidelity(scene.id);
    expect(view.render?.stale).toBe(false);
    const png = await callRoute("GET", view.render!.url!);
    expect(png.status).toBe(200);
    const img = sharp(Buffer.from(await png.arrayBuffer()));
    const meta = await img.metadata();
    expect([meta.width, meta.height]).toEqual([view.render!.widthPx, view.render!.heightPx]);
    expect(meta.width! / meta.height!).toBeCloseTo(view.picture.widthPx / view.picture.heightPx, 1);
    const stats = await img.stats();
    expect(Math.max(...stats.channels.map((c) => c.stdev))).toBeGreaterThan(10);

    // Move the best-fitting object 1.5 m off its box: its IoU drops, the render is stale, and "place" restores it.
    const best = [...scored].sort((a, b) => b.iou! - a.iou!)[0];
    const obj = done.objects.find((o) => o.id === best.objectId)!;
    const moved = await callRoute("PATCH", `/api/scenes/${scene.id}/objects/${obj.id}`, { json: { placement: { ...obj.placement, x: obj.placement.x + 1.5 } } });
    expect(moved.status).toBe(200);
    const after = await fidelity(scene.id);
    const low = after.scores.objects.find((o) => o.footprintId === best.footprintId)!;
    expect(low.iou!).toBeLessThan(Math.min(0.5, best.iou! - 0.2));
    expect(low.status).toBe("low");
    expect(after.scores.below).toContain(best.footprintId);
    expect(after.render?.stale).toBe(true);

    const fixed = await callRoute("POST", `/api/scenes/${scene.id}/fidelity/fix`, { json: { footprintId: best.footprintId, action: "place" } });
    expect(fixed.status).toBe(200);
    const back = ((await fixed.json()) as { fidelity: FidelityView }).fidelity.scores.objects.find((o) => o.footprintId === best.footprintId)!;
    expect(back.iou!).toBeGreaterThan(low.iou!);
    expect(back.iou!).toBeGreaterThanOrEqual(Math.min(best.iou!, 0.5) - 0.05);

    // Resize gives a low object its box's width and depth (the object's own axes follow its yaw); relabel replaces it
    // by an object of another category built for the box, one undoable step.
    const lowOne = before.scores.objects.find((o) => o.status === "low" && o.footprintId !== best.footprintId);
    expect(lowOne, "an object below the threshold in the built room").toBeDefined();
    {
      const res = await callRoute("POST", `/api/scenes/${scene.id}/fidelity/fix`, { json: { footprintId: lowOne!.footprintId, action: "resize" } });
      expect(res.status).toBe(200);
      const o = pipeline.getScene(scene.id).objects.find((x) => x.id === lowOne!.objectId)!;
      const turned = Math.abs(Math.sin((o.placement.yawDeg * Math.PI) / 180)) > Math.SQRT1_2;
      const box = lowOne!.pictureBox;
      expect(o.program!.params.width).toBeCloseTo(turned ? box.d : box.w, 2);
      expect(o.program!.params.depth).toBeCloseTo(turned ? box.w : box.d, 2);
    }
    const other = before.scores.objects.find((o) => o.footprintId !== best.footprintId && o.objectCategory !== "ottoman" && o.status !== "missing")!;
    const relabel = await callRoute("POST", `/api/scenes/${scene.id}/fidelity/fix`, { json: { footprintId: other.footprintId, action: "relabel", category: "ottoman" } });
    expect(relabel.status).toBe(200);
    const relabelled = ((await relabel.json()) as { objectId: string; fidelity: FidelityView });
    const row = relabelled.fidelity.scores.objects.find((o) => o.footprintId === other.footprintId)!;
    expect(row.objectCategory).toBe("ottoman");
    expect(row.objectId).toBe(relabelled.objectId);
    expect(row.builtFootprint?.length).toBeGreaterThanOrEqual(3);
    const afterRelabel = pipeline.getScene(scene.id);
    expect(afterRelabel.objects.some((o) => o.id === other.objectId)).toBe(false);
    expect((await callRoute("POST", `/api/scenes/${scene.id}/undo`)).status).toBe(200);
    const undone = pipeline.getScene(scene.id);
    expect(undone.objects.some((o) => o.id === other.objectId)).toBe(true);
    expect(undone.objects.some((o) => o.id === relabelled.objectId)).toBe(false);

    // A box the structure has no object for, or an unknown action, is refused and changes nothing.
    expect((await callRoute("POST", `/api/scenes/${scene.id}/fidelity/fix`, { json: { footprintId: "fp-999", action: "place" } })).status).toBe(404);
    expect((await callRoute("POST", `/api/scenes/${scene.id}/fidelity/fix`, { json: { footprintId: best.footprintId, action: "explode" } })).status).toBe(400);
    console.log(`fidelity ${file}: room score ${before.scores.roomScore} ->`, before.scores.objects.map((o) => `${o.footprintId}:${o.category}=${o.iou}`).join(" "), `render ${rec.seconds} s`);
  });
});
