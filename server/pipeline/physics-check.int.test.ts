/**
 * The physical check of exported scenes (`check_scene` in real Blender, meshes only) against scenes made
 * through the real routes: a scene from a prompt reports nothing; the same scene with an object lifted off its
 * support, one pushed into another and one pushed into a wall reports exactly those; pillows rest on the bed's
 * mattress top within 2 cm by the mesh check.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { useTempDataDir as tempDataDir } from "@/test/support/env";

const dataDir = tempDataDir("roomcode-physcheck-");
process.env.ROOMCODE_WORKERS = "2";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

const PROMPT = "A bedroom with a queen bed with two pillows on it, a nightstand next to the bed, a table lamp on the nightstand, and a tall bookshelf against the left wall.";
let scene: Scene;

beforeAll(async () => {
  await getRunner().ready!(120_000);
  const res = await callRoute("POST", "/api/scenes", { json: { prompt: PROMPT } });
  expect(res.status).toBe(202);
  scene = await pipeline.waitForScene(((await res.json()) as { scene: Scene }).scene.id, 300_000);
  expect(scene.status).toBe("completed");
}, 420_000);

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function move(id: string, placement: Scene["objects"][number]["placement"]): Promise<void> {
  const res = await callRoute("PATCH", `/api/scenes/${scene.id}/objects/${id}`, { json: { placement } });
  expect(res.status).toBe(200);
}

describe("check_scene judges the exported meshes", () => {
  it("reports nothing for the scene as generated; pillows rest on the mattress top within 2 cm", async () => {
    const r = await pipeline.checkScenePhysics({ sceneId: scene.id });
    expect(r.counts, pipeline.describeCheck(r).join("\n")).toEqual({ objects: scene.objects.length, floating: 0, interpenetratingPairs: 0, wallPenetrating: 0, outside: 0 });
    const bed = scene.objects.find((o) => o.category === "bed")!;
    const pillows = r.objects.filter((o) => o.objectId.startsWith("pillow-"));
    expect(pillows.length).toBe(2);
    for (const p of pillows) {
      expect(p.supportedBy).toEqual([bed.id]);
      expect(Math.abs(p.gap ?? 1)).toBeLessThanOrEqual(0.02);
      // Well below the headboard's top: on the mattress, not at the headboard's height.
      expect(p.bottom).toBeLessThan(bed.placement.z + bed.build.stats!.size.h - 0.2);
    }
  });

  it("flags a lifted lamp as floating, a nightstand pushed into the bed as interpenetrating, a bookshelf pushed into a wall", async () => {
    const s = getStore().getScene(scene.id);
    const lamp = s.objects.find((o) => o.category === "table_lamp")!;
    const stand = s.objects.find((o) => o.category === "nightstand")!;
    const bed = s.objects.find((o) => o.category === "bed")!;
    const shelf = s.objects.find((o) => o.category === "bookshelf")!;
    // Nightstand centred on the bed's side edge, half inside it (its lamp rests on it again), then the lamp lifted 30 cm.
    const r0 = (bed.placement.yawDeg * Math.PI) / 180;
    const edge = bed.build.stats!.size.w / 2;
    await move(stand.id, { ...stand.placement, yawDeg: bed.placement.yawDeg, x: bed.placement.x + Math.cos(r0) * edge, y: bed.placement.y + Math.sin(r0) * edge });
    const lampNow = getStore().objects.get(scene.id, lamp.id)!;
    await move(lamp.id, { ...lampNow.placement, z: lampNow.placement.z + 0.3 });
    const maxX = Math.max(...s.room!.footprint.map((p) => p[0]));
    await move(shelf.id, { ...shelf.placement, yawDeg: 0, x: maxX - shelf.build.stats!.size.w / 4 });
    const r = await pipeline.checkScenePhysics({ sceneId: scene.id });
    const lines = pipeline.describeCheck(r).join("\n");
    expect(r.objects.filter((o) => o.floating).map((o) => o.objectId), lines).toEqual([lamp.id]);
    expect(r.objects.find((o) => o.objectId === lamp.id)!.gap!, lines).toBeGreaterThan(0.25);
    expect(r.pairs.map((p) => [p.a, p.b].sort().join("|")), lines).toContain([bed.id, stand.id].sort().join("|"));
    expect(r.objects.filter((o) => o.wallPenetrating).map((o) => o.objectId), lines).toEqual([shelf.id]);
  });

  it("checks a .blend given by path, and refuses a missing one", async () => {
    const blend = await pipeline.exportScene(scene.id, "blend");
    const r = await pipeline.checkScenePhysics({ blendPath: blend });
    expect(r.counts.objects).toBe(scene.objects.length);
    await expect(pipeline.checkScenePhysics({ blendPath: "/nonexistent/x.blend" })).rejects.toThrow(/no such/);
  });
});
