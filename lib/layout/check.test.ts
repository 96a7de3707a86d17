import { describe, expect, it } from "vitest";
import { rectFootprint } from "../geometry/room";
import { findConflicts } from "./check";

const fp = rectFootprint(4, 4);
const obj = (id: string, x: number, y: number, yawDeg = 0, support = "floor", z = 0, size = { w: 1, d: 1, h: 1 }) => ({ id, placement: { x, y, z, yawDeg }, size, support });

describe("findConflicts", () => {
  it("reports overlapping pairs beyond 1 cm, sorted", () => {
    expect(findConflicts([obj("b-1", 0, 0), obj("a-1", 0.5, 0)], fp).collisions).toEqual([["a-1", "b-1"]]);
    expect(findConflicts([obj("a-1", 0, 0), obj("b-1", 0.995, 0)], fp).collisions).toEqual([]);
  });
  it("uses oriented boxes (a rotated box can clear or hit a neighbour)", () => {
    expect(findConflicts([obj("a-1", 0, 0, 45), obj("b-1", 1.1, 0)], fp).collisions).toEqual([["a-1", "b-1"]]);
    expect(findConflicts([obj("a-1", 0, 0, 0), obj("b-1", 1.1, 0)], fp).collisions).toEqual([]);
  });
  it("exempts an object and its support chain, thin covers, and objects at different heights", () => {
    const table = obj("table-1", 0, 0);
    const mug = obj("mug-1", 0, 0, 0, "on:table-1", 1, { w: 0.1, d: 0.1, h: 0.1 });
    const plate = obj("plate-1", 0.1, 0, 0, "on:mug-1", 1.1, { w: 0.2, d: 0.2, h: 0.02 });
    expect(findConflicts([table, mug, plate], fp).collisions).toEqual([]);
    expect(findConflicts([obj("rug-1", 0, 0), { ...obj("sofa-1", 0, 0), thin: false }].map((o, i) => (i === 0 ? { ...o, thin: true } : o)), fp).collisions).toEqual([]);
    expect(findConflicts([obj("a-1", 0, 0), obj("b-1", 0, 0, 0, "wall", 1.5)], fp).collisions).toEqual([]);
  });
  it("reports objects leaving the footprint, touching walls is fine", () => {
    const r = findConflicts([obj("a-1", 1.5, 0), obj("b-1", 1.8, -1.5, 0, "floor", 0, { w: 0.5, d: 0.5, h: 1 }), obj("d-1", 1.74, -1.74, 0, "floor", 0, { w: 0.5, d: 0.5, h: 1 }), obj("c-1", 1.5, 1.5, 30)], fp);
    expect(r.outOfBounds).toEqual(["b-1", "c-1"]);
  });
});
