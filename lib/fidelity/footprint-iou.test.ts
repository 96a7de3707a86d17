import { describe, expect, it } from "vitest";
import { boxPolygon, clipConvex, convexIoU, pictureView, placePolygon, signedArea } from "./footprint-iou";

describe("footprint IoU", () => {
  it("is 1 for the same box, 0 for disjoint boxes, 1/3 for half-overlapping unit boxes", () => {
    const a = boxPolygon({ x: 0, y: 0, w: 1, d: 1 });
    expect(convexIoU(a, a)).toBeCloseTo(1, 9);
    expect(convexIoU(a, boxPolygon({ x: 3, y: 0, w: 1, d: 1 }))).toBe(0);
    expect(convexIoU(a, boxPolygon({ x: 0.5, y: 0, w: 1, d: 1 }))).toBeCloseTo(1 / 3, 9);
  });

  it("clips a square turned 45 degrees to an octagon inside the box", () => {
    const sq = boxPolygon({ x: 0, y: 0, w: 1, d: 1 });
    const turned = placePolygon(sq, { x: 0, y: 0, yawDeg: 45 });
    const inter = clipConvex(turned, sq);
    expect(inter).toHaveLength(8);
    // The unit square minus four corner triangles with legs 1 - sqrt(2)/2.
    const leg = 1 - Math.SQRT2 / 2;
    expect(Math.abs(signedArea(inter))).toBeCloseTo(1 - 4 * ((leg * leg) / 2), 6);
  });

  it("places a local footprint by yaw (counter-clockwise) and position", () => {
    const local = boxPolygon({ x: 0, y: 0, w: 2, d: 1 });
    const placed = placePolygon(local, { x: 1, y: 2, yawDeg: 90 });
    // Turned 90 degrees, the 2 m width lies along +Y.
    expect(convexIoU(placed, boxPolygon({ x: 1, y: 2, w: 1, d: 2 }))).toBeCloseTo(1, 6);
  });

  it("frames the whole picture: centre, ortho scale over the wider side, the picture's aspect in meters", () => {
    const v = pictureView({ originPx: [400, 300], metersPerPx: [0.01, 0.01] }, { widthPx: 1000, heightPx: 500 }, 2.7, 640);
    expect(v.camera.position[0]).toBeCloseTo(1, 9);
    expect(v.camera.position[1]).toBeCloseTo(0.5, 9);
    expect(v.camera.orthoScale).toBeCloseTo(10, 9);
    expect([v.widthPx, v.heightPx]).toEqual([640, 320]);
  });
});
