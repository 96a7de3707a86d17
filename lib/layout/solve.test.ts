import { describe, expect, it } from "vitest";
import { boxOf, corners, forward, pointInPolygon } from "../geometry/box";
import { relationHolds } from "../geometry/relation-check";
import { isAgainstWall, isAtCeiling, isOn, isOnWall } from "../geometry/relations";
import { openingSegment, wallsOf } from "../geometry/room";
import { boxSegmentDistance } from "../geometry/box";
import { parsePrompt } from "../prompt/parse";
import type { StructureSpec } from "../scene/schema";
import { categoryInfo } from "../vocab";
import { findConflicts } from "./check";
import { solveLayout } from "./solve";

function solved(text: string) {
  const spec = parsePrompt(text);
  const L = solveLayout(spec);
  const boxes = new Map(spec.objects.map((o) => [o.id, boxOf(L.placements[o.id], o.targetSize)]));
  const room = { footprint: L.footprint, wallHeight: L.wallHeight, openings: L.openings };
  const conflicts = findConflicts(
    spec.objects.map((o) => ({ id: o.id, placement: L.placements[o.id], size: o.targetSize, support: L.supports[o.id], thin: categoryInfo(o.category).route === "thin_cover" })),
    L.footprint,
  );
  return { spec, L, boxes, room, conflicts };
}

describe("solveLayout", () => {
  const text =
    "A bedroom with a queen bed against the wall, two nightstands beside the bed with a lamp on each, a wardrobe in the corner, a desk under the window with a chair facing it, a rug under the bed, a painting above the bed and a ceiling light.";

  it("is deterministic", () => {
    const spec = parsePrompt(text);
    expect(JSON.stringify(solveLayout(spec))).toBe(JSON.stringify(solveLayout(spec)));
  }, 60_000);

  it("leaves no collisions and nothing out of bounds, and honours the relations", () => {
    const { spec, boxes, room, conflicts } = solved(text);
    expect(conflicts).toEqual({ collisions: [], outOfBounds: [] });
    const failed = spec.relations.filter((r) => relationHolds(r, boxes, room) === false);
    expect(failed).toEqual([]);
  });

  it("puts wall objects flush on a wall facing the room, ceiling objects at the ceiling, surface objects on their support", () => {
    const { spec, L, boxes, room } = solved(text);
    const painting = spec.objects.find((o) => o.category === "painting")!;
    const pb = boxes.get(painting.id)!;
    expect(isOnWall(pb, room)).toBe(true);
    expect(pb.z + pb.h / 2).toBeGreaterThan(1.2);
    const walls = wallsOf(L.footprint);
    const nearest = walls.reduce((a, w) => (boxSegmentDistance(pb, w.a, w.b) < boxSegmentDistance(pb, a.a, a.b) ? w : a));
    const f = forward(pb.yawDeg);
    expect(f[0] * nearest.normal[0] + f[1] * nearest.normal[1]).toBeCloseTo(1, 5);
    const light = spec.objects.find((o) => o.category === "ceiling_light")!;
    expect(isAtCeiling(boxes.get(light.id)!, room)).toBe(true);
    for (const o of spec.objects.filter((x) => L.supports[x.id].startsWith("on:"))) {
      const sup = boxes.get(L.supports[o.id].slice(3))!;
      expect(isOn(boxes.get(o.id)!, sup)).toBe(true);
      expect(L.placements[o.id].z).toBeCloseTo(sup.z + sup.h, 3);
    }
    const bed = spec.objects.find((o) => o.category === "bed")!;
    expect(isAgainstWall(boxes.get(bed.id)!, room)).toBe(true);
  });

  it("returns a door and a window and keeps the floor in front of the door clear (0.9 m deep)", () => {
    const { spec, L, boxes } = solved(text);
    expect(L.openings.some((o) => o.kind === "door")).toBe(true);
    expect(L.openings.some((o) => o.kind === "window")).toBe(true);
    const walls = wallsOf(L.footprint);
    const door = openingSegment(walls, L.openings.find((o) => o.kind === "door")!)!;
    const n = door.wall.normal;
    // Points across the door width, 0.1..0.8 m into the room, must be outside every floor object's footprint.
    const probes: [number, number][] = [];
    for (const s of [0.1, 0.5, 0.9]) for (const depth of [0.1, 0.45, 0.8]) probes.push([door.a[0] + (door.b[0] - door.a[0]) * s + n[0] * depth, door.a[1] + (door.b[1] - door.a[1]) * s + n[1] * depth]);
    for (const o of spec.objects) {
      if (categoryInfo(o.category).route === "thin_cover" || L.supports[o.id] !== "floor") continue;
      const b = boxes.get(o.id)!;
      for (const p of probes) expect(pointInPolygon(p, corners(b))).toBe(false);
    }
  });

  it("respects openings given in the spec", () => {
    const spec: StructureSpec = { ...parsePrompt("A bedroom with a bed and a desk under the window."), openings: [{ id: "w", kind: "window", wall: 1, offset: 2, width: 1, height: 1.2, sill: 0.9 }] };
    const L = solveLayout(spec);
    expect(L.openings).toEqual(spec.openings);
  });

  it("places chairs around a table and objects left/right of an anchor", () => {
    const { spec, boxes, room, conflicts } = solved("A dining room with a dining table surrounded by six chairs, a sideboard against the wall and a plant to the left of the sideboard.");
    expect(conflicts.collisions).toEqual([]);
    expect(spec.objects.filter((o) => o.category === "chair")).toHaveLength(6);
    expect(spec.relations.filter((r) => relationHolds(r, boxes, room) === false)).toEqual([]);
  });

  it("grows the room when the furniture cannot fit", () => {
    const spec = parsePrompt("A 2 x 2 m bathroom with a bathtub, a shower, a toilet, a vanity and a washing machine.");
    const L = solveLayout(spec);
    const conflicts = findConflicts(spec.objects.map((o) => ({ id: o.id, placement: L.placements[o.id], size: o.targetSize, support: L.supports[o.id] })), L.footprint);
    expect(conflicts).toEqual({ collisions: [], outOfBounds: [] });
    expect(L.notes.join(" ")).toMatch(/enlarged/);
  });
});
