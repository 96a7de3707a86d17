import { describe, expect, it } from "vitest";
import { canon, figures, iou, scoreImage, type TruthObject } from "./image-detection";

const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe("image detection metrics", () => {
  it("computes IoU of boxes", () => {
    expect(iou(box(0, 0, 10, 10), box(0, 0, 10, 10))).toBe(1);
    expect(iou(box(0, 0, 10, 10), box(5, 0, 10, 10))).toBeCloseTo(50 / 150);
    expect(iou(box(0, 0, 10, 10), box(20, 20, 5, 5))).toBe(0);
  });

  it("collapses synonyms", () => {
    expect(canon("ottoman")).toBe("bench");
    expect(canon("side_table")).toBe("nightstand");
    expect(canon("sofa")).toBe("sofa");
  });

  it("scores main furniture at IoU 0.5, ignoring predictions on non-main truth", () => {
    const truth: TruthObject[] = [
      { category: "bed", box: box(0, 0, 100, 100), main: true },
      { category: "nightstand", box: box(110, 0, 20, 20), main: true },
      { category: "rug", box: box(0, 120, 100, 50), main: false },
    ];
    const t = scoreImage(
      [
        { category: "bed", box: box(5, 5, 95, 95), confidence: 0.9 },
        { category: "sofa", box: box(110, 0, 20, 20), confidence: 0.8 },
        { category: "bench", box: box(0, 120, 100, 50), confidence: 0.5 },
        { category: "chair", box: box(300, 300, 20, 20), confidence: 0.4 },
      ],
      truth,
    );
    const f = figures(t);
    expect(f.recall).toBe(0.5);
    // bed hit; sofa on the nightstand and the chair on nothing are false positives; the bench on the rug is ignored.
    expect(f.precision).toBeCloseTo(1 / 3, 3);
    expect(f.categoryAccuracy).toBeCloseTo(1 / 3, 3);
    expect(t.perCategory.bed).toEqual([1, 1, 1, 1]);
  });
});
