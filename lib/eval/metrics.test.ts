import { describe, expect, it } from "vitest";
import type { RoomGeom } from "../geometry/relations";
import { rectFootprint } from "../geometry/room";
import type { Attributes } from "../scene/schema";
import { parseConstraint } from "./constraints";
import { assignCategories, categoryMatch } from "./match";
import { aggregate, evaluateScene, type EvalObject } from "./metrics";
import { hasAttribute } from "./attributes";
import { objectFigures, summarizeObjects } from "./object-metrics";

const room: RoomGeom = {
  footprint: rectFootprint(5, 4),
  wallHeight: 2.7,
  openings: [
    { id: "door-1", kind: "door", wall: 0, offset: 1, width: 0.9, height: 2.1, sill: 0 },
    { id: "window-1", kind: "window", wall: 2, offset: 2.5, width: 1.2, height: 1.2, sill: 0.9 },
  ],
};
const attrs = (p: Partial<Attributes> = {}): Attributes => ({ color: null, colorName: null, material: null, size: null, style: [], tags: [], ...p });
const o = (id: string, category: string, x: number, y: number, yawDeg: number, size: [number, number, number], z = 0, support = "floor", a: Partial<Attributes> = {}): EvalObject => ({
  id, category, placement: { x, y, z, yawDeg }, size: { w: size[0], d: size[1], h: size[2] }, support, attributes: attrs(a),
});

describe("constraint parsing and category matching", () => {
  it("parses the four SceneEval formats", () => {
    expect(parseConstraint("count", "eq,2,nightstand")).toEqual({ ok: true, value: { kind: "count", raw: "eq,2,nightstand", op: "eq", n: 2, category: "nightstand" } });
    const oo = parseConstraint("oo", "eq,1,right,0,bed,nightstand");
    expect(oo.ok && oo.value.kind === "oo" && oo.value.anchorCategory).toBe("bed");
    expect(parseConstraint("oa", "eq,1,corner,wardrobe,room").ok).toBe(true);
    expect(parseConstraint("count", "zz,2").ok).toBe(false);
  });
  it("matches synonyms and compound names, and assigns each object once", () => {
    expect(categoryMatch("tv", "TV")).toBe(3);
    expect(categoryMatch("bookshelf", "bookcase")).toBe(3);
    expect(categoryMatch("fridge", "refrigerator")).toBe(3);
    expect(categoryMatch("gaming_chair", "chair")).toBe(2);
    expect(categoryMatch("sofa", "bed")).toBe(0);
    expect(categoryMatch("flower_jar", "jar_of_flowers")).toBe(2.5);
    expect(categoryMatch("pencil_tin", "tin_of_coloured_pencils")).toBe(2);
    expect(categoryMatch("block", "set_of_blocks")).toBe(2.5);
    expect(categoryMatch("chopstick", "chopstick_pair")).toBe(2.5);
    expect(categoryMatch("flower", "jar_of_flowers")).toBe(0);
    const g = assignCategories([{ id: "chair-1", category: "chair" }, { id: "gaming_chair-1", category: "gaming_chair" }], ["chair", "gaming_chair"]);
    expect(g.get("chair")).toEqual(["chair-1"]);
    expect(g.get("gaming_chair")).toEqual(["gaming_chair-1"]);
  });
  it("matches attributes through tags, materials and sizes", () => {
    const bed = { category: "bed", attributes: attrs({ tags: ["queen_sized", "wooden"], material: "wood", colorName: "white" }) };
    expect(hasAttribute("queen_sized", bed)).toBe(true);
    expect(hasAttribute("queen", bed)).toBe(true);
    expect(hasAttribute("wood", bed)).toBe(true);
    expect(hasAttribute("white", bed)).toBe(true);
    expect(hasAttribute("black", bed)).toBe(false);
    expect(hasAttribute("stainless_steel", { category: "fridge", attributes: attrs(), builtMaterials: ["stainless_steel"] })).toBe(true);
  });
});

describe("evaluateScene", () => {
  const prompt = {
    id: 1,
    description: "",
    obj_count: ["eq,1,bed", "eq,2,nightstand", "eq,1,TV", "eq,1,wardrobe"],
    obj_attr: ["eq,1,bed,white", "eq,1,wardrobe,tall"],
    oo_rel: ["eq,1,right,0,bed,nightstand", "eq,1,left,0,bed,nightstand", "eq,1,on,0,nightstand,lamp", "eq,1,behind,0,bed,wardrobe"],
    oa_rel: ["eq,1,against,bed,wall", "eq,1,corner,wardrobe,room", "eq,1,on,tv,wall"],
  };
  const bed = o("bed-1", "bed", 0, 0.95, 0, [1.6, 2.1, 1.0], 0, "floor", { colorName: "white", tags: ["white"] });
  const ns1 = o("nightstand-1", "nightstand", -1.1, 1.75, 0, [0.5, 0.4, 0.55]);
  const ns2 = o("nightstand-2", "nightstand", 1.1, 1.75, 0, [0.5, 0.4, 0.55]);
  const lamp = o("lamp-1", "lamp", -1.1, 1.75, 0, [0.3, 0.3, 0.5], 0.55, "on:nightstand-1");
  const tv = o("tv-1", "tv", 0, -1.96, 180, [1.2, 0.08, 0.7], 1.0, "wall");
  const wardrobe = o("wardrobe-1", "wardrobe", 1.9, -1.69, 180, [1.2, 0.6, 2.0], 0, "floor", { tags: ["tall"] });

  it("scores every constraint kind on a hand-made scene", () => {
    const m = evaluateScene(prompt, [bed, ns1, ns2, lamp, tv, wardrobe], room);
    expect(m.counts.CNT).toEqual({ pass: 4, total: 4 });
    expect(m.counts.ATR).toEqual({ pass: 2, total: 2 });
    expect(m.counts.OOR).toEqual({ pass: 3, total: 4 });
    expect(m.results.find((r) => r.raw === "eq,1,behind,0,bed,wardrobe")!.pass).toBe(false);
    expect(m.counts.OAR).toEqual({ pass: 3, total: 3 });
    expect(m.COL).toBe(0);
    expect(m.OOB).toBe(0);
    expect(m.SUP).toBe(1);
  });

  it("counts wrong numbers, collisions, out-of-bounds and unsupported objects", () => {
    const clash = o("nightstand-3", "nightstand", 0.3, 0.9, 0, [0.5, 0.4, 0.55]);
    const outside = { ...wardrobe, placement: { ...wardrobe.placement, x: 2.3 } };
    const floating = { ...lamp, placement: { ...lamp.placement, z: 0.9 } };
    const m = evaluateScene(prompt, [bed, ns1, ns2, clash, floating, tv, outside], room);
    expect(m.results.find((r) => r.raw === "eq,2,nightstand")!.pass).toBe(false);
    expect(m.collisions).toEqual([["bed-1", "nightstand-3"]]);
    expect(m.COL).toBeCloseTo(2 / 7);
    expect(m.outOfBounds).toEqual(["wardrobe-1"]);
    expect(m.unsupported).toEqual(["lamp-1"]);
    const agg = aggregate([m, evaluateScene(prompt, [bed, ns1, ns2, lamp, tv, wardrobe], room)]);
    expect(agg.CNT).toBeCloseTo(7 / 8);
    expect(agg.OOB).toBeCloseTo(1 / 7 / 2);
  });
});

describe("object metrics", () => {
  it("averages SceneCode figures over built objects and reports build success", () => {
    const stats = (m: number) => ({ bbox: { min: [0, 0, 0] as [number, number, number], max: [1, 1, 1] as [number, number, number] }, size: { w: 1, d: 1, h: 1 }, vertices: 8 * m, triangles: 12 * m, parts: [], materials: m, nonManifoldEdges: 0, timings: {} });
    const figs = objectFigures([
      { id: "a-1", build: { status: "built", glbRev: 1, stats: stats(1), error: null, attempts: 1 } },
      { id: "b-1", build: { status: "built", glbRev: 1, stats: stats(3), error: null, attempts: 2 } },
      { id: "c-1", build: { status: "failed", glbRev: null, stats: null, error: null, attempts: 3 } },
    ]);
    const s = summarizeObjects(figs);
    expect(s.buildSuccess).toBeCloseTo(2 / 3);
    expect(s.meanMaterials).toBe(2);
    expect(s.meanFaces).toBe(24);
    expect(s.meanAttempts).toBe(2);
  });
});
