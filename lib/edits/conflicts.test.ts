import { describe, expect, it } from "vitest";
import type { Scene } from "../scene/schema";
import { collide, conflictsFor } from "./conflicts";
import { bedroom } from "./testing/scenes";

function moved(scene: Scene, id: string, x: number, y: number): Scene {
  return { ...scene, objects: scene.objects.map((o) => (o.id === id ? { ...o, placement: { ...o.placement, x, y } } : o)) };
}

describe("conflicts after an edit", () => {
  it("a clean scene has none for any object", () => {
    const s = bedroom();
    expect(conflictsFor(s, s.objects.map((o) => o.id))).toEqual({ collisions: [], outOfBounds: [] });
  });
  it("moving the desk onto the bed reports the pair; the lamp on its nightstand never collides with it", () => {
    const s = moved(bedroom(), "desk-1", 0, 1.4);
    expect(conflictsFor(s, ["desk-1"]).collisions).toEqual([["bed-1", "desk-1"]]);
    expect(conflictsFor(s, ["table_lamp-1"]).collisions).toEqual([]);
  });
  it("out of bounds through a wall", () => {
    expect(conflictsFor(moved(bedroom(), "wardrobe-1", -2.3, 0), ["wardrobe-1"]).outOfBounds).toEqual(["wardrobe-1"]);
  });
  it("oriented footprints: rotated boxes that only overlap as axis-aligned boxes do not collide", () => {
    const a = { id: "a-1", placement: { x: 0, y: 0, z: 0, yawDeg: 45 }, size: { w: 1, d: 0.1, h: 1 }, support: "floor" as const };
    const b = { id: "b-1", placement: { x: 0.3, y: -0.3, z: 0, yawDeg: 45 }, size: { w: 1, d: 0.1, h: 1 }, support: "floor" as const };
    expect(collide(a, b)).toBe(false);
    expect(collide(a, { ...b, placement: { ...b.placement, x: 0.05, y: 0.05 } })).toBe(true);
  });
});
