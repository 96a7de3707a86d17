import "server-only";
/**
 * Background and floor masks of a top-down room image.
 * Background: flood fill from the image border over pixels close to the border's median color.
 * Floor: the dominant color mode of the remaining (building) pixels, found on a coarse 16-level-per-channel
 * histogram smoothed over neighbouring bins, plus further modes of similar hue that form large connected regions
 * (sunlit and shaded parts of the same wood floor); only large connected regions are kept, so small items
 * of floor-like color (wooden nightstands) stay furniture.
 */
import { close, components, dilate, keepLarge } from "./morphology";
import { distTo, hsv, hueDiff, type Mask, type Rgb } from "./raster";

type Color = [number, number, number];

/** Median color of the one-pixel image border. */
export function borderMedian(img: Rgb): Color {
  const { width: w, height: h } = img;
  const idx: number[] = [];
  for (let x = 0; x < w; x++) idx.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) idx.push(y * w, y * w + w - 1);
  const med = (c: number) => {
    const v = idx.map((i) => img.data[i * 3 + c]).sort((a, b) => a - b);
    return v[v.length >> 1];
  };
  return [med(0), med(1), med(2)];
}

/** Background mask: border-connected pixels within `tol` (RGB distance) of the border median and within `step` of their neighbour. */
export function backgroundMask(img: Rgb, tol = 70, step = 6): Mask {
  const { width: w, height: h } = img;
  const bg = borderMedian(img);
  const out = new Uint8Array(w * h);
  const stack: number[] = [];
  const ok = (i: number) => distTo(img, i, bg) < tol;
  const seed = (i: number) => {
    if (!out[i] && ok(i)) { out[i] = 1; stack.push(i); }
  };
  for (let x = 0; x < w; x++) { seed(x); seed((h - 1) * w + x); }
  for (let y = 0; y < h; y++) { seed(y * w); seed(y * w + w - 1); }
  while (stack.length) {
    const p = stack.pop() as number;
    const x = p % w;
    const y = (p - x) / w;
    const nb = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1];
    for (const q of nb) {
      if (q < 0 || out[q] || !ok(q)) continue;
      const d = Math.abs(img.data[p * 3] - img.data[q * 3]) + Math.abs(img.data[p * 3 + 1] - img.data[q * 3 + 1]) + Math.abs(img.data[p * 3 + 2] - img.data[q * 3 + 2]);
      if (d > step * 3) continue;
      out[q] = 1;
      stack.push(q);
    }
  }
  return out;
}

/** Dominant color among pixels where `where` is set: mean color of the best 3x3x3 neighbourhood of 16-level bins. */
export function dominantColor(img: Rgb, where: ArrayLike<number>): { color: Color; count: number } | null {
  const hist = new Uint32Array(4096);
  for (let i = 0; i < where.length; i++) {
    if (!where[i]) continue;
    hist[((img.data[i * 3] >> 4) << 8) | ((img.data[i * 3 + 1] >> 4) << 4) | (img.data[i * 3 + 2] >> 4)]++;
  }
  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < 16; r++)
    for (let g = 0; g < 16; g++)
      for (let b = 0; b < 16; b++) {
        if (!hist[(r << 8) | (g << 4) | b]) continue;
        let s = 0;
        for (let dr = -1; dr <= 1; dr++)
          for (let dg = -1; dg <= 1; dg++)
            for (let db = -1; db <= 1; db++) {
              const rr = r + dr;
              const gg = g + dg;
              const bb = b + db;
              if (rr < 0 || gg < 0 || bb < 0 || rr > 15 || gg > 15 || bb > 15) continue;
              s += hist[(rr << 8) | (gg << 4) | bb];
            }
        if (s > bestCount) { bestCount = s; best = (r << 8) | (g << 4) | b; }
      }
  if (best < 0) return null;
  const br = best >> 8;
  const bg = (best >> 4) & 15;
  const bb = best & 15;
  let sr = 0;
  let sg = 0;
  let sb = 0;
  let n = 0;
  for (let i = 0; i < where.length; i++) {
    if (!where[i]) continue;
    const r = img.data[i * 3];
    const g = img.data[i * 3 + 1];
    const b = img.data[i * 3 + 2];
    if (Math.abs((r >> 4) - br) <= 1 && Math.abs((g >> 4) - bg) <= 1 && Math.abs((b >> 4) - bb) <= 1) { sr += r; sg += g; sb += b; n++; }
  }
  return { color: [Math.round(sr / n), Math.round(sg / n), Math.round(sb / n)], count: bestCount };
}

/** Floor detection result: mask, the accepted floor colors, and the building (non-background) mask. */
export interface FloorResult {
  floor: Mask;
  colors: Color[];
  building: Mask;
}

/**
 * Floor mask of a blurred image. `tol` is the RGB distance to a floor color; regions smaller than `minFrac`
 * of the building area are dropped. Returns an empty floor when no mode covers at least `minFrac` * 4 of the building.
 */
export function floorMask(blurred: Rgb, background: Mask, tol = 42, minFrac = 0.01): FloorResult {
  const { width: w, height: h } = blurred;
  const n = w * h;
  const building = new Uint8Array(n);
  let buildingArea = 0;
  for (let i = 0; i < n; i++) if (!background[i]) { building[i] = 1; buildingArea++; }
  const floor = new Uint8Array(n);
  const colors: Color[] = [];
  const remaining = building.slice();
  for (let round = 0; round < 4; round++) {
    const mode = dominantColor(blurred, remaining);
    if (!mode) break;
    const cand = new Uint8Array(n);
    let area = 0;
    for (let i = 0; i < n; i++) if (remaining[i] && distTo(blurred, i, mode.color) < tol) { cand[i] = 1; area++; }
    const first = colors.length === 0;
    if (!first) {
      const a = hsv(colors[0]);
      const b = hsv(mode.color);
      const similar = b.s > 0.6 * a.s && b.s < 1.8 * a.s + 0.05 && (a.s < 0.12 || hueDiff(a.h, b.h) < 22);
      if (!similar) {
        for (let i = 0; i < n; i++) if (cand[i]) remaining[i] = 0;
        continue;
      }
    }
    const big = keepLarge(cand, w, h, Math.max(20, (first ? minFrac : minFrac * 3) * buildingArea));
    let bigArea = 0;
    for (let i = 0; i < n; i++) bigArea += big[i];
    if (first && bigArea < minFrac * 4 * buildingArea) break;
    if (!first && !touches(big, floor, w, h)) {
      for (let i = 0; i < n; i++) if (cand[i]) remaining[i] = 0;
      continue;
    }
    if (bigArea > 0) colors.push(mode.color);
    for (let i = 0; i < n; i++) {
      if (big[i]) floor[i] = 1;
      if (cand[i]) remaining[i] = 0;
    }
    if (area === 0) break;
  }
  // Close hairline gaps (floor-board seams, grain) so the floor reads as one surface.
  const closed = close(floor, w, h, 1);
  for (let i = 0; i < n; i++) if (!building[i]) closed[i] = 0;
  return { floor: closed, colors, building };
}

/** True when some set pixel of `a` is within 2 px of a set pixel of `b`. */
function touches(a: Mask, b: Mask, w: number, h: number): boolean {
  const grown = dilate(b, w, h, 2);
  for (let i = 0; i < a.length; i++) if (a[i] && grown[i]) return true;
  return false;
}

/** Bounding box (inclusive, working px) of the largest components of a mask that together hold 97% of its area. */
export function maskBox(m: Mask, w: number, h: number): { x0: number; y0: number; x1: number; y1: number } | null {
  const { comps } = components(m, w, h);
  if (!comps.length) return null;
  const total = comps.reduce((s, c) => s + c.area, 0);
  comps.sort((a, b) => b.area - a.area);
  let acc = 0;
  const box = { x0: w, y0: h, x1: -1, y1: -1 };
  for (const c of comps) {
    if (acc >= 0.97 * total) break;
    acc += c.area;
    box.x0 = Math.min(box.x0, c.x0);
    box.y0 = Math.min(box.y0, c.y0);
    box.x1 = Math.max(box.x1, c.x1);
    box.y1 = Math.max(box.y1, c.y1);
  }
  return box;
}
