/**
 * The mesh check is strict about walls: only wall-mounted objects (a mirror, wall art, a wall shelf) may be
 * held by a wall. A chair pushed flush against a wall 5 cm above the floor floats; the same chair on the floor
 * against the wall rests; the mirror on the wall is held by it. Real routes, real Blender, meshes only.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { useTempDataDir as tempDataDir } from "@/test/support/env";

const dataDir = tempDataDir("roomcode-physmount-");
process.env.ROOMCODE_WORKERS = "2";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

const PROMPT = "A small study with a wooden chair in the middle of the room and a round mirror on the north wall.";
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

/** Places the chair facing east with its back 5 mm from the west wall, its bottom `lift` m above the floor. */
async function chairAgainstWestWall(lift: number): Promise<string> {
  const s = getStore().getScene(scene.id);
  const chair = s.objects.find((o) => o.category === "chair")!;
  const minX = Math.min(...s.room!.footprint.map((p) => p[0]));
  const bb = chair.build.stats!.bbox;
  // Yaw 90 deg turns the local +Y (the chair's back) to the room's -X (west).
  const placement = { x: minX + bb.max[1] + 0.005, y: 0, z: lift - bb.min[2], yawDeg: 90 };
  const res = await callRoute("PATCH", `/api/scenes/${scene.id}/objects/${chair.id}`, { json: { placement } });
  expect(res.status).toBe(200);
  return chair.id;
}

describe("check_scene: only wall-mounted objects hang from a wall", () => {
  it("reports a chair against a wall 5 cm above the floor as floating, and the same chair on the floor as resting", async () => {
    const chairId = await chairAgainstWestWall(0.05);
    const lifted = await pipeline.checkScenePhysics({ sceneId: scene.id });
    const lines = pipeline.describeCheck(lifted).join("\n");
    const c = lifted.objects.find((o) => o.objectId === chairId)!;
    expect(c.floating, lines).toBe(true);
    expect(c.supportedBy).toEqual([]);
    expect(c.gap!, lines).toBeGreaterThan(0.04);
    // The chair touches the wall: it is flush, not inside it.
    expect(c.wallPenetrating, lines).toBe(false);

    await chairAgainstWestWall(0);
    const resting = await pipeline.checkScenePhysics({ sceneId: scene.id });
    const r = resting.objects.find((o) => o.objectId === chairId)!;
    expect(r.floating, pipeline.describeCheck(resting).join("\n")).toBe(false);
    expect(r.supportedBy).toEqual(["floor"]);
  });

  it("lets the mirror on the wall be held by the wall", async () => {
    const mirror = getStore().getScene(scene.id).objects.find((o) => o.category === "mirror")!;
    expect(mirror.support).toBe("wall");
    const r = await pipeline.checkScenePhysics({ sceneId: scene.id });
    const m = r.objects.find((o) => o.objectId === mirror.id)!;
    expect(m.bottom).toBeGreaterThan(0.3);
    expect(m.floating, pipeline.describeCheck(r).join("\n")).toBe(false);
    expect(m.supportedBy).toEqual(["wall"]);
  });
});
