/**
 * The image path through the real routes: multipart upload -> structure -> `needs_review` pause ->
 * structure.png overlay -> PATCH structure -> POST continue -> completed with one built object per structure object.
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

function upload(bytes: Buffer, name: string, type: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set("image", new File([new Uint8Array(bytes)], name, { type }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe("image scenes through the routes", () => {
  it("pauses for review, accepts a correction, and completes after continue", async () => {
    const png = fs.readFileSync(path.join(sharedInputsDir(), "images", "code-as-room-example1.png"));
    const res = await callRoute("POST", "/api/scenes", { body: upload(png, "example1.png", "image/png") });
    expect(res.status).toBe(202);
    const { scene } = (await res.json()) as { scene: Scene };
    expect(scene.source.kind).toBe("image");
    expect(getStore().artifacts.has(scene.id, (scene.source as { imageFile: string }).imageFile)).toBe(true);

    const events = await readSse(await callRoute("GET", `/api/scenes/${scene.id}/events`));
    expect(events.at(-1)?.event).toBe("scene.needs_review");
    const paused = pipeline.getScene(scene.id);
    expect(paused.status).toBe("needs_review");
    expect(paused.structure!.footprints.length).toBeGreaterThan(0);
    expect(paused.objects).toEqual([]);

    const overlay = await callRoute("GET", `/api/scenes/${scene.id}/structure.png`);
    expect(overlay.status).toBe(200);
    expect(overlay.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await overlay.arrayBuffer()).subarray(1, 4).toString("latin1")).toBe("PNG");

    const bad = await callRoute("PATCH", `/api/scenes/${scene.id}/structure`, { json: { ops: [{ op: "delete", footprintId: "no-such-footprint" }] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("validation");

    const fp = paused.structure!.footprints[0];
    const patch = await callRoute("PATCH", `/api/scenes/${scene.id}/structure`, { json: { ops: [{ op: "relabel", footprintId: fp.id, category: "bench" }] } });
    expect(patch.status).toBe(200);
    const patched = ((await patch.json()) as { scene: Scene }).scene;
    expect(patched.structure!.footprints.find((f) => f.id === fp.id)?.category).toBe("bench");

    const cont = await callRoute("POST", `/api/scenes/${scene.id}/continue`);
    expect(cont.status).toBe(202);
    const again = await callRoute("POST", `/api/scenes/${scene.id}/continue`);
    expect(again.status).toBe(409);
    const done = await pipeline.waitForScene(scene.id, 180_000);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.objects.map((o) => o.id).sort()).toEqual(expect.arrayContaining(patched.structure!.objects.map((o) => o.id).sort()));
    expect(done.objects.some((o) => o.category === "bench")).toBe(true);
    for (const o of done.objects) expect(o.build.status, `${o.id}: ${o.build.error?.message}`).toBe("built");
    // The structure stage ran once: continue resumed at layout.
    expect(getStore().events.list(scene.id).filter((e) => e.type === "stage.started" && e.stage === "structure")).toHaveLength(1);
  });

  it("rejects files that are not images with a typed error and stores no scene", async () => {
    const before = getStore().scenes.list(1000).length;
    const res = await callRoute("POST", "/api/scenes", { body: upload(Buffer.from("not an image at all"), "fake.png", "image/png") });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unsupported_media");
    expect(getStore().scenes.list(1000).length).toBe(before);
  });
});
