import { describe, expect, it } from "vitest";
import { BoxGeometry, Group, Mesh } from "three";
import { partBoxes } from "./part-boxes";

/** A mesh part as the glTF importer gives it: Y-up, the object's front towards +Z (room -Y). */
function part(w: number, h: number, d: number, at: [number, number, number], turnY = 0): Mesh {
  const m = new Mesh(new BoxGeometry(w, h, d));
  m.position.set(...at);
  m.rotation.y = turnY;
  return m;
}

describe("part boxes of a loaded GLB", () => {
  it("gives one oriented box per mesh in the object's room frame (Z-up), turned with the mesh", () => {
    const root = new Group();
    // A 1.2 x 0.8 m top at 0.72-0.75 m; a leg 0.3 m east and 0.2 m north of the centre (three z = -room y).
    root.add(part(1.2, 0.03, 0.8, [0, 0.735, 0]));
    root.add(part(0.05, 0.72, 0.05, [0.3, 0.36, -0.2]));
    // A 0.4 x 0.1 m slat turned 30 degrees about the vertical.
    root.add(part(0.4, 0.02, 0.1, [0, 0.5, 0], Math.PI / 6));
    // The root's own transform (where the preview put the object) never leaks into the parts.
    root.position.set(5, 0, 5);
    root.rotation.y = 1;
    const [top, leg, slat] = partBoxes(root);
    expect(top.hx * 2).toBeCloseTo(1.2, 6);
    expect(top.hy * 2).toBeCloseTo(0.8, 6);
    expect(top.z0).toBeCloseTo(0.72, 6);
    expect(top.z1).toBeCloseTo(0.75, 6);
    expect(leg.cx).toBeCloseTo(0.3, 6);
    expect(leg.cy).toBeCloseTo(0.2, 6);
    expect(leg.z1).toBeCloseTo(0.72, 6);
    expect(slat.yawDeg).toBeCloseTo(30, 4);
    expect(slat.hx * 2).toBeCloseTo(0.4, 6);
    expect(slat.hy * 2).toBeCloseTo(0.1, 6);
  });
});
