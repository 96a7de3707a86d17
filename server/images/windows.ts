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
/** Fraction of a band cross-section that must be glass-like for the position to count as window. */
const GLASS_FRACTION = 0.3;

type Side = Analysis["doors"][number]["side"];

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/**
 * Window strips on the four interior box sides (working px spans along the side). A position counts when at least
 * 30% of the wall band across it (depths 1..thick outside the box) is glass-like: not floor, not background, at
 * least 40 RGB from the side's median band color and lighter by 20 or bluish. Runs are merged across breaks up to
 * half a wall thickness (mullions, frame ticks), kept from 1.5 wall thicknesses long to 60% of the side, and
 * dropped where they overlap a door gap.
 */
export function findWindowStrips(img: Rgb, floor: Mask, background: Mask, box: PxBox, thick: number, doors: Analysis["doors"]): Analysis["doors"] {
  const { width: w, height: h, data } = img;
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
    // Side wall color: per-channel median of the band's solid (non-floor, non-background) pixels.
    const ch: number[][] = [[], [], []];
    for (let t = s.along[0]; t <= s.along[1]; t++)
      for (let d = 1; d <= thick; d++) {
        const [x, y] = s.at(t, d);
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const i = y * w + x;
        if (floor[i] || background[i]) continue;
        for (let c = 0; c < 3; c++) ch[c].push(data[i * 3 + c]);
      }
    if (ch[0].length < len) continue;
    const wall = ch.map((v) => v.sort((a, b) => a - b)[v.length >> 1]);
    const wallLuma = luma(wall[0], wall[1], wall[2]);
    const hit = new Uint8Array(len);
    for (let t = s.along[0]; t <= s.along[1]; t++) {
      let k = 0;
      let g = 0;
      for (let d = 1; d <= thick; d++) {
        const [x, y] = s.at(t, d);
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        k++;
        const i = y * w + x;
        if (floor[i] || background[i]) continue;
        const r = data[i * 3];
        const gg = data[i * 3 + 1];
        const b = data[i * 3 + 2];
        const dist = Math.hypot(r - wall[0], gg - wall[1], b - wall[2]);
        if (dist >= GLASS_DIST && (luma(r, gg, b) >= wallLuma + GLASS_LIGHTER || b - r >= GLASS_BLUE)) g++;
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
