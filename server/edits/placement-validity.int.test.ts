/**
 * Every change keeps the room valid, end to end through the real routes, real SQLite and real Blender: objects
 * on others rest on the support surfaces measured on the built meshes (pillows on the bed's top, not on the
 * headboard; a lamp on the nightstand's top and lifted when the nightstand is made taller), placing
 * instructions choose valid spots ("rotate the bookshelf 90 degrees" against a wall, "add a plant in the
 * corner"), a drag into a wall is reported in `issues` and fixed by POST .../fix-placement as one undoable edit,
 * and removing a support moves what stood on it to the floor, said in the edit's notes.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlacementIssue, Scene, SceneObject } from "@/lib/scene/schema";
import { useTempDataDir as tempDataDir } from "@/test/support/env";

const dataDir = tempDataDir("roomcode-validity-");
process.env.ROOMCODE_WORKERS = "2";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

type Obj = SceneObject & { issues: PlacementIssue[] };

const PROMPT = "A bedroom with a queen bed with two pillows on it, a nightstand next to the bed, a table lamp on the nightstand, and a tall bookshelf against the left wall.";

let scene: Scene;

async function getScene(id: string): Promise<{ objects: Obj[] } & Scene> {
  const res = await callRoute("GET", `/api/scenes/${id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { scene: { objects: Obj[] } & Scene }).scene;
}

async function edit(instruction: string): Promise<{ status: number; body: { scene: { objects: Obj[] } & Scene; plan: { notes: string[] } } }> {
  const res = await callRoute("POST", `/api/scenes/${scene.id}/edits`, { json: { instruction } });
  return { status: res.status, body: await res.json() };
}

const byCat = (s: { objects: Obj[] }, cat: string) => s.objects.filter((o) => o.category === cat);
const bottom = (o: SceneObject) => o.placement.z + (o.build.stats?.bbox.min[2] ?? 0);
/** Highest measured surface (room frame) of `sup` that lies under `o`'s centre. */
function surfaceUnder(sup: SceneObject, o: SceneObject): number[] {
  const r = ((-sup.placement.yawDeg) * Math.PI) / 180;
  const dx = o.placement.x - sup.placement.x;
  const dy = o.placement.y - sup.placement.y;
  const lx = dx * Math.cos(r) - dy * Math.sin(r);
  const ly = dx * Math.sin(r) + dy * Math.cos(r);
  return (sup.build.stats?.supportSurfaces ?? []).filter((s) => lx >= s.min[0] - 0.01 && lx <= s.max[0] + 0.01 && ly >= s.min[1] - 0.01 && ly <= s.max[1] + 0.01).map((s) => sup.placement.z + s.z);
}

beforeAll(async () => {
  await getRunner().ready!(120_000);
  const res = await callRoute("POST", "/api/scenes", { json: { prompt: PROMPT } });
  expect(res.status).toBe(202);
  const created = ((await res.json()) as { scene: Scene }).scene;
  scene = await pipeline.waitForScene(created.id, 300_000);
  expect(scene.status).toBe("completed");
}, 420_000);

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("objects rest on measured support surfaces", () => {
  it("the built bed reports its surfaces; pillows rest on its top surface, not on the headboard", async () => {
    const s = await getScene(scene.id);
    const bed = byCat(s, "bed")[0];
    const pillows = byCat(s, "pillow");
    expect(pillows.length).toBe(2);
    const surfaces = bed.build.stats!.supportSurfaces!;
    expect(surfaces.length).toBeGreaterThan(1);
    const headboardTop = bed.placement.z + Math.max(...surfaces.map((x) => x.z));
    for (const p of pillows) {
      expect(p.support).toBe(`on:${bed.id}`);
      const under = surfaceUnder(bed, p);
      expect(under.some((z) => Math.abs(z - bottom(p)) < 0.02)).toBe(true);
      expect(bottom(p)).toBeLessThan(headboardTop - 0.2);
      expect(p.issues).toEqual([]);
    }
    for (const o of s.objects) expect(Array.isArray(o.issues)).toBe(true);
  });

  it("a nightstand made taller lifts its lamp by the same height", async () => {
    const before = await getScene(scene.id);
    const stand = byCat(before, "nightstand")[0];
    const lamp = before.objects.find((o) => o.support === `on:${stand.id}`)!;
    expect(lamp).toBeTruthy();
    const h0 = stand.build.stats!.size.h;
    const r = await edit("make the nightstand 20 cm taller");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = await getScene(scene.id);
    const stand2 = after.objects.find((o) => o.id === stand.id)!;
    const lamp2 = after.objects.find((o) => o.id === lamp.id)!;
    const dh = stand2.build.stats!.size.h - h0;
    expect(dh).toBeGreaterThan(0.15);
    expect(bottom(lamp2) - bottom(lamp)).toBeCloseTo(dh, 1);
    expect(surfaceUnder(stand2, lamp2).some((z) => Math.abs(z - bottom(lamp2)) < 0.02)).toBe(true);
    expect(lamp2.issues).toEqual([]);
  });
});

describe("placing instructions choose valid spots", () => {
  it("rotate the bookshelf 90 degrees keeps it inside the room, out of the walls", async () => {
    const before = await getScene(scene.id);
    const shelf = byCat(before, "bookshelf")[0];
    const r = await edit("rotate the bookshelf 90 degrees");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const now = r.body.scene.objects.find((o) => o.id === shelf.id)!;
    expect(Math.abs(((now.placement.yawDeg - shelf.placement.yawDeg + 540) % 360) - 180)).toBeCloseTo(90, 0);
    expect(now.issues.filter((i) => i.kind === "wall" || i.kind === "outside" || i.kind === "collision")).toEqual([]);
  });

  it("add a plant in the corner stands on the floor", async () => {
    const r = await edit("add a plant in the corner");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const plant = r.body.scene.objects.find((o) => o.category === "potted_plant" || o.category === "plant")!;
    expect(plant).toBeTruthy();
    expect(plant.support).toBe("floor");
    expect(Math.abs(bottom(plant))).toBeLessThan(0.02);
    expect(plant.issues).toEqual([]);
  });
});

describe("direct moves are reported and fixed", () => {
  it("a drag into a wall shows an issue; fix-placement moves it out as one undoable edit", async () => {
    const s = await getScene(scene.id);
    const bed = byCat(s, "bed")[0];
    const fp = s.room!.footprint;
    // The bed's centre stays inside the room, a quarter of its width goes into the east wall.
    const maxX = Math.max(...fp.map((p) => p[0])) - Math.min(bed.build.stats!.size.w, bed.build.stats!.size.d) / 4;
    const res = await callRoute("PATCH", `/api/scenes/${scene.id}/objects/${bed.id}`, { json: { placement: { ...bed.placement, yawDeg: 0, x: maxX } } });
    expect(res.status).toBe(200);
    const patched = (await res.json()) as { object: Obj; notes: string[] };
    expect(patched.object.issues.map((i) => i.kind)).toContain("wall");
    expect(patched.notes.join(" ")).toMatch(/wall/);
    const fixed = await callRoute("POST", `/api/scenes/${scene.id}/objects/${bed.id}/fix-placement`);
    expect(fixed.status).toBe(200);
    const body = (await fixed.json()) as { scene: { objects: Obj[] }; entry: { seq: number } | null; notes: string[] };
    expect(body.entry).not.toBeNull();
    expect(body.notes[0]).toMatch(/moved/);
    const bed2 = body.scene.objects.find((o) => o.id === bed.id)!;
    expect(bed2.issues).toEqual([]);
    // Pillows came along and still rest on the bed.
    for (const p of body.scene.objects.filter((o) => o.support === `on:${bed.id}`)) expect(p.issues).toEqual([]);
    const undo = await callRoute("POST", `/api/scenes/${scene.id}/undo`);
    expect(undo.status).toBe(200);
    const back = await getScene(scene.id);
    expect(back.objects.find((o) => o.id === bed.id)!.placement.x).toBeCloseTo(maxX, 3);
    const unknown = await callRoute("POST", `/api/scenes/${scene.id}/objects/nope-1/fix-placement`);
    expect(unknown.status).toBe(404);
    await callRoute("POST", `/api/scenes/${scene.id}/objects/${bed.id}/fix-placement`);
  });

  it("removing the nightstand moves its lamp to the floor and says so", async () => {
    const s = await getScene(scene.id);
    const stand = byCat(s, "nightstand")[0];
    const lamp = s.objects.find((o) => o.support === `on:${stand.id}`)!;
    const r = await edit("remove the nightstand");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const lamp2 = r.body.scene.objects.find((o) => o.id === lamp.id)!;
    expect(lamp2.support).toBe("floor");
    expect(Math.abs(bottom(lamp2))).toBeLessThan(0.02);
    expect(lamp2.issues).toEqual([]);
    expect(r.body.plan.notes.join(" ")).toMatch(/floor/);
  });
});
