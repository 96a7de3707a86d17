import { describe, expect, it } from "vitest";
import { backgroundMask, floorMask } from "./floor";
import { close, components, dilate, erode, fillHoles, open } from "./morphology";
import { boxBlur, hsv, type Rgb } from "./raster";
import { regionAnisotropy, regionStats, segmentGraph } from "./segment";

function mask(rows: string[]): { m: Uint8Array; w: number; h: number } {
  const w = rows[0].length;
  const h = rows.length;
  const m = new Uint8Array(w * h);
  rows.forEach((r, y) => [...r].forEach((c, x) => (m[y * w + x] = c === "#" ? 1 : 0)));
  return { m, w, h };
}
const show = (m: Uint8Array, w: number) => Array.from({ length: m.length / w }, (_, y) => [...m.slice(y * w, y * w + w)].map((v) => (v ? "#" : ".")).join(""));

function image(w: number, h: number, paint: (x: number, y: number) => [number, number, number]): Rgb {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(paint(x, y), (y * w + x) * 3);
  return { data, width: w, height: h };
}

describe("morphology", () => {
  it("erodes, dilates, opens and closes with square elements", () => {
    const { m, w } = mask([".....", ".###.", ".###.", ".###.", "....."]);
    expect(show(erode(m, w, 5, 1), w)).toEqual([".....", ".....", "..#..", ".....", "....."]);
    expect(show(dilate(erode(m, w, 5, 1), w, 5, 1), w)).toEqual(show(m, w));
    const speck = mask(["#....", ".....", "..###", "..###", "..###"]);
    expect(show(open(speck.m, 5, 5, 1), 5)).toEqual([".....", ".....", "..###", "..###", "..###"]);
    const gap = mask(["##.##", "##.##", "#####"]);
    expect(show(close(gap.m, 5, 3, 1), 5)[1]).toBe("#####");
  });

  it("labels 4-connected components with boxes and fills holes", () => {
    const { m, w, h } = mask(["##..#", "##..#", ".....", "###.."]);
    const { comps } = components(m, w, h);
    expect(comps.map((c) => [c.area, c.x0, c.y0, c.x1, c.y1])).toEqual([
      [4, 0, 0, 1, 1],
      [2, 4, 0, 4, 1],
      [3, 0, 3, 2, 3],
    ]);
    const ring = mask(["#####", "#...#", "#####", "....."]);
    expect(show(fillHoles(ring.m, 5, 4), 5)).toEqual(["#####", "#####", "#####", "....."]);
  });
});

describe("segmentation", () => {
  it("separates two flat colors into two regions and measures plank anisotropy", () => {
    const img = image(40, 20, (x, y) => (x < 20 ? [200, 50, 50] : [50, 50, 200 + (y % 4 < 2 ? 8 : 0)]));
    const seg = segmentGraph(img, 2000, 10);
    const stats = regionStats(img, seg.labels, seg.count);
    const left = stats[seg.labels[5 * 40 + 5]];
    const right = stats[seg.labels[5 * 40 + 30]];
    expect(left.id).not.toBe(right.id);
    expect([left.x0, left.x1]).toEqual([0, 19]);
    expect(left.neighbours.get(right.id)).toBeGreaterThan(0);
    const aniso = regionAnisotropy(img, seg.labels, seg.count);
    // Horizontal stripes (planks) give a high ratio; the flat half none.
    expect(aniso[right.id]).toBeGreaterThan(3);
    expect(aniso[left.id]).toBeLessThan(1.1);
  });

  it("finds the background from the border and the floor inside the walls", () => {
    const img = image(60, 40, (x, y) => {
      if (x < 5 || y < 5 || x >= 55 || y >= 35) return [240, 240, 240];
      if (x < 8 || y < 8 || x >= 52 || y >= 32) return [40, 40, 40];
      return [160, 110, 70];
    });
    const blurred = boxBlur(img, 1);
    const bg = backgroundMask(blurred);
    expect(bg[0]).toBe(1);
    expect(bg[20 * 60 + 30]).toBe(0);
    const fl = floorMask(blurred, bg);
    expect(fl.floor[20 * 60 + 30]).toBe(1);
    expect(fl.floor[6 * 60 + 30]).toBe(0);
    expect(hsv(fl.colors[0]).h).toBeGreaterThan(20);
  });
});
