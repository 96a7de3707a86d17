import { describe, expect, it } from "vitest";
import type { Footprint } from "@/lib/scene";
import { boxesFromFootprints, parseLength, resizeBox, suggestCategories, toCategory, yawTowards } from "./review-boxes";

const fp = (id: string, category: string, w: number, extra: Partial<Footprint> = {}): Footprint => ({
  id,
  category,
  confidence: 0.7,
  boxPx: { x: 10, y: 10, w, h: 40 },
  boxM: { x: 0, y: 0, w: 1, d: 1 },
  zone: null,
  reason: "",
  ...extra,
});

describe("review boxes", () => {
  it("puts larger boxes first so smaller ones lie on top, and keeps only a yaw the user fixed", () => {
    const boxes = boxesFromFootprints([fp("a", "lamp", 20, { yawDeg: 30 }), fp("b", "rug", 200), fp("c", "bed", 100, { yawDeg: 45, yawFixed: true })]);
    expect(boxes.map((b) => b.id)).toEqual(["b", "c", "a"]);
    expect(boxes.map((b) => b.yawDeg)).toEqual([0, 45, 0]);
  });

  it("normalises labels to snake_case categories", () => {
    expect(toCategory(" Coffee-Table ")).toBe("coffee_table");
    expect(toCategory("TV")).toBe("tv");
  });

  it("suggests the detector's alternatives first, then exact, prefix and word matches", () => {
    const known = ["armchair", "bed", "bookshelf", "chair", "coffee_table", "desk_chair", "night_stand"];
    expect(suggestCategories("", ["sofa"], known, 3)).toEqual(["sofa", "armchair", "bed"]);
    expect(suggestCategories("chair", ["armchair"], known)).toEqual(["armchair", "chair", "desk_chair"]);
    expect(suggestCategories("ch", [], known)).toEqual(["chair", "desk_chair", "armchair"]);
    expect(suggestCategories("zzz", [], known)).toEqual([]);
  });

  it("reads lengths in meters, centimeters, feet and inches", () => {
    expect(parseLength("2.0 m")).toBe(2);
    expect(parseLength("180cm")).toBeCloseTo(1.8);
    expect(parseLength("2,5")).toBe(2.5);
    expect(parseLength("6 ft")).toBeCloseTo(1.8288);
    expect(parseLength("two meters")).toBeNull();
    expect(parseLength("0 m")).toBeNull();
    expect(parseLength("3 parsecs")).toBeNull();
  });

  it("resizes from a corner keeping the opposite corner fixed, also for a turned box", () => {
    const b = { x: 100, y: 100, w: 100, h: 50 };
    expect(resizeBox(b, 0, { sx: 1, sy: 1 }, 20, 10)).toEqual({ x: 100, y: 100, w: 120, h: 60 });
    expect(resizeBox(b, 0, { sx: -1, sy: -1 }, 20, 10)).toEqual({ x: 120, y: 110, w: 80, h: 40 });
    // Turned 90 deg CCW in the room frame (-90 on screen): the box's own east is screen north.
    const r = resizeBox(b, 90, { sx: 1, sy: 1 }, 0, -20);
    expect(r.w).toBeCloseTo(120);
    expect(r.h).toBeCloseTo(50);
    // The opposite (north-west) corner, turned back to the screen, stays where it was.
    const corner = (q: typeof b) => {
      const a = (-90 * Math.PI) / 180;
      const [lx, ly] = [-q.w / 2, -q.h / 2];
      return [q.x + q.w / 2 + lx * Math.cos(a) - ly * Math.sin(a), q.y + q.h / 2 + lx * Math.sin(a) + ly * Math.cos(a)];
    };
    expect(corner(r)[0]).toBeCloseTo(corner(b)[0]);
    expect(corner(r)[1]).toBeCloseTo(corner(b)[1]);
  });

  it("turns the box's north side towards the pointer (CCW positive in the room frame)", () => {
    const b = { x: 0, y: 0, w: 100, h: 100 };
    expect(yawTowards(b, 50, -100)).toBe(0);
    expect(yawTowards(b, -100, 50)).toBe(90);
    expect(yawTowards(b, 200, 50)).toBe(-90);
    expect(yawTowards(b, 150, -50)).toBe(-45);
  });
});
