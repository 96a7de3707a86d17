import { describe, expect, it } from "vitest";
import { angleBetween, boxesIntersect, corners, footprintGap, footprintPenetration, forward, fromLocal, outsideDepth, penetrationDepth, pointInPolygon, toLocal, yawFacing, type Box } from "./box";
import { centroid, openingSegment, rectFootprint, signedArea, wallsOf } from "./room";

const box = (x: number, y: number, yawDeg: number, w = 1, d = 1, h = 1, z = 0): Box => ({ x, y, z, yawDeg, w, d, h });

describe("box frames", () => {
  it("front faces -Y at yaw 0 and turns counter-clockwise with yaw", () => {
    expect(forward(0)[0]).toBeCloseTo(0);
    expect(forward(0)[1]).toBeCloseTo(-1);
    expect(forward(90)[0]).toBeCloseTo(1);
    expect(forward(180)[1]).toBeCloseTo(1);
    expect(yawFacing(0, 1)).toBeCloseTo(180);
    expect(yawFacing(-1, 0)).toBeCloseTo(-90);
  });
  it("toLocal inverts fromLocal for rotated boxes", () => {
    const b = box(1, 2, 37);
    const [x, y] = fromLocal(b, 0.3, -0.4);
    const [lx, ly] = toLocal(b, x, y);
    expect(lx).toBeCloseTo(0.3);
    expect(ly).toBeCloseTo(-0.4);
  });
  it("corners are counter-clockwise and span the footprint", () => {
    const cs = corners(box(0, 0, 0, 2, 1));
    expect(signedArea(cs)).toBeCloseTo(2);
  });
});

describe("overlap and distance", () => {
  it("intersection needs overlap in footprint and height beyond the tolerance", () => {
    expect(boxesIntersect(box(0, 0, 0), box(0.5, 0, 0))).toBe(true);
    expect(boxesIntersect(box(0, 0, 0), box(1.005, 0, 0))).toBe(false);
    expect(boxesIntersect(box(0, 0, 0), box(0.5, 0, 0, 1, 1, 1, 1.0))).toBe(false);
    expect(boxesIntersect(box(0, 0, 45), box(1.1, 0, 0))).toBe(true);
  });
  it("footprint gap between rotated boxes", () => {
    expect(footprintGap(box(0, 0, 0), box(3, 0, 0))).toBeCloseTo(2);
    expect(footprintGap(box(0, 0, 45), box(3, 0, 0))).toBeCloseTo(2.5 - Math.SQRT1_2);
    expect(footprintGap(box(0, 0, 0), box(0.2, 0, 30))).toBe(0);
  });
  it("point in polygon and out-of-bounds depth", () => {
    const room = rectFootprint(4, 3);
    expect(pointInPolygon([0, 0], room)).toBe(true);
    expect(pointInPolygon([2.1, 0], room)).toBe(false);
    expect(outsideDepth(box(1.5, 0, 0), room)).toBe(0);
    expect(outsideDepth(box(1.7, 0, 0), room)).toBeCloseTo(0.2);
    expect(outsideDepth(box(1.4, 0, 45), room)).toBeCloseTo(1.4 + Math.SQRT1_2 - 2);
  });
  it("angles between vectors", () => {
    expect(angleBetween([1, 0], [0, 1])).toBeCloseTo(90);
    expect(angleBetween([1, 0], [-1, 0])).toBeCloseTo(180);
  });
});

describe("room walls", () => {
  it("gives inward normals and an inward-facing yaw for either winding", () => {
    for (const fp of [rectFootprint(4, 3), [...rectFootprint(4, 3)].reverse()]) {
      const c = centroid(fp);
      for (const w of wallsOf(fp)) {
        const mid = [(w.a[0] + w.b[0]) / 2, (w.a[1] + w.b[1]) / 2];
        expect((c[0] - mid[0]) * w.normal[0] + (c[1] - mid[1]) * w.normal[1]).toBeGreaterThan(0);
        const f = forward(w.yawIn);
        expect(f[0] * w.normal[0] + f[1] * w.normal[1]).toBeCloseTo(1);
      }
    }
  });
  it("places an opening by wall index and offset from the wall's start", () => {
    const walls = wallsOf(rectFootprint(4, 3));
    const s = openingSegment(walls, { id: "d", kind: "door", wall: 0, offset: 1, width: 0.8, height: 2, sill: 0 })!;
    expect(s.center[0]).toBeCloseTo(-1);
    expect(s.center[1]).toBeCloseTo(-1.5);
    expect(s.a[0]).toBeCloseTo(-1.4);
  });
});

describe("penetrationDepth", () => {
  it("measures a thin post inside a block by the shortest push out of it, not by the post's width", () => {
    const block = box(0, 0, 0, 0.1, 0.08, 0.06);
    const post = box(0, 0, 0, 0.009, 0.009, 0.1);
    expect(footprintPenetration(block, post)).toBeCloseTo(0.009, 9);
    // Pushed out sideways by the post's half width plus the block's 4 cm to its nearest side (y).
    expect(penetrationDepth(block, post)).toBeCloseTo(0.04 + 0.0045, 9);
    // Partly overlapping boxes: the overlap along the shallowest axis, here 3 cm in x.
    expect(penetrationDepth(box(0, 0, 0), box(0.97, 0.2, 0))).toBeCloseTo(0.03, 9);
    // Apart: not positive; touching: 0.
    expect(penetrationDepth(box(0, 0, 0), box(1.5, 0, 0))).toBeLessThan(0);
    expect(penetrationDepth(box(0, 0, 0), box(0, 0, 0, 1, 1, 1, 1))).toBeCloseTo(0, 9);
    // Turned boxes use both footprints' axes.
    expect(penetrationDepth(box(0, 0, 45), box(0.9, 0, 0))).toBeCloseTo(Math.SQRT1_2 - 0.4, 9);
  });
});
