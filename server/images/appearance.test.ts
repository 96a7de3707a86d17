import { describe, expect, it } from "vitest";
import type { StructureSpec } from "../../lib/scene/schema";
import { labSamples, palette, pictureAppearance, roughnessGuess, type Picture } from "./appearance";

/** A 200x100 px picture: grey walls, oak-brown floor, a navy sofa box with a mustard cushion stripe. */
function picture(): Picture {
  const width = 200;
  const height = 100;
  const data = new Uint8Array(width * height * 3);
  const put = (x: number, y: number, c: [number, number, number]) => data.set(c, (y * width + x) * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inRoom = x >= 10 && x < 190 && y >= 10 && y < 90;
      put(x, y, inRoom ? [150, 100, 60] : [200, 200, 200]);
    }
  }
  for (let y = 30; y < 70; y++) for (let x = 40; x < 120; x++) put(x, y, y < 42 ? [220, 170, 40] : [30, 40, 90]);
  return { data, width, height };
}

function spec(): StructureSpec {
  return {
    roomType: "living_room",
    roomSize: { w: 3.6, d: 1.6, h: 2.7 },
    footprint: null,
    openings: [],
    objects: [],
    relations: [],
    negations: [],
    zones: [],
    footprints: [{ id: "fp-1", category: "sofa", confidence: 0.9, boxPx: { x: 40, y: 30, w: 80, h: 40 }, boxM: { x: -0.4, y: 0, w: 1.6, d: 0.8 }, zone: null, reason: "" }],
    imageFrame: { originPx: [100, 50], metersPerPx: [0.02, 0.02] },
    style: [],
    notes: [],
  };
}

const dist = (hex: string, rgb: [number, number, number]) => {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return Math.max(...v.map((c, i) => Math.abs(c - rgb[i])));
};

describe("appearance from the picture", () => {
  it("finds a region's dominant and secondary colour by k-means on Lab pixels", () => {
    const p = palette(labSamples(picture(), { x0: 40, y0: 30, x1: 120, y1: 70 }))!;
    expect(dist(p.dominant, [30, 40, 90])).toBeLessThanOrEqual(3);
    expect(dist(p.secondary!, [220, 170, 40])).toBeLessThanOrEqual(3);
    expect(p.shares[0]).toBeGreaterThan(p.shares[1]);
  });

  it("reads the floor without the furniture, the walls outside the room, and each footprint", () => {
    const a = pictureAppearance(picture(), spec(), 0.12);
    expect(dist(a.floor!.color, [150, 100, 60])).toBeLessThanOrEqual(3);
    expect(dist(a.wall!.color, [200, 200, 200])).toBeLessThanOrEqual(3);
    expect(dist(a.objects["fp-1"].dominant, [30, 40, 90])).toBeLessThanOrEqual(3);
  });

  it("guesses a flat floor matte and one with highlights glossier", () => {
    const flat = Array.from({ length: 100 }, () => [50, 10, 20]);
    const glossy = [...flat.slice(0, 80), ...Array.from({ length: 20 }, () => [95, 0, 0])];
    expect(roughnessGuess(flat)).toBe(0.9);
    expect(roughnessGuess(glossy)).toBeCloseTo(0.5, 5);
  });
});
