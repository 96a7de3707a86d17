import { describe, expect, it } from "vitest";
import { attachFixtureLights, lightsInRoom, localToRoom, roomToLocal, withLampBulbs } from "./lights";
import type { Light, SceneObject } from "./schema";

function obj(id: string, category: string, x: number, y: number, yawDeg = 0, h = 1.6): SceneObject {
  return {
    id,
    category,
    placement: { x, y, z: 0, yawDeg },
    targetSize: { w: 0.4, d: 0.4, h },
    hidden: false,
  } as unknown as SceneObject;
}

const bulb = (x: number, y: number, z: number): Light => ({ kind: "point", position: [x, y, z], color: "#ffd9a8", power: 40 });

describe("lights that belong to a lamp", () => {
  it("round-trips between the local and the room frame at any yaw", () => {
    const p = { x: 1.2, y: -0.7, z: 0.5, yawDeg: 37 };
    const r = localToRoom(p, [0.3, -0.1, 1.2]);
    const back = roomToLocal(p, r);
    expect(back[0]).toBeCloseTo(0.3, 9);
    expect(back[1]).toBeCloseTo(-0.1, 9);
    expect(back[2]).toBeCloseTo(1.2, 9);
    // Yaw 90: local +X points to room +Y.
    const q = localToRoom({ x: 0, y: 0, z: 0, yawDeg: 90 }, [1, 0, 0]);
    expect(q[0]).toBeCloseTo(0, 9);
    expect(q[1]).toBeCloseTo(1, 9);
  });

  it("attaches the bulb inside a lamp and leaves the ceiling grid and the sun free", () => {
    const lamp = obj("floor_lamp-1", "floor_lamp", 1, 1);
    const sofa = obj("sofa-1", "sofa", -1, 0, 0, 0.8);
    const lights = attachFixtureLights([bulb(1, 1, 1.28), bulb(0, 0, 2.4), { ...bulb(0, 0, 5), kind: "sun" }], [lamp, sofa]);
    expect(lights[0].objectId).toBe("floor_lamp-1");
    expect(lights[0].local).toEqual([0, 0, 1.28]);
    expect(lights[1].objectId).toBeUndefined();
    expect(lights[2].objectId).toBeUndefined();
  });

  it("follows the lamp's move and turn, and leaves with the lamp when it is hidden or removed", () => {
    const lamp = obj("lamp-1", "table_lamp", 0, 0, 0, 0.5);
    const [l] = attachFixtureLights([bulb(0.1, 0, 0.45)], [lamp]);
    const moved = { ...lamp, placement: { x: 2, y: 1, z: 0.6, yawDeg: 90 } };
    const [now] = lightsInRoom([l], [moved]);
    expect(now.position[0]).toBeCloseTo(2, 9);
    expect(now.position[1]).toBeCloseTo(1.1, 9);
    expect(now.position[2]).toBeCloseTo(1.05, 9);
    expect(lightsInRoom([l], [{ ...moved, hidden: true }])).toEqual([]);
    expect(lightsInRoom([l], [])).toEqual([]);
    expect(lightsInRoom([bulb(0, 0, 2)], [])).toHaveLength(1);
  });

  it("a lamp without a light of its own (added by an edit) gets a bulb in its shade; a lit lamp and a sofa do not", () => {
    const lit = obj("lamp-1", "table_lamp", 0, 0, 0, 0.5);
    const added = obj("floor_lamp-1", "floor_lamp", 2, 1, 0, 1.6);
    const sofa = obj("sofa-1", "sofa", -1, 0, 0, 0.8);
    const lights = attachFixtureLights([bulb(0, 0, 0.4)], [lit]);
    const all = withLampBulbs(lights, [lit, added, sofa]);
    expect(all).toHaveLength(2);
    const own = all.find((l) => l.objectId === "floor_lamp-1")!;
    expect(own.local).toEqual([0, 0, 1.6 * 0.8]);
    const [, moved] = lightsInRoom(all, [lit, { ...added, placement: { x: -2, y: 0.5, z: 0, yawDeg: 30 } }, sofa]);
    expect(moved.position).toEqual([-2, 0.5, 1.6 * 0.8]);
  });
});
