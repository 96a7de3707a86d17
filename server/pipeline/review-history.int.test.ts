/**
 * Review corrections are saved as they are made: each PATCH .../structure is one history step that POST .../undo
 * and .../redo walk through, and a fresh store on the same data folder (a reload, a restarted server) reads them.
 * Input: `../shared/inputs/images/code-as-room-example1.png` (Code-as-Room, Apache-2.0, see ../shared/inputs/SOURCES.md).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { sharedInputsDir, setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir();
process.env.ROOMCODE_REVIEW_IMAGES = "offline";
const { callRoute, readSse } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe("review corrections on the server", () => {
  it("saves each correction as one undoable step that a new store reads back", async () => {
    const png = fs.readFileSync(path.join(sharedInputsDir(), "images", "code-as-room-example1.png"));
    const form = new FormData();
    form.set("image", new File([new Uint8Array(png)], "example1.png", { type: "image/png" }));
    const { scene } = await json<{ scene: Scene }>(await callRoute("POST", "/api/scenes", { body: form }));
    await readSse(await callRoute("GET", `/api/scenes/${scene.id}/events`));
    const paused = pipeline.getScene(scene.id);
    expect(paused.status).toBe("needs_review");
    const [a, b] = paused.structure!.footprints;
    const patch = async (ops: unknown[]) => {
      const r = await callRoute("PATCH", `/api/scenes/${scene.id}/structure`, { json: { ops } });
      expect(r.status).toBe(200);
      return (await json<{ scene: Scene }>(r)).scene;
    };
    const cats = (s: Scene) => s.structure!.footprints.map((f) => `${f.id}:${f.category}`);

    const relabelled = await patch([{ op: "relabel", footprintId: a.id, category: "bench" }]);
    const moved = await patch([{ op: "resize", footprintId: b.id, boxPx: { ...b.boxPx, x: b.boxPx.x + 10 } }]);
    const turned = await patch([{ op: "rotate", footprintId: b.id, yawDeg: 30 }]);
    const deleted = await patch([{ op: "delete", footprintId: a.id }]);
    const mpp = paused.structure!.imageFrame!.metersPerPx[0];
    const scaled = await patch([{ op: "scale", metersPerPx: mpp * 2 }]);
    expect(relabelled.structure!.footprints.find((f) => f.id === a.id)?.category).toBe("bench");
    expect(moved.structure!.footprints.find((f) => f.id === b.id)?.boxPx.x).toBe(b.boxPx.x + 10);
    expect(turned.structure!.footprints.find((f) => f.id === b.id)).toMatchObject({ yawDeg: 30, yawFixed: true });
    expect(deleted.structure!.footprints.some((f) => f.id === a.id)).toBe(false);
    expect(scaled.structure!.roomSize.w).toBeCloseTo(paused.structure!.roomSize.w * 2, 2);

    const history = await json<{ entries: { kind: string; label: string; undone: boolean }[] }>(await callRoute("GET", `/api/scenes/${scene.id}/history`));
    expect(history.entries.map((e) => e.kind)).toEqual(["review", "review", "review", "review", "review"]);
    expect(history.entries[0].label).toBe(`relabel ${a.category.replace(/_/g, " ")} as bench`);

    // Undo walks back one correction at a time; redo re-applies.
    const undo = async () => (await json<{ scene: Scene }>(await callRoute("POST", `/api/scenes/${scene.id}/undo`))).scene;
    expect((await undo()).structure!.roomSize.w).toBeCloseTo(paused.structure!.roomSize.w, 3);
    expect(cats(await undo())).toEqual(cats(turned));
    const redone = (await json<{ scene: Scene }>(await callRoute("POST", `/api/scenes/${scene.id}/redo`))).scene;
    expect(cats(redone)).toEqual(cats(deleted));
    expect(cats(await undo())).toEqual(cats(turned));
    await undo();
    await undo();
    expect((await undo()).structure).toEqual(paused.structure);
    const nothing = await callRoute("POST", `/api/scenes/${scene.id}/undo`);
    expect(nothing.status).toBe(409);

    // A correction after undo, then a new store on the same folder (what a reload or a restart reads).
    await patch([{ op: "relabel", footprintId: b.id, category: "armchair" }]);
    getStore().close();
    const reread = (await json<{ scene: Scene }>(await callRoute("GET", `/api/scenes/${scene.id}`))).scene;
    expect(reread.structure!.footprints.find((f) => f.id === b.id)?.category).toBe("armchair");
    expect(reread.structure!.footprints.find((f) => f.id === a.id)?.category).toBe(a.category);
    const after = await json<{ entries: { undone: boolean }[] }>(await callRoute("GET", `/api/scenes/${scene.id}/history`));
    expect(after.entries.map((e) => e.undone)).toEqual([false]);
  });
});
