import { describe, expect, it } from "vitest";
import { StructurePatch } from "@/lib/structure-patch/schema";
import type { Footprint } from "@/lib/scene";
import { boxesFromFootprints, diffToOps, toCategory } from "./review-boxes";

const fp = (id: string, category: string, x: number): Footprint => ({
  id,
  category,
  confidence: 0.7,
  boxPx: { x, y: 10, w: 50, h: 40 },
  boxM: { x: 0, y: 0, w: 1, d: 1 },
  zone: null,
  reason: "",
});

describe("review diff", () => {
  const original = [fp("f1", "bed", 10), fp("f2", "rug", 100), fp("f3", "box", 200)];

  it("gives no ops when nothing changed", () => {
    expect(diffToOps(original, boxesFromFootprints(original))).toEqual([]);
  });

  it("turns relabel, move, delete and draw into a valid StructurePatch", () => {
    const boxes = boxesFromFootprints(original);
    boxes[0].category = "Night stand";
    boxes[1].box = { ...boxes[1].box, x: 120.4 };
    const edited = [boxes[0], boxes[1], { id: "new-1", category: "floor lamp", confidence: null, box: { x: 5, y: 6, w: 20.6, h: 30 }, isNew: true }];
    const ops = diffToOps(original, edited);
    expect(ops).toEqual([
      { op: "relabel", footprintId: "f1", category: "night_stand" },
      { op: "resize", footprintId: "f2", boxPx: { x: 120, y: 10, w: 50, h: 40 } },
      { op: "delete", footprintId: "f3" },
      { op: "add", category: "floor_lamp", boxPx: { x: 5, y: 6, w: 21, h: 30 } },
    ]);
    expect(StructurePatch.safeParse({ ops }).success).toBe(true);
  });

  it("skips new boxes without a label", () => {
    const edited = [...boxesFromFootprints(original), { id: "new-2", category: "  ", confidence: null, box: { x: 1, y: 1, w: 9, h: 9 }, isNew: true }];
    expect(diffToOps(original, edited)).toEqual([]);
  });

  it("normalises labels to snake_case categories", () => {
    expect(toCategory(" Coffee-Table ")).toBe("coffee_table");
    expect(toCategory("TV")).toBe("tv");
  });
});
