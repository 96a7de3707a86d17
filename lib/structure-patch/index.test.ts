import { describe, expect, it } from "vitest";
import { StructureSpec, type Footprint } from "../scene/schema";
import { applyStructurePatch, boxPxToM, describePatch, frameOf, StructurePatch, type ImageFrame } from "./index";

const frame: ImageFrame = { originPx: [500, 300], metersPerPx: [0.01, 0.01] };
const image = { widthPx: 1000, heightPx: 600 };

function fp(id: string, category: string, x: number, y: number, w: number, h: number): Footprint {
  const boxPx = { x, y, w, h };
  return { id, category, confidence: 0.5, boxPx, boxM: boxPxToM(boxPx, frame), zone: null, reason: "test" };
}

function spec(): StructureSpec {
  return StructureSpec.parse({
    roomType: "bedroom",
    roomSize: { w: 8, d: 5, h: 2.7 },
    objects: [],
    relations: [],
    footprints: [fp("fp-1", "armchair", 400, 50, 200, 220), fp("fp-2", "side_table", 360, 60, 40, 40), fp("fp-3", "side_table", 600, 60, 40, 40)],
    zones: [{ id: "bedroom-1", kind: "bedroom", box: { x: 0, y: 0, w: 8, d: 5 } }],
    imageFrame: frame,
  });
}

const apply = (ops: unknown) => applyStructurePatch(spec(), StructurePatch.parse({ ops }), image);

describe("boxPxToM", () => {
  it("maps pixels to the room frame with +Y up and the box center as x/y", () => {
    expect(boxPxToM({ x: 400, y: 100, w: 200, h: 100 }, frame)).toEqual({ x: 0, y: 1.5, w: 2, d: 1 });
    expect(boxPxToM({ x: 0, y: 500, w: 100, h: 100 }, frame)).toEqual({ x: -4.5, y: -2.5, w: 1, d: 1 });
  });
});

describe("applyStructurePatch", () => {
  it("relabels a footprint and regenerates object ids per category", () => {
    const r = apply([{ op: "relabel", footprintId: "fp-1", category: "bed" }, { op: "relabel", footprintId: "fp-2", category: "nightstand" }, { op: "relabel", footprintId: "fp-3", category: "nightstand" }]);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.objects.map((o) => o.id)).toEqual(["bed-1", "nightstand-1", "nightstand-2"]);
    expect(r.value.footprints[0]).toMatchObject({ category: "bed", confidence: 1 });
    expect(r.value.objects[0]).toMatchObject({ footprintId: "fp-1", approxCenter: [0, 1.4] });
    expect(StructureSpec.safeParse(r.value).success).toBe(true);
  });

  it("sizes objects from boxM, turning w/d for items against the east or west wall", () => {
    const r = apply([{ op: "add", boxPx: { x: 0, y: 200, w: 60, h: 200 }, category: "dresser" }]);
    if (!r.ok) throw new Error(r.error);
    const dresser = r.value.objects.find((o) => o.category === "dresser");
    expect(dresser).toMatchObject({ approxYawDeg: 90, approxCenter: [-4.7, 0] });
    expect(dresser?.targetSize.w).toBeCloseTo(2);
    expect(dresser?.targetSize.d).toBeCloseTo(0.6);
    expect(r.value.relations).toContainEqual({ type: "against_wall", subject: dresser?.id, anchor: "wall" });
  });

  it("deletes, adds with a fresh id, and resizes with boxM recomputed", () => {
    const r = apply([
      { op: "delete", footprintId: "fp-2" },
      { op: "add", boxPx: { x: 100, y: 400, w: 100, h: 100 }, category: "potted_plant" },
      { op: "resize", footprintId: "fp-1", boxPx: { x: 400, y: 50, w: 180, h: 200 } },
    ]);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.footprints.map((f) => f.id)).toEqual(["fp-1", "fp-3", "fp-4"]);
    expect(r.value.footprints[0].boxM).toEqual({ x: -0.1, y: 1.5, w: 1.8, d: 2 });
    expect(r.value.footprints[2]).toMatchObject({ category: "potted_plant", zone: "bedroom-1", boxM: { x: -3.5, y: -1.5, w: 1, d: 1 } });
    expect(r.value.objects).toHaveLength(3);
  });

  it("merges footprints into the union box under the largest one's id", () => {
    const r = apply([{ op: "merge", footprintIds: ["fp-2", "fp-1", "fp-3"], category: "bed" }]);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.footprints).toHaveLength(1);
    expect(r.value.footprints[0]).toMatchObject({ id: "fp-1", category: "bed", boxPx: { x: 360, y: 50, w: 280, h: 220 } });
    expect(r.value.objects.map((o) => o.id)).toEqual(["bed-1"]);
  });

  it("rejects unknown ids and boxes outside the image without touching the input", () => {
    const s = spec();
    const before = JSON.stringify(s);
    const r1 = applyStructurePatch(s, { ops: [{ op: "delete", footprintId: "fp-9" }] }, image);
    expect(r1).toEqual({ ok: false, error: "op 1 (delete): no footprint fp-9" });
    const r2 = applyStructurePatch(s, { ops: [{ op: "add", boxPx: { x: 2000, y: 0, w: 10, h: 10 }, category: "bed" }] }, image);
    expect(r2.ok).toBe(false);
    expect(JSON.stringify(s)).toBe(before);
  });

  it("validates ops with zod (category must be snake_case; merge needs two ids)", () => {
    expect(StructurePatch.safeParse({ ops: [{ op: "relabel", footprintId: "fp-1", category: "Big Bed" }] }).success).toBe(false);
    expect(StructurePatch.safeParse({ ops: [{ op: "merge", footprintIds: ["fp-1"] }] }).success).toBe(false);
    expect(StructurePatch.safeParse({ ops: [] }).success).toBe(false);
  });

  it("derives the frame from a footprint when the spec has none", () => {
    const s = { ...spec(), imageFrame: undefined };
    const f = frameOf(s);
    expect(f?.originPx[0]).toBeCloseTo(500);
    expect(f?.originPx[1]).toBeCloseTo(300);
    expect(f?.metersPerPx[0]).toBeCloseTo(0.01);
  });
});

describe("rotate and scale", () => {
  it("rotate fixes the footprint's yaw; its object keeps that yaw and the box's own width and depth", () => {
    const r = apply([{ op: "rotate", footprintId: "fp-1", yawDeg: 225 }]);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.footprints[0]).toMatchObject({ yawDeg: -135, yawFixed: true });
    const o = r.value.objects.find((x) => x.footprintId === "fp-1")!;
    expect(o.approxYawDeg).toBe(-135);
    expect(o.targetSize.w).toBeCloseTo(2);
    expect(o.targetSize.d).toBeCloseTo(2.2);
  });

  it("scale stretches the room, zones and footprints from one meters-per-pixel value", () => {
    const r = apply([{ op: "scale", metersPerPx: 0.02 }]);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.imageFrame?.metersPerPx).toEqual([0.02, 0.02]);
    expect(r.value.roomSize).toMatchObject({ w: 16, d: 10, h: 2.7 });
    expect(r.value.zones[0].box).toEqual({ x: 0, y: 0, w: 16, d: 10 });
    expect(r.value.footprints[0].boxM).toEqual({ x: 0, y: 2.8, w: 4, d: 4.4 });
    expect(r.value.objects.find((x) => x.footprintId === "fp-1")?.approxCenter).toEqual([0, 2.8]);
  });

  it("rejects rotating a footprint that does not exist", () => {
    const r = apply([{ op: "rotate", footprintId: "fp-9", yawDeg: 10 }]);
    expect(r.ok).toBe(false);
  });
});

describe("describePatch", () => {
  it("names footprints by category", () => {
    const p = StructurePatch.parse({ ops: [{ op: "resize", footprintId: "fp-1", boxPx: { x: 410, y: 50, w: 200, h: 220 } }, { op: "relabel", footprintId: "fp-2", category: "night_stand" }] });
    expect(describePatch(spec(), p)).toBe("move armchair, relabel side table as night stand");
  });
});
