import { describe, expect, it } from "vitest";
import { relationHolds } from "../geometry/relation-check";
import { rectFootprint } from "../geometry/room";
import type { BuildStats, SceneObject } from "../scene/schema";
import { issuesOf } from "./issues";
import { mountOf } from "./mount";
import { objectBox } from "./parts";
import { placeOne } from "./place";
import { holdingSurfaces } from "./parts";
import { restOnSupport } from "./rest";
import { settleMoves } from "./settle";
import { restsOnFloor, solveLayout } from "./solve";
import { parsePrompt } from "../prompt/parse";

function box(w: number, d: number, h: number): BuildStats {
  return { bbox: { min: [-w / 2, -d / 2, 0], max: [w / 2, d / 2, h] }, size: { w, d, h }, vertices: 8, triangles: 12, parts: ["body"], materials: 1, nonManifoldEdges: 0, timings: {}, partBoxes: [{ name: "body", min: [-w / 2, -d / 2, 0], max: [w / 2, d / 2, h] }], supportSurfaces: [] };
}

function obj(id: string, x: number, y: number, st: BuildStats, yawDeg = 0, support = "floor"): SceneObject {
  return {
    id, name: id.replace(/-\d+$/, "").replace(/_/g, " "), category: id.replace(/-\d+$/, ""), description: "", route: "static_furniture",
    targetSize: { ...st.size }, placement: { x, y, z: 0, yawDeg }, support: support as SceneObject["support"],
    attributes: { color: null, colorName: null, material: null, size: null, style: [], tags: [] },
    plan: null, program: null, build: { status: "built", glbRev: 1, stats: st, error: null, attempts: 1 }, hidden: false,
  };
}

const room = { footprint: rectFootprint(5, 4), openings: [], wallHeight: 2.6 };

describe("placeOne: the layout solver for one object", () => {
  // A sofa against the north wall; a bookshelf standing right where "to the left of the sofa" would put a lamp.
  const sofa = obj("sofa-1", 0, 1.55, box(2, 0.9, 0.85));
  const shelf = obj("bookshelf-1", -1.35, 1.8, box(0.6, 0.35, 1.8));
  const lamp = obj("floor_lamp-1", 1.5, -1, box(0.4, 0.4, 1.6));
  const scene = { objects: [sofa, shelf, lamp], room };

  it("keeps the requested spot when it is valid", () => {
    const want = { x: 1.3, y: 1.8, z: 0, yawDeg: 0 };
    const r = placeOne(scene, lamp, { want, relations: [{ type: "right", subject: lamp.id, anchor: sofa.id }] });
    expect(r).toMatchObject({ found: true, moved: 0, blockers: [] });
    expect(r.placement).toEqual(want);
  });

  it("moves off a blocked spot to a valid one that still keeps the relation, and names what blocked it", () => {
    // The sofa faces south: its own right side is the west (-X) side, where the bookshelf stands.
    const want = { x: -1.25, y: 1.8, z: 0, yawDeg: 0 };
    expect(issuesOf(lamp, want, [sofa, shelf], room).some((i) => i.kind === "collision" && i.with === shelf.id)).toBe(true);
    const r = placeOne(scene, lamp, { want, relations: [{ type: "right", subject: lamp.id, anchor: sofa.id }], keepYaw: true });
    expect(r.found).toBe(true);
    expect(r.blockers).toEqual([shelf.id]);
    expect(r.moved).toBeGreaterThan(0.05);
    expect(r.moved).toBeLessThan(1.5);
    expect(r.placement.yawDeg).toBe(0);
    expect(issuesOf(lamp, r.placement, [sofa, shelf], room)).toEqual([]);
    const boxes = new Map([[lamp.id, objectBox(lamp, r.placement)], [sofa.id, objectBox(sofa)], [shelf.id, objectBox(shelf)]]);
    expect(relationHolds({ type: "right", subject: lamp.id, anchor: sofa.id }, boxes, room)).toBe(true);
    expect(r.placement.x).toBeLessThan(-1);
  });

  it("pulls an object rotated into a wall back inside the room at its new angle", () => {
    const turned = { ...shelf.placement, yawDeg: 90 };
    expect(issuesOf(shelf, turned, [sofa, lamp], room).some((i) => i.kind === "wall")).toBe(true);
    const r = placeOne(scene, shelf, { want: turned, keepYaw: true });
    expect(r.found).toBe(true);
    expect(r.placement.yawDeg).toBe(90);
    expect(issuesOf(shelf, r.placement, [sofa, lamp], room)).toEqual([]);
  });

  it("reports nothing found when no valid spot is in reach", () => {
    const tiny = { objects: [obj("wardrobe-1", 0, 0, box(1, 0.6, 2))], room: { footprint: rectFootprint(0.8, 0.8), openings: [], wallHeight: 2.6 } };
    const r = placeOne(tiny, tiny.objects[0], { want: tiny.objects[0].placement });
    expect(r.found).toBe(false);
    expect(r.placement).toEqual(tiny.objects[0].placement);
  });
});

describe("flat floor coverings and wall mounts", () => {
  it("rugs and mats lie on the floor; place mats may lie on a table", () => {
    expect(["rug", "bath_mat", "door_mat", "yoga_mat", "area_rug"].map(restsOnFloor)).toEqual([true, true, true, true, true]);
    expect(["placemat", "table_mat", "towel", "napkin", "tablecloth"].map(restsOnFloor)).toEqual([false, false, false, false, false]);
  });

  it("the layout puts a bath mat the structure set on the bathtub onto the floor", () => {
    const spec = parsePrompt("A bathroom with a bathtub and a bath mat.");
    const mat = spec.objects.find((o) => o.category === "bath_mat")!;
    const tub = spec.objects.find((o) => o.category === "bathtub")!;
    mat.support = `on:${tub.id}`;
    const L = solveLayout(spec);
    expect(L.supports[mat.id]).toBe("floor");
    expect(L.placements[mat.id].z).toBe(0);
  });

  it("the layout stands on the floor what the structure hung on a wall but does not hang there", () => {
    const spec = parsePrompt("A bedroom with a bed and an armchair.");
    const chest = spec.objects.find((o) => o.category === "armchair")!;
    chest.support = "wall";
    expect(mountOf(chest)).toBeNull();
    const L = solveLayout(spec);
    expect(L.supports[chest.id]).toBe("floor");
    expect(L.placements[chest.id].z).toBe(0);
  });

  it("only wall-mounted categories hang from a wall", () => {
    expect(mountOf({ category: "painting", support: "wall" })).toBe("wall");
    expect(mountOf({ category: "mirror", support: "wall" })).toBe("wall");
    expect(mountOf({ category: "tv", support: "wall" })).toBe("wall");
    expect(mountOf({ category: "vanity", support: "wall" })).toBe("wall");
    expect(mountOf({ category: "tv", support: "on:tv_stand-1" })).toBeNull();
    expect(mountOf({ category: "chair", support: "wall" })).toBeNull();
    expect(mountOf({ category: "chair", support: "floor" })).toBeNull();
    expect(mountOf({ category: "ceiling_light", support: "ceiling" })).toBe("ceiling");
    expect(mountOf({ category: "projection_screen", support: "wall" })).toBe("wall");
    expect(mountOf({ category: "storage_box", support: "wall" })).toBeNull();
  });
});

describe("recessed surfaces hold only what fits inside them", () => {
  // A soap dish: inner bottom 13.6 cm square at 1.8 cm, inside a rim whose top (4 cm) is reported in strips.
  const dishStats: BuildStats = {
    ...box(0.2, 0.2, 0.04),
    partBoxes: [{ name: "dish", min: [-0.1, -0.1, 0], max: [0.1, 0.1, 0.04] }],
    supportSurfaces: [
      { z: 0.018, min: [-0.068, -0.068], max: [0.068, 0.068], area: 0.0185, clearance: null },
      { z: 0.04, min: [-0.1, -0.1], max: [-0.068, 0.1], area: 0.0064, clearance: null },
      { z: 0.04, min: [0.068, -0.1], max: [0.1, 0.1], area: 0.0064, clearance: null },
    ],
  };
  const dish = obj("dish-1", 0, 0, dishStats);
  const small = obj("soap-1", 0, 0, box(0.08, 0.05, 0.03), 0, "on:dish-1");
  const big = obj("soap-2", 0, 0, box(0.19, 0.12, 0.04), 0, "on:dish-1");

  it("a small soap rests on the inner bottom; one wider than the inside lies across the rim", () => {
    expect(holdingSurfaces(dish, small).map((s) => s.z)).toContain(0.018);
    expect(holdingSurfaces(dish, big).some((s) => s.z === 0.018)).toBe(false);
    const scene = { objects: [dish, small, big], room };
    expect(restOnSupport({ objects: [dish, small], room }, small)!.z).toBeCloseTo(0.018, 3);
    expect(restOnSupport(scene, big)!.z).toBeCloseTo(0.04, 3);
  });
});

describe("thin covers", () => {
  it("a rug may lie under a sofa, curtains may not hang inside a wardrobe", () => {
    const sofa = obj("sofa-1", 0, 0, box(2, 0.9, 0.85));
    const rug = { ...obj("rug-1", 0, 0, box(2.4, 1.7, 0.01)), route: "thin_cover" as const };
    expect(issuesOf(rug, rug.placement, [sofa], room)).toEqual([]);
    const wardrobe = obj("wardrobe-1", 0, 1.7, box(1, 0.6, 2));
    const curtains = { ...obj("curtains-1", 0, 1.94, box(1.6, 0.1, 2.2), 0, "wall"), route: "thin_cover" as const };
    expect(issuesOf(curtains, curtains.placement, [wardrobe], room).map((i) => i.kind)).toContain("collision");
  });
});

describe("settling a change that fits nowhere", () => {
  it("moves what the grown bed runs into, with the reason, and leaves the bed valid", () => {
    const bed = obj("bed-1", 0, 0, box(3, 3.6, 1));
    const left = obj("stool-1", -1.6, 0, box(0.4, 0.4, 0.45));
    const right = obj("stool-2", 1.6, 0, box(0.4, 0.4, 0.45));
    const scene = { objects: [bed, left, right], room };
    expect(issuesOf(bed, bed.placement, [left, right], room).filter((i) => i.kind === "collision").length).toBe(2);
    const moves = settleMoves(scene, [bed.id]);
    expect(moves.some((m) => m.id.startsWith("stool-") && /to make room for bed/.test(m.reason))).toBe(true);
    const after = scene.objects.map((o) => ({ ...o, placement: [...moves].reverse().find((m) => m.id === o.id)?.placement ?? o.placement }));
    for (const o of after) expect(issuesOf(o, o.placement, after.filter((x) => x.id !== o.id), room), o.id).toEqual([]);
  });
});

describe("walls", () => {
  it("an object 5 mm into a wall goes into it (the floor ends at the wall's face)", () => {
    const fridge = obj("fridge-1", 2.5 - 0.35 + 0.005, 0, box(0.7, 0.7, 1.8));
    expect(issuesOf(fridge, fridge.placement, [], room).map((i) => i.kind)).toEqual(["wall"]);
    expect(issuesOf(fridge, { ...fridge.placement, x: 2.5 - 0.35 }, [], room)).toEqual([]);
  });

  it("a wall object the solver moves slides along a wall and stays flush on it", () => {
    // A mirror on the north wall (inner face y = 2), facing south, with a wall shelf hung where it is.
    const mirror = obj("mirror-1", 0, 2 - 0.02, box(0.6, 0.04, 0.9), 180, "wall");
    mirror.placement.z = 1.2;
    const shelf = obj("wall_shelf-1", 0.1, 2 - 0.125, box(0.9, 0.25, 0.3), 180, "wall");
    shelf.placement.z = 1.4;
    const r = placeOne({ objects: [mirror, shelf], room }, mirror, { want: mirror.placement });
    expect(r.found).toBe(true);
    expect(r.blockers).toEqual([shelf.id]);
    // Its centre stays within its half depth (2 cm) and a few millimetres of a wall's inner face.
    const b = objectBox(mirror, r.placement);
    expect(Math.min(2.5 - Math.abs(b.x), 2 - Math.abs(b.y))).toBeLessThan(0.03);
    expect(issuesOf(mirror, r.placement, [shelf], room)).toEqual([]);
  });
});
