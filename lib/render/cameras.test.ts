import { describe, expect, it } from "vitest";
import { cameraFromThree, presetCamera } from "./cameras";

describe("render cameras", () => {
  it("the preview's perspective camera keeps its fov, converted to the room frame (Z-up)", () => {
    const c = cameraFromThree([1, 2, 3], [0, 0, 0], 50);
    expect(c.fovDeg).toBe(50);
    expect(c.orthoScale).toBeUndefined();
    expect(c.position[2]).toBeCloseTo(2);
  });
  it("the plan view's orthographic camera becomes an orthographic render spanning what it shows", () => {
    // 8 m x 4.5 m visible: a 16:9 image spans 8 m across.
    const c = cameraFromThree([0.5, 20, -1], [0.5, 0, -1], 45, { w: 8, h: 4.5 });
    expect(c.fovDeg).toBeUndefined();
    expect(c.orthoScale).toBeCloseTo(8);
    // A tall view (4 m x 6 m) must fit its height: 6 m high in a 16:9 image is 10.67 m across.
    expect(cameraFromThree([0, 20, 0], [0, 0, 0], 45, { w: 4, h: 6 }).orthoScale).toBeCloseTo((6 * 16) / 9);
    expect(c.position[2]).toBeCloseTo(20);
    expect(c.target[2]).toBeCloseTo(0);
  });
  it("the top preset is orthographic over the footprint", () => {
    const c = presetCamera("top", [[-2, -1.5], [2, -1.5], [2, 1.5], [-2, 1.5]], 2.6);
    expect(c.orthoScale).toBeGreaterThan(4);
  });
});
