/**
 * Wall cutaway on a 4 m x 3 m room laid out the way GLTFLoader builds room_shell.py's GLB: each part a mesh
 * named by its node, box geometry with its thickness along local Z, turned by its yaw about Y.
 */
import { describe, expect, it } from "vitest";
import { BoxGeometry, Group, Mesh, Vector3 } from "three";
import { applyCutaway, findCutawayParts } from "./cutaway";

function part(name: string, size: [number, number, number], at: [number, number, number], yaw = 0): Mesh {
  const m = new Mesh(new BoxGeometry(...size));
  m.name = name;
  m.position.set(...at);
  m.rotation.y = yaw;
  return m;
}

/** Room frame x east, y north -> three.js x, -z: the south wall is at z = +1.5, the east wall at x = +2. */
function room(): Group {
  const g = new Group();
  g.name = "room";
  g.add(part("floor", [4, 0.02, 3], [0, -0.01, 0]));
  g.add(part("wall_0", [4.2, 2.5, 0.1], [0, 1.25, 1.55]));
  g.add(part("window_0", [1, 1.2, 0.01], [0, 1.5, 1.55]));
  g.add(part("window_0_frame_1", [0.05, 1.2, 0.06], [-0.475, 1.5, 1.55]));
  g.add(part("wall_1", [3.2, 2.5, 0.1], [2.05, 1.25, 0], Math.PI / 2));
  g.add(part("wall_2", [4.2, 2.5, 0.1], [0, 1.25, -1.55], Math.PI));
  g.add(part("door_0", [0.9, 2.05, 0.04], [-1, 1.03, -1.55], Math.PI));
  g.add(part("wall_3", [3.2, 2.5, 0.1], [-2.05, 1.25, 0], -Math.PI / 2));
  g.add(part("ceiling", [4, 0.02, 3], [0, 2.51, 0]));
  return g;
}

describe("wall cutaway", () => {
  it("finds walls, doors, windows, frames and the ceiling with outward normals", () => {
    const parts = findCutawayParts(room());
    expect(parts.map((p) => p.object.name).sort()).toEqual(["ceiling", "door_0", "wall_0", "wall_1", "wall_2", "wall_3", "window_0", "window_0_frame_1"]);
    const normal = (name: string) => parts.find((p) => p.object.name === name)!.normal.toArray().map((v) => Math.round(v * 1000) / 1000 + 0);
    expect(normal("wall_0")).toEqual([0, 0, 1]);
    expect(normal("window_0_frame_1")).toEqual([0, 0, 1]);
    expect(normal("wall_1")).toEqual([1, 0, 0]);
    expect(normal("wall_2")).toEqual([0, 0, -1]);
    expect(normal("door_0")).toEqual([0, 0, -1]);
    expect(normal("wall_3")).toEqual([-1, 0, 0]);
  });

  it("hides what stands between an orbiting camera and the room, and nothing from inside or straight above", () => {
    const g = room();
    const parts = findCutawayParts(g);
    // The editor's home view for this room: south-east of it and above the walls.
    expect(applyCutaway(parts, new Vector3(1.2, 7.7, 5.5), true)).toEqual(["ceiling", "wall_0", "window_0", "window_0_frame_1"]);
    expect(g.getObjectByName("wall_0")!.visible).toBe(false);
    expect(g.getObjectByName("wall_2")!.visible).toBe(true);
    // From the north-west corner: the north and west walls and the door in the north wall.
    expect(applyCutaway(parts, new Vector3(-6, 3, -6), true)).toEqual(["ceiling", "door_0", "wall_2", "wall_3"]);
    expect(g.getObjectByName("wall_0")!.visible).toBe(true);
    // Top view: only the ceiling.
    expect(applyCutaway(parts, new Vector3(0, 9, 0.001), true)).toEqual(["ceiling"]);
    // Standing in the room below the ceiling: nothing.
    expect(applyCutaway(parts, new Vector3(0.5, 1.6, 0.2), true)).toEqual([]);
    // Turned off: everything is shown again.
    applyCutaway(parts, new Vector3(1.2, 7.7, 5.5), true);
    expect(applyCutaway(parts, new Vector3(1.2, 7.7, 5.5), false)).toEqual([]);
    expect(parts.every((p) => p.object.visible)).toBe(true);
  });
});
