import "server-only";
/**
 * Window strips in the outer walls of a top-down room image at working resolution: runs along an interior box
 * side where the wall band just outside turns light or glass-blue against that side's usual wall color, without
 * opening onto floor (floor in the band is a door gap, found by findDoorGaps).
 */
import type { Analysis, PxBox } from "./analyse";
import type { Mask, Rgb } from "./pixels/raster";

/** RGB distance from the side's wall color above which a band pixel may be glass (tuned on synthetic plans: wall-to-glass contrast 50-250). */
const GLASS_DIST = 40;
/** Luminance gain (0..255) over the wall color that makes a differing band pixel read as light glass or frame. */
const GLASS_LIGHTER = 20;
/** Blue excess (b - r, 0..255) that makes a differing band pixel read as glass whatever its luminance. */
const GLASS_BLUE = 15;
/** Wall luminance (0..255) from which a lighter patch is not taken for glass (white and light-grey walls, where lighting varies more than 20). */
const LIGHT_WALL = 170;
/** RGB distance to the analysis' wall color within which a band pixel is taken as plain wall for the reference. */
const WALL_NEAR = 30;
/** Fraction of a band cross-section that must be glass-like for the position to count as window. */
const GLASS_FRACTION = 0.3;

type Side = Analysis["doors"][number]["side"];

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/**
 * Window strips on the four interior box sides (working px spans along the side, same shape as door gaps). A
 * position counts when at least 30% of the wall band across it (depths 1..thick outside the box) is glass-like:
 * not floor, not background, at least 40 RGB from the side's wall reference at that depth (median of the band
 * pixels near the analysis' wall color, else of all solid band pixels), and lighter by 20 (dark walls only) or
 * bluish. Runs are merged across breaks up to half a wall thickness (mullions, frame ticks), kept from 1.5 wall
 * thicknesses long to 60% of the side, and dropped where they overlap a door gap. Never throws.
 */
export function findWindowStrips(img: Rgb, floor: Mask, background: Mask, box: PxBox, thick: number, wallColor: readonly [number, number, number] | null, doors: Analysis["doors"]): Analysis["doors"] {
  const { width: w, height: h, data } = img;
  // On light walls a lighter patch is as likely lighting or a wall's inner face as glass: only a bluish tint counts there.
  const lightWall = !wallColor || luma(wallColor[0], wallColor[1], wallColor[2]) >= LIGHT_WALL;
  const out: Analysis["doors"] = [];
  const sides: { side: Side; along: [number, number]; at: (t: number, d: number) => [number, number] }[] = [
    { side: "top", along: [box.x0, box.x1], at: (t, d) => [t, box.y0 - d] },
    { side: "bottom", along: [box.x0, box.x1], at: (t, d) => [t, box.y1 + d] },
    { side: "left", along: [box.y0, box.y1], at: (t, d) => [box.x0 - d, t] },
    { side: "right", along: [box.y0, box.y1], at: (t, d) => [box.x1 + d, t] },
  ];
  const minRun = Math.max(6, Math.round(1.5 * thick));
  const bridge = Math.max(2, Math.round(thick / 2));
  for (const s of sides) {
    const len = s.along[1] - s.along[0] + 1;
    if (len < 2 * minRun) continue;
    // Wall color per depth across the band: per-channel median along the side of the solid (non-floor,
    // non-background) pixels, so shading across the wall thickness and anti-aliased edges are not glass.
    const ref: ({ c: number[]; luma: number } | null)[] = [null];
    for (let d = 1; d <= thick; d++) {
      const ch: number[][] = [[], [], []];
      const near: number[][] = [[], [], []];
      for (let t = s.along[0]; t <= s.along[1]; t++) {
        const [x, y] = s.at(t, d);
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const i = y * w + x;
        if (floor[i] || background[i]) continue;
        const px = [data[i * 3], data[i * 3 + 1], data[i * 3 + 2]];
        const wallLike = wallColor && Math.hypot(px[0] - wallColor[0], px[1] - wallColor[1], px[2] - wallColor[2]) < WALL_NEAR;
        for (let c = 0; c < 3; c++) (wallLike ? near : ch)[c].push(px[c]);
      }
      // Pixels near the analysis' wall color define the layer when there are enough of them (a window longer
      // than half the side must not become the reference); otherwise all solid pixels do.
      const src = near[0].length >= 0.2 * len ? near : ch.map((v, c) => v.concat(near[c]));
      const c = ch[0].length + near[0].length >= len / 2 ? src.map((v) => v.sort((p, q) => p - q)[v.length >> 1]) : null;
      ref.push(c ? { c, luma: luma(c[0], c[1], c[2]) } : null);
    }
    const hit = new Uint8Array(len);
    for (let t = s.along[0]; t <= s.along[1]; t++) {
      let k = 0;
      let g = 0;
      for (let d = 1; d <= thick; d++) {
        const [x, y] = s.at(t, d);
        const rd = ref[d];
        if (!rd || x < 0 || y < 0 || x >= w || y >= h) continue;
        k++;
        const i = y * w + x;
        if (floor[i] || background[i]) continue;
        const r = data[i * 3];
        const gg = data[i * 3 + 1];
        const b = data[i * 3 + 2];
        const dist = Math.hypot(r - rd.c[0], gg - rd.c[1], b - rd.c[2]);
        const lighter = !lightWall && luma(r, gg, b) >= rd.luma + GLASS_LIGHTER;
        if (dist >= GLASS_DIST && (lighter || b - r >= GLASS_BLUE + Math.max(0, rd.c[2] - rd.c[0]))) g++;
      }
      hit[t - s.along[0]] = k > 0 && g >= GLASS_FRACTION * k ? 1 : 0;
    }
    // Bridge short breaks, then collect runs.
    const runs: [number, number][] = [];
    let start = -1;
    let last = -1;
    for (let u = 0; u <= len; u++) {
      if (u < len && hit[u]) {
        if (start < 0) start = u;
        else if (u - last - 1 > bridge) {
          runs.push([start, last]);
          start = u;
        }
        last = u;
      }
    }
    if (start >= 0) runs.push([start, last]);
    for (const [a, b] of runs) {
      const n = b - a + 1;
      if (n < minRun || n > 0.6 * len) continue;
      const from = s.along[0] + a;
      const to = s.along[0] + b;
      if (doors.some((dg) => dg.side === s.side && dg.from <= to && dg.to >= from)) continue;
      out.push({ side: s.side, from, to });
    }
  }
  return out;
}
