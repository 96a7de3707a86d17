/**
 * What stands on something rests on it, as the meshes show: a board too big for a round platter's inner bottom
 * lies across its rim instead of going into it; a cube on a stand whose pole rises from the stand's base does not
 * stand around the pole; and the mesh check finds a flat-bottomed box balanced on a narrower stool resting, since
 * its bottom face (not its overhanging corners) touches the seat. Real routes, real Blender, meshes only.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { useTempDataDir as tempDataDir } from "@/test/support/env";

const dataDir = tempDataDir("roomcode-physrest-");
process.env.ROOMCODE_WORKERS = "2";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

async function generate(prompt: string): Promise<Scene> {
  const res = await callRoute("POST", "/api/scenes", { json: { prompt } });
  expect(res.status).toBe(202);
  const scene = await pipeline.waitForScene(((await res.json()) as { scene: Scene }).scene.id, 300_000);
  expect(scene.status).toBe("completed");
  return scene;
}

beforeAll(async () => {
  await getRunner().ready!(120_000);
}, 180_000);

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("objects rest on what holds them, judged on the meshes", () => {
  it("lays a cheese board too big for a round platter's inner bottom across the platter's rim", async () => {
    const scene = await generate("A kitchen with a dining table. A round serving platter sits on the table, and a cheese board rests on the platter.");
    const platter = scene.objects.find((o) => o.category === "platter")!;
    const board = scene.objects.find((o) => o.category === "cheese_board")!;
    expect(board.support).toBe(`on:${platter.id}`);
    // The platter is built as a dish of the plate family's size, not as a half-metre box.
    expect(platter.build.stats!.size.h).toBeLessThan(0.06);
    const r = await pipeline.checkScenePhysics({ sceneId: scene.id });
    const lines = pipeline.describeCheck(r).join("\n");
    expect(r.counts, lines).toMatchObject({ floating: 0, interpenetratingPairs: 0, wallPenetrating: 0, outside: 0 });
    const b = r.objects.find((o) => o.objectId === board.id)!;
    expect(b.supportedBy, lines).toEqual([platter.id]);
    // On the rim: at the platter's top, not down on its inner bottom.
    expect(b.bottom).toBeCloseTo(platter.placement.z + platter.build.stats!.bbox.max[2], 2);
  });

  it("keeps a cube off the pole of the stand it was put on: the pole leaves no room on the base, so it stands on the floor", async () => {
    const scene = await generate("A playroom with a toy organizer against the wall; a puzzle cube and an action figure sit on the organizer.");
    const r = await pipeline.checkScenePhysics({ sceneId: scene.id });
    const lines = pipeline.describeCheck(r).join("\n");
    expect(r.counts, lines).toMatchObject({ floating: 0, interpenetratingPairs: 0, wallPenetrating: 0, outside: 0 });
    const organizer = scene.objects.find((o) => o.category === "toy_organizer")!;
    const cube = scene.objects.find((o) => o.category === "puzzle_cube")!;
    // The organizer's widest step is its base, narrower than the cube around its pole.
    expect(organizer.build.stats!.size.w).toBeLessThan(0.2);
    expect(cube.support).toBe("floor");
  });

  it("finds a flat-bottomed box resting on a narrower stool, its overhanging corners in the air; lifted 5 cm it floats", async () => {
    const scene = await generate("A small study with a wooden stool in the middle of the room and a cardboard box by the wall.");
    const stool = scene.objects.find((o) => o.category === "stool")!;
    const box = scene.objects.find((o) => o.category === "cardboard_box")!;
    const seat = stool.build.stats!.supportSurfaces!.reduce((a, s) => (s.z > a.z ? s : a));
    const bb = box.build.stats!.bbox;
    // Turned 45 degrees on the seat, every corner of the box's bottom lies outside the seat's rectangle: only its
    // face in between touches the seat.
    const turn = Math.PI / 4;
    const corners = [[bb.min[0], bb.min[1]], [bb.max[0], bb.min[1]], [bb.max[0], bb.max[1]], [bb.min[0], bb.max[1]]].map(([x, y]) => [Math.cos(turn) * x - Math.sin(turn) * y, Math.sin(turn) * x + Math.cos(turn) * y]);
    for (const [x, y] of corners) expect(x < seat.min[0] || x > seat.max[0] || y < seat.min[1] || y > seat.max[1]).toBe(true);
    const on = async (lift: number) => {
      const placement = { x: stool.placement.x, y: stool.placement.y, z: stool.placement.z + seat.z + lift - bb.min[2], yawDeg: stool.placement.yawDeg + 45 };
      const res = await callRoute("PATCH", `/api/scenes/${scene.id}/objects/${box.id}`, { json: { placement } });
      expect(res.status).toBe(200);
      return pipeline.checkScenePhysics({ sceneId: scene.id });
    };
    const resting = await on(0);
    const r = resting.objects.find((o) => o.objectId === box.id)!;
    expect(r.floating, pipeline.describeCheck(resting).join("\n")).toBe(false);
    expect(r.supportedBy).toEqual([stool.id]);
    const lifted = await on(0.05);
    const l = lifted.objects.find((o) => o.objectId === box.id)!;
    expect(l.floating, pipeline.describeCheck(lifted).join("\n")).toBe(true);
  });
});
