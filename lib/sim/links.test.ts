import { describe, expect, it } from "vitest";
import type { Joint } from "../scene/schema";
import { combineMass, effectiveInertia, linksOf, type MassPart } from "./links";
import { sceneMjcf } from "./mjcf";
import { splitObj } from "./obj";
import { objectUrdf } from "./urdf";

/** A solid box part (inertia of a cuboid: m (b^2 + c^2) / 12 about its center). */
function box(name: string, mass: number, com: [number, number, number], size: [number, number, number]): MassPart {
  const [a, b, c] = size;
  return {
    name, mass, com, color: "#808080", material: "wood", volume: a * b * c, hullVolume: a * b * c, hullVertices: 8,
    inertia: [(mass * (b * b + c * c)) / 12, (mass * (a * a + c * c)) / 12, (mass * (a * a + b * b)) / 12, 0, 0, 0],
    bbox: { min: [com[0] - a / 2, com[1] - b / 2, com[2] - c / 2], max: [com[0] + a / 2, com[1] + b / 2, com[2] + c / 2] },
  };
}

const door: Joint = { name: "door_hinge", type: "revolute", parent: "body", children: ["door"], axis: [0, 0, 1], origin: [-0.3, -0.2, 0], limits: [0, 90], swivel: false };

describe("links", () => {
  it("combines masses with the parallel axis theorem", () => {
    const m = combineMass([box("a", 1, [-1, 0, 0], [0.1, 0.1, 0.1]), box("b", 1, [1, 0, 0], [0.1, 0.1, 0.1])]);
    expect(m.mass).toBe(2);
    expect(m.com).toEqual([0, 0, 0]);
    // Two 1 kg points 1 m from the axis add 2 kg m^2 about z.
    expect(m.inertia[2]).toBeCloseTo(2 + (2 * 0.02) / 12, 9);
  });

  it("puts unmoved parts in the base and hinges the door at its origin", () => {
    const parts = [box("body", 10, [0, 0, 0.4], [0.6, 0.4, 0.8]), box("door", 2, [0, -0.21, 0.4], [0.6, 0.02, 0.8])];
    const links = linksOf([door], parts);
    expect(links.map((l) => l.name)).toEqual(["base", "door_hinge_link"]);
    expect(links[1].parent).toBe("base");
    // A 0.6 m door about its edge: m (w^2 + t^2) / 12 + m d^2 with d the distance to the axis.
    const i = effectiveInertia(links, door);
    expect(i).toBeCloseTo((2 * (0.36 + 0.0004)) / 12 + 2 * (0.09 + 0.0001), 6);
  });

  it("writes URDF and MJCF that name every link, joint and actuator", () => {
    const parts = [box("body", 10, [0, 0, 0.4], [0.6, 0.4, 0.8]), box("door", 2, [0, -0.21, 0.4], [0.6, 0.02, 0.8])];
    const urdf = objectUrdf({ objectId: "cabinet-1", joints: [door], parts });
    expect(urdf).toContain('<joint name="door_hinge" type="revolute">');
    expect(urdf).toContain('<limit lower="0" upper="1.570796"');
    expect(urdf).toContain('<origin xyz="-0.3 -0.2 0" rpy="0 0 0"/>');
    const mjcf = sceneMjcf(null, [{ objectId: "cabinet-1", joints: [door], parts, placement: { x: 1, y: 2, z: 0, yawDeg: 90 }, free: false }]);
    expect(mjcf).toContain('<body name="cabinet-1" pos="1 2 0" quat="0.707107 0 0 0.707107">');
    expect(mjcf).toContain('type="hinge" axis="0 0 1"');
    expect(mjcf).toContain('<position name="cabinet-1__door_hinge" joint="cabinet-1__door_hinge"');
    // Box-shaped parts become box geoms, not meshes.
    expect(mjcf).not.toContain("<mesh ");
  });

  it("splits an OBJ per object with renumbered indices", () => {
    const parts = splitObj("o a\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\no b\nv 0 0 1\nv 1 0 1\nv 0 1 1\nf 4 5 6\n");
    expect([...parts.keys()]).toEqual(["a", "b"]);
    expect(parts.get("b")).toBe("o b\nv 0 0 1\nv 1 0 1\nv 0 1 1\nf 1 2 3\n");
  });
});
