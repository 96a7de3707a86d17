import { describe, expect, it } from "vitest";
import { outsideDepth, penetration, placeBox, type OrientedBox } from "./boxes";
import { checkPlacement, type CheckedObject } from "./check";
import { ANGLE_SNAP_DEG, placedRect, rectGap, snapPosition, snapYaw, turnAround, turnSnapStep, wallGaps, wallsOf } from "./snap";
import type { Point2 } from "../scene/schema";

const ROOM: Point2[] = [[-2, -1.5], [2, -1.5], [2, 1.5], [-2, 1.5]];
const box = (cx: number, cy: number, hx: number, hy: number, z0: number, z1: number, yawDeg = 0): OrientedBox => ({ cx, cy, hx, hy, yawDeg, z0, z1 });
const at = (x: number, y: number, yawDeg = 0) => ({ x, y, z: 0, yawDeg });

/** A table: a top at 0.72-0.75 m on four legs at the corners of 1.2 x 0.8 m. */
const TABLE: OrientedBox[] = [box(0, 0, 0.6, 0.4, 0.72, 0.75), ...[[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([sx, sy]) => box(sx * 0.55, sy * 0.35, 0.025, 0.025, 0, 0.72))];
/** A chair: seat at 0.42-0.46 m, back up to 0.9 m, legs. */
const CHAIR: OrientedBox[] = [box(0, 0, 0.22, 0.22, 0.42, 0.46), box(0, 0.2, 0.22, 0.02, 0.46, 0.9), ...[[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([sx, sy]) => box(sx * 0.2, sy * 0.2, 0.02, 0.02, 0, 0.42))];

describe("oriented part boxes", () => {
  it("measures interpenetration by the separating axes, also turned", () => {
    expect(penetration(box(0, 0, 0.5, 0.5, 0, 1), box(0.8, 0, 0.5, 0.5, 0, 1))).toBeCloseTo(0.2, 9);
    expect(penetration(box(0, 0, 0.5, 0.5, 0, 1), box(1.0, 0, 0.5, 0.5, 0, 1))).toBe(0);
    // Turned 45 degrees, the second box's corner reaches 0.707 m from its centre: 1.2 apart leaves 0.007 m.
    expect(penetration(box(0, 0, 0.5, 0.5, 0, 1), box(1.2, 0, 0.5, 0.5, 0, 1, 45))).toBeCloseTo(0.00711, 4);
    // One above the other.
    expect(penetration(box(0, 0, 0.5, 0.5, 0, 0.7), box(0, 0, 0.5, 0.5, 0.7, 1))).toBe(0);
  });

  it("places a local box by the object's yaw", () => {
    const b = placeBox(box(1, 0, 0.1, 0.2, 0, 1), { x: 2, y: 3, z: 0.5, yawDeg: 90 });
    expect(b.cx).toBeCloseTo(2, 9);
    expect(b.cy).toBeCloseTo(4, 9);
    expect(b.yawDeg).toBe(90);
    expect(b.z0).toBe(0.5);
  });

  it("measures how far parts reach outside the footprint", () => {
    expect(outsideDepth([box(0, 0, 0.5, 0.5, 0, 1)], ROOM)).toBe(0);
    expect(outsideDepth([box(1.8, 0, 0.5, 0.5, 0, 1)], ROOM)).toBeCloseTo(0.3, 9);
  });
});

describe("the live placement check", () => {
  const table: CheckedObject = { id: "table-1", parts: TABLE, placement: at(0, 0) };
  const chair: CheckedObject = { id: "chair-1", parts: CHAIR, placement: at(0, -0.3) };

  it("lets a chair stand under a table, which its whole bounding box would not", () => {
    // Pushed in from the south, facing north (yaw 180): the seat under the top, the back just outside it.
    expect(checkPlacement(chair, at(0, -0.25, 180), [table], { footprint: ROOM, wallThickness: 0.12 })).toEqual([]);
    // The bounding boxes do overlap there by far.
    expect(penetration(box(0, -0.25, 0.22, 0.22, 0, 0.9), box(0, 0, 0.6, 0.4, 0, 0.75))).toBeGreaterThan(0.1);
    // Turned the wrong way round, the back runs into the table top.
    expect(checkPlacement(chair, at(0, -0.25, 0), [table], null)[0]).toMatchObject({ kind: "collision", with: "table-1" });
  });

  it("flags a chair driven into a table leg, a wall and outside the room", () => {
    const hit = checkPlacement(chair, at(0.55, -0.35), [table], null);
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ kind: "collision", with: "table-1" });
    expect(checkPlacement(chair, at(1.9, 0), [], { footprint: ROOM, wallThickness: 0.12 })[0]).toMatchObject({ kind: "wall" });
    expect(checkPlacement(chair, at(3, 0), [], { footprint: ROOM, wallThickness: 0.12 })[0]).toMatchObject({ kind: "outside" });
  });

  it("lets a rug lie under a sofa and a lamp rest on its nightstand", () => {
    const sofa: CheckedObject = { id: "sofa-1", parts: [box(0, 0, 1, 0.45, 0, 0.85)], placement: at(0, 0) };
    const rug: CheckedObject = { id: "rug-1", parts: [box(0, 0, 1.2, 0.8, 0, 0.015)], placement: at(0, 0), route: "thin_cover" };
    expect(checkPlacement(rug, at(0.1, 0), [sofa], null)).toEqual([]);
    expect(checkPlacement(sofa, at(0.1, 0), [rug], null)).toEqual([]);
    const stand: CheckedObject = { id: "nightstand-1", parts: [box(0, 0, 0.25, 0.2, 0, 0.55)], placement: at(1, 1) };
    const lamp: CheckedObject = { id: "lamp-1", parts: [box(0, 0, 0.1, 0.1, 0, 0.45)], placement: { x: 1, y: 1, z: 0.55, yawDeg: 0 }, support: "on:nightstand-1" };
    expect(checkPlacement(lamp, lamp.placement, [stand], null)).toEqual([]);
    // The same lamp sunk into the nightstand as a floor object collides.
    expect(checkPlacement({ ...lamp, support: "floor" }, { ...lamp.placement, z: 0.3 }, [stand], null)[0]).toMatchObject({ kind: "collision" });
  });
});

describe("snapping", () => {
  const local = { minX: -0.4, maxX: 0.4, minY: -0.15, maxY: 0.15 };

  it("names walls and their inward normals for either winding", () => {
    const ccw = wallsOf(ROOM);
    const cw = wallsOf([...ROOM].reverse());
    expect(ccw.map((w) => w.name).sort()).toEqual(["east", "north", "south", "west"]);
    expect(cw.map((w) => w.name).sort()).toEqual(["east", "north", "south", "west"]);
    const north = ccw.find((w) => w.name === "north")!;
    expect(north.normal[1]).toBeCloseTo(-1, 9);
  });

  it("puts the back against the wall, for the object's yaw", () => {
    // Facing south (yaw 0: front -Y, back +Y) near the north wall at y = 1.5.
    const s = snapPosition({ x: 0.3, y: 1.27, yawDeg: 0, local, footprint: ROOM, others: [], grid: null, smart: true });
    expect(s.y).toBeCloseTo(1.35, 9);
    expect(s.x).toBe(0.3);
    expect(s.guides).toEqual([{ kind: "wall", wall: 2, name: "north" }]);
    // Turned 90 degrees against the east wall (x = 2): the 0.8 m width now runs along Y, depth 0.3 m along X.
    const e = snapPosition({ x: 1.78, y: 0, yawDeg: 90, local, footprint: ROOM, others: [], grid: null, smart: true });
    expect(e.x).toBeCloseTo(1.85, 9);
    // Into a corner: both walls.
    const c = snapPosition({ x: 1.55, y: 1.3, yawDeg: 0, local, footprint: ROOM, others: [], grid: null, smart: true });
    expect(c.x).toBeCloseTo(1.6, 9);
    expect(c.y).toBeCloseTo(1.35, 9);
  });

  it("snaps flush beside another object's edge and leaves far positions alone", () => {
    const others = [{ id: "bed-1", rect: { minX: -1, maxX: 0, minY: -1, maxY: 1 } }];
    const s = snapPosition({ x: 0.45, y: 0.5, yawDeg: 0, local, footprint: ROOM, others, grid: null, smart: true });
    expect(s.x).toBeCloseTo(0.4, 9);
    expect(s.guides[0]).toMatchObject({ kind: "edge", with: "bed-1", axis: "x" });
    const far = snapPosition({ x: 0.7, y: 0.3, yawDeg: 0, local, footprint: ROOM, others, grid: null, smart: true });
    expect(far.x).toBe(0.7);
  });

  it("puts the centre on the grid, axis by axis, with smart snapping off", () => {
    const g = snapPosition({ x: 0.437, y: -0.262, yawDeg: 30, local, footprint: ROOM, others: [], grid: 0.1, smart: false });
    expect(g.x).toBe(0.4);
    expect(g.y).toBe(-0.3);
    const q = snapPosition({ x: 1.0749, y: 0.026, yawDeg: 0, local, footprint: ROOM, others: [], grid: 0.25, smart: false });
    expect(q.x).toBe(1);
    expect(q.y).toBe(0);
  });

  it("snaps turns to 15 degree steps of the room frame, over the whole circle", () => {
    expect(ANGLE_SNAP_DEG).toBe(15);
    expect(snapYaw(37)).toBe(30);
    expect(snapYaw(38)).toBe(45);
    expect(snapYaw(-97.4)).toBe(-90);
    expect(snapYaw(-7.4)).toBe(0);
    expect(Object.is(snapYaw(-0.3), 0)).toBe(true);
    // Past the half turn it stays in (-180, 180].
    expect(snapYaw(173)).toBe(180);
    expect(snapYaw(-173)).toBe(180);
    expect(snapYaw(-166)).toBe(-165);
    expect(snapYaw(100, 45)).toBe(90);
    // No step: unchanged.
    expect(snapYaw(37.25, null)).toBe(37.25);
    expect(snapYaw(37.25, 0)).toBe(37.25);
  });

  it("snaps turns while grid snapping is on or Shift is held, not otherwise", () => {
    expect(turnSnapStep(true, false)).toBe(15);
    expect(turnSnapStep(false, true)).toBe(15);
    expect(turnSnapStep(true, true)).toBe(15);
    expect(turnSnapStep(false, false)).toBeNull();
  });

  it("measures a turn ring's drag as the angle the pointer swept around the centre, wherever the centre is", () => {
    // A quarter turn counter-clockwise around (2, 1): from east of the centre to north of it.
    expect(turnAround([2, 1], [3, 1], [2, 1.5])).toBeCloseTo(90, 9);
    expect(turnAround([2, 1], [2, 1.5], [3, 1])).toBeCloseTo(-90, 9);
    // The distance from the centre does not matter, only the direction.
    expect(turnAround([0, 0], [1, 0], [0.1, 0.1])).toBeCloseTo(45, 9);
    // Across the back: the short way, in (-180, 180].
    expect(turnAround([0, 0], [-1, 0.1], [-1, -0.1])).toBeCloseTo(2 * ((Math.atan2(0.1, 1) * 180) / Math.PI), 9);
    expect(turnAround([0, 0], [1, 0], [-1, 0])).toBe(180);
    // On the centre there is no direction.
    expect(turnAround([0, 0], [0.01, 0], [1, 0])).toBeNull();
  });

  it("measures the gaps to walls and objects", () => {
    const gaps = wallGaps(0, 1.0, 0, local, ROOM);
    expect(gaps[0].wall.name).toBe("north");
    expect(gaps[0].gap).toBeCloseTo(0.35, 9);
    expect(rectGap(placedRect(local, 0, 0, 0), { minX: 1, maxX: 2, minY: -1, maxY: 1 })).toBeCloseTo(0.6, 9);
  });
});
