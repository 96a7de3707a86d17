import { describe, expect, it } from "vitest";
import { normalizeYaw, placementToThree, roomToThree, threeToPlacement, threeToRoom } from "./frames";

describe("frames", () => {
  it("maps room +Y (north) to three.js -Z and room +Z (up) to three.js +Y", () => {
    expect(roomToThree(1, 2, 3)).toEqual([1, 3, -2]);
    expect(threeToRoom(1, 3, -2)).toEqual([1, 2, 3]);
  });

  it("rotates the same way: yaw 90 deg turns room +X into room +Y", () => {
    const t = placementToThree({ x: 0, y: 0, z: 0, yawDeg: 90 });
    // three.js rotation about +Y by theta maps (1,0,0) to (cos, 0, -sin)
    const rotated: [number, number, number] = [Math.cos(t.rotationY), 0, -Math.sin(t.rotationY)];
    const back = threeToRoom(...rotated);
    expect(back[0]).toBeCloseTo(0, 9);
    expect(back[1]).toBeCloseTo(1, 9);
  });

  it("round-trips a placement", () => {
    const p = { x: 1.25, y: -0.5, z: 0.4, yawDeg: -135 };
    const t = placementToThree(p);
    const q = threeToPlacement(t.position, t.rotationY);
    expect(q.x).toBeCloseTo(p.x, 9);
    expect(q.y).toBeCloseTo(p.y, 9);
    expect(q.z).toBeCloseTo(p.z, 9);
    expect(q.yawDeg).toBeCloseTo(p.yawDeg, 9);
  });

  it("normalises yaw to (-180, 180]", () => {
    expect(normalizeYaw(270)).toBe(-90);
    expect(normalizeYaw(-180)).toBe(180);
    expect(normalizeYaw(720)).toBe(0);
    expect(normalizeYaw(-0)).toBe(0);
  });
});
