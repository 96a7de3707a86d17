import { describe, expect, it } from "vitest";
import type { Room, Scene, SceneObject } from "@/lib/scene";
import { createEditorStore } from "../editor/editor-store";
import { evaluateDrag } from "./drag-session";
import { partRegistry, placementStore } from "./placement-store";

const obj = (id: string, category: string, x: number, y: number, size: SceneObject["targetSize"], support = "floor"): SceneObject => ({
  id,
  name: id,
  category,
  description: "",
  route: "static_furniture",
  targetSize: size,
  placement: { x, y, z: 0, yawDeg: 0 },
  support,
  attributes: { color: null, colorName: null, material: null, size: null, style: [], tags: [] },
  plan: null,
  program: null,
  build: { status: "built", glbRev: 1, stats: null, error: null, attempts: 0 },
  hidden: false,
});

const room = { footprint: [[-2, -1.5], [2, -1.5], [2, 1.5], [-2, 1.5]], wallHeight: 2.6, wallThickness: 0.12 } as unknown as Room;

function editor(objects: SceneObject[]) {
  const scene = { id: "s1", title: "t", source: { kind: "prompt", prompt: "p" }, engine: "offline", structure: null, room, objects, decor: null, status: "completed", stage: null, error: null, createdAt: "", updatedAt: "" } as unknown as Scene;
  return createEditorStore("s1", { scene, lastSeq: 1 });
}

describe("a drag step in the preview", () => {
  it("uses the loaded parts: a chair slides under a table, whose bounding box it enters", () => {
    const table = obj("table-1", "dining_table", 0, 0, { w: 1.2, d: 0.8, h: 0.75 });
    const chair = obj("chair-1", "chair", 1, -1, { w: 0.44, d: 0.44, h: 0.9 });
    const store = editor([table, chair]);
    const legs = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([sx, sy]) => ({ cx: sx * 0.55, cy: sy * 0.35, hx: 0.025, hy: 0.025, yawDeg: 0, z0: 0, z1: 0.72 }));
    partRegistry(store).set("table-1", [{ cx: 0, cy: 0, hx: 0.6, hy: 0.4, yawDeg: 0, z0: 0.72, z1: 0.75 }, ...legs]);
    partRegistry(store).set("chair-1", [{ cx: 0, cy: 0, hx: 0.22, hy: 0.22, yawDeg: 0, z0: 0, z1: 0.46 }]);
    placementStore(store).getState().setSmart(false);
    const under = evaluateDrag(store, "chair-1", { x: 0, y: -0.2, z: 0, yawDeg: 0 }, true)!;
    expect(under.problems).toEqual([]);
    const leg = evaluateDrag(store, "chair-1", { x: 0.5, y: -0.3, z: 0, yawDeg: 0 }, true)!;
    expect(leg.problems[0]).toMatchObject({ kind: "collision", with: "table-1" });
  });

  it("snaps to the grid or flush against a wall and reports the gaps", () => {
    const shelf = obj("bookshelf-1", "bookshelf", 0, 0, { w: 0.8, d: 0.3, h: 1.8 });
    const sofa = obj("sofa-1", "sofa", -1, -1, { w: 1.8, d: 0.9, h: 0.8 });
    const store = editor([shelf, sofa]);
    placementStore(store).getState().setGrid(0.1);
    placementStore(store).getState().setSmart(false);
    const g = evaluateDrag(store, "bookshelf-1", { x: 0.437, y: 0.262, z: 0, yawDeg: 0 }, true)!;
    expect([g.placement.x, g.placement.y]).toEqual([0.4, 0.3]);
    placementStore(store).getState().setSmart(true);
    const w = evaluateDrag(store, "bookshelf-1", { x: 0.437, y: 1.27, z: 0, yawDeg: 0 }, true)!;
    expect(w.placement.y).toBeCloseTo(1.35, 9);
    expect(w.readout.walls[0]).toMatchObject({ name: "north" });
    expect(w.readout.walls[0].gap).toBeCloseTo(0, 9);
    expect(w.problems).toEqual([]);
    // Pushed through the wall (turns are never snapped): flagged.
    const through = evaluateDrag(store, "bookshelf-1", { x: 0.4, y: 1.45, z: 0, yawDeg: 0 }, false)!;
    expect(through.problems[0]).toMatchObject({ kind: "wall" });
  });

  it("snaps a turn to 15 degree steps, then checks the snapped yaw; a free turn keeps its angle", () => {
    const shelf = obj("bookshelf-1", "bookshelf", 0, 0, { w: 0.8, d: 0.3, h: 1.8 });
    const store = editor([shelf]);
    const snapped = evaluateDrag(store, "bookshelf-1", { x: 0, y: 0, z: 0, yawDeg: 52.7 }, false, 15)!;
    expect(snapped.placement).toEqual({ x: 0, y: 0, z: 0, yawDeg: 60 });
    expect(snapped.problems).toEqual([]);
    const free = evaluateDrag(store, "bookshelf-1", { x: 0, y: 0, z: 0, yawDeg: 52.7 }, false)!;
    expect(free.placement.yawDeg).toBe(52.7);
    // Turned next to the north wall (y = 1.5): at 90 degrees the 0.8 m width runs across the wall and is checked there.
    const atWall = evaluateDrag(store, "bookshelf-1", { x: 0, y: 1.15, z: 0, yawDeg: 84 }, false, 15)!;
    expect(atWall.placement.yawDeg).toBe(90);
    expect(atWall.problems.map((p) => p.kind)).toContain("wall");
    expect(evaluateDrag(store, "bookshelf-1", { x: 0, y: 1.15, z: 0, yawDeg: 3 }, false, 15)!.problems).toEqual([]);
  });
});
