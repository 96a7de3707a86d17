import { describe, expect, it } from "vitest";
import type { Box } from "../geometry/box";
import type { RoomGeom } from "../geometry/relations";
import { rectFootprint } from "../geometry/room";
import { oaHolds, ooCheck } from "./checks";

/** 6 x 4 m room; door on the south wall (wall 0) near its west end, window centered on the north wall (wall 2). */
const room: RoomGeom = {
  footprint: rectFootprint(6, 4),
  wallHeight: 2.7,
  openings: [
    { id: "door-1", kind: "door", wall: 0, offset: 1.0, width: 0.9, height: 2.1, sill: 0 },
    { id: "window-1", kind: "window", wall: 2, offset: 3.0, width: 1.2, height: 1.2, sill: 0.9 },
  ],
};
const box = (x: number, y: number, yawDeg: number, w: number, d: number, h: number, z = 0): Box => ({ x, y, z, yawDeg, w, d, h });
const check = (rel: string, t: Box, a: Box) => ooCheck(rel)(t, a, room);

// A bed against the north wall facing south (yaw 0 -> front faces -Y).
const bed = box(0, 0.95, 0, 1.6, 2.1, 1.0);
// The same bed rotated to stand against the east wall facing west (yaw -90 -> front faces -X).
const bedEast = box(1.95, 0, -90, 1.6, 2.1, 1.0);

describe("object-object relation checks", () => {
  it("left/right are the anchor's own sides (its right is local -X)", () => {
    const rightStand = box(-1.1, 1.7, 0, 0.5, 0.4, 0.55);
    const leftStand = box(1.1, 1.7, 0, 0.5, 0.4, 0.55);
    expect(check("right", rightStand, bed)).toBe(true);
    expect(check("left", rightStand, bed)).toBe(false);
    expect(check("left", leftStand, bed)).toBe(true);
    expect(check("right", leftStand, bed)).toBe(false);
  });
  it("left/right follow the anchor's rotation", () => {
    // The east bed faces -X; its local X axis is room -Y, so its own right (local -X) is room +Y (north).
    const north = box(2.5, 1.3, -90, 0.5, 0.4, 0.55);
    const south = box(2.5, -1.3, -90, 0.5, 0.4, 0.55);
    expect(check("right", north, bedEast)).toBe(true);
    expect(check("left", north, bedEast)).toBe(false);
    expect(check("left", south, bedEast)).toBe(true);
    expect(check("right", south, bedEast)).toBe(false);
  });
  it("front/behind and foot use the anchor's facing", () => {
    const bench = box(0, -0.4, 0, 1.2, 0.4, 0.45);
    expect(check("front", bench, bed)).toBe(true);
    expect(check("foot", bench, bed)).toBe(true);
    expect(check("behind", bench, bed)).toBe(false);
    const behindEast = box(1.95 + 1.3, 0, 0, 0.3, 0.3, 0.3);
    expect(check("behind", behindEast, bedEast)).toBe(true);
    expect(check("front", box(0.5, 0, 0, 0.4, 0.4, 0.4), bedEast)).toBe(true);
  });
  it("on / within / center: resting on the top, center over the anchor", () => {
    const table = box(0, 0, 30, 1.2, 0.8, 0.75);
    const mug = box(0.1, 0.05, 0, 0.09, 0.09, 0.1, 0.75);
    expect(check("on", mug, table)).toBe(true);
    expect(check("within", mug, table)).toBe(true);
    expect(check("center", mug, table)).toBe(true);
    expect(check("on", box(0.1, 0.05, 0, 0.09, 0.09, 0.1, 0), table)).toBe(false);
    expect(check("on", box(1.0, 0.8, 0, 0.09, 0.09, 0.1, 0.75), table)).toBe(false);
    const rug = box(0, 0, 0, 2, 1.4, 0.01);
    expect(check("on", box(0.2, 0, 0, 0.85, 0.85, 0.9), rug)).toBe(true);
  });
  it("above / under", () => {
    const sink = box(0, -1.75, 180, 0.6, 0.5, 0.85);
    const cabinet = box(0, -1.9, 180, 0.6, 0.15, 0.7, 1.3);
    expect(check("above", cabinet, sink)).toBe(true);
    expect(check("under", sink, cabinet)).toBe(true);
    expect(check("above", sink, cabinet)).toBe(false);
    const table = box(0, 0, 0, 1.6, 0.9, 0.75);
    const rug = box(0, 0, 0, 2.4, 1.7, 0.01);
    expect(check("under", rug, table)).toBe(true);
    expect(check("under", box(2, 0, 0, 2, 1, 0.01), table)).toBe(false);
  });
  it("near / next to by footprint gap (1.5 m / 0.75 m), also for rotated boxes", () => {
    const a = box(0, 0, 45, 1, 1, 1);
    expect(check("next_to", box(1.2, 0, 0, 0.4, 0.4, 0.4), a)).toBe(true);
    expect(check("next_to", box(2.2, 0, 0, 0.4, 0.4, 0.4), a)).toBe(false);
    expect(check("near", box(2.2, 0, 0, 0.4, 0.4, 0.4), a)).toBe(true);
    expect(check("near", box(3.0, 0, 0, 0.4, 0.4, 0.4), a)).toBe(false);
  });
  it("facing / across / around", () => {
    const tv = box(0, 1.9, 0, 1.2, 0.1, 0.7, 1.0);
    const sofa = box(0, -1.4, 180, 2.0, 0.9, 0.85);
    expect(check("facing", sofa, tv)).toBe(true);
    expect(check("facing", box(0, -1.4, 0, 2, 0.9, 0.85), tv)).toBe(false);
    expect(check("across", sofa, tv)).toBe(true);
    const table = box(0, 0, 0, 1.6, 0.9, 0.75);
    const chair = box(0, -0.75, 180, 0.45, 0.5, 0.9);
    expect(check("around", chair, table)).toBe(true);
    expect(check("long_side", chair, table)).toBe(true);
    expect(check("short_side", chair, table)).toBe(false);
    expect(check("around", box(0, -0.75, 0, 0.45, 0.5, 0.9), table)).toBe(false);
  });
  it("unknown relation words fall back to near", () => {
    expect(check("hovering_by", box(1, 0, 0, 0.4, 0.4, 0.4), box(0, 0, 0, 1, 1, 1))).toBe(true);
  });
});

describe("object-architecture relation checks", () => {
  it("against the wall, including boxes touching it and rotated boxes", () => {
    expect(oaHolds("against", "wall", bed, room, "floor")).toBe(true);
    expect(oaHolds("against", "wall", bedEast, room, "floor")).toBe(true);
    expect(oaHolds("against", "wall", box(0, 0, 0, 1, 1, 1), room, "floor")).toBe(false);
    expect(oaHolds("against", "wall", box(2.3, 0, 45, 0.6, 0.6, 1), room, "floor")).toBe(false);
  });
  it("on the wall needs a lift off the floor; hang from the ceiling needs the top at the ceiling", () => {
    const painting = box(-1, 1.98, 0, 0.9, 0.04, 0.6, 1.2);
    expect(oaHolds("on", "wall", painting, room, "wall")).toBe(true);
    expect(oaHolds("on", "wall", box(-1, 1.7, 0, 0.9, 0.6, 0.8), room, "floor")).toBe(false);
    expect(oaHolds("hang", "ceiling", box(0, 0, 0, 0.5, 0.5, 0.3, 2.4), room, "ceiling")).toBe(true);
    expect(oaHolds("hang", "ceiling", box(0, 0, 0, 0.5, 0.5, 0.3, 1.4), room, "ceiling")).toBe(false);
  });
  it("corner and middle", () => {
    expect(oaHolds("corner", "room", box(2.6, 1.6, 0, 0.8, 0.8, 2), room, "floor")).toBe(true);
    expect(oaHolds("corner", "room", box(0, 1.6, 0, 0.8, 0.8, 2), room, "floor")).toBe(false);
    expect(oaHolds("middle", "room", box(0.3, -0.2, 0, 1, 1, 0.5), room, "floor")).toBe(true);
    expect(oaHolds("center", "room", box(2, 1, 0, 1, 1, 0.5), room, "floor")).toBe(false);
  });
  it("near / in front of / across from the door; under / near the window", () => {
    // Door segment: x in [-2.45, -1.55] on y = -2.
    expect(oaHolds("near", "door", box(-0.8, -1.7, 0, 0.5, 0.5, 1), room, "floor")).toBe(true);
    expect(oaHolds("near", "door", box(2, 1.5, 0, 0.5, 0.5, 1), room, "floor")).toBe(false);
    expect(oaHolds("front", "door", box(-2, -0.8, 0, 0.5, 0.5, 1), room, "floor")).toBe(true);
    expect(oaHolds("across", "door", box(0, 1.5, 0, 0.5, 0.5, 1), room, "floor")).toBe(true);
    expect(oaHolds("across", "door", box(0, -1.5, 0, 0.5, 0.5, 1), room, "floor")).toBe(false);
    // Window segment: x in [-0.6, 0.6] on y = 2.
    expect(oaHolds("under", "window", box(0, 1.7, 0, 1.2, 0.6, 0.75), room, "floor")).toBe(true);
    expect(oaHolds("under", "window", box(2, 1.7, 0, 1.2, 0.6, 0.75), room, "floor")).toBe(false);
    expect(oaHolds("near", "window", box(1.2, 1.0, 0, 0.6, 0.6, 0.75), room, "floor")).toBe(true);
    expect(oaHolds("facing", "window", box(0, 0, 180, 0.6, 0.6, 0.75), room, "floor")).toBe(true);
  });
});
