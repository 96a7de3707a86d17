import "server-only";
/**
 * Walls of a top-down room image at working resolution: outer wall thickness, interior box trimming, partition
 * walls (ridges of wall pixels between floor) splitting the interior into zones, and door gaps in the outline.
 */
import type { Analysis, PxBox } from "./analyse";
import type { Mask } from "./pixels/raster";

/** Median thickness (px) of the outer wall: run of pixels that are neither floor nor background across the interior box outline, sampled on all four sides. */
export function measureWallThickness(floor: Mask, background: Mask, box: PxBox, w: number, h: number): number {
  const runs: number[] = [];
  const steps = 16;
  const solid = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && !background[y * w + x] && !floor[y * w + x];
  const run = (x: number, y: number, dx: number, dy: number) => {
    // Step inward until the floor starts, outward across any floor, then count solid pixels up to the background.
    let k = 0;
    let xi = x;
    let yi = y;
    while (k < 60 && solid(xi, yi)) { k++; xi -= dx; yi -= dy; }
    let xo = x + dx;
    let yo = y + dy;
    for (let f = 0; f < 30 && xo >= 0 && yo >= 0 && xo < w && yo < h && floor[yo * w + xo]; f++) { xo += dx; yo += dy; }
    while (k < 60 && solid(xo, yo)) { k++; xo += dx; yo += dy; }
    return k;
  };
  for (let s = 1; s < steps; s++) {
    const x = Math.round(box.x0 + ((box.x1 - box.x0) * s) / steps);
    const y = Math.round(box.y0 + ((box.y1 - box.y0) * s) / steps);
    runs.push(run(x, box.y0, 0, -1), run(x, box.y1, 0, 1), run(box.x0, y, -1, 0), run(box.x1, y, 1, 0));
  }
  runs.sort((a, b) => a - b);
  return Math.max(1, runs[runs.length >> 1]);
}

/** Shrink a floor box while its edge rows/columns are less than 30% floor (door gaps bulging out of the outline), by at most 4% of its size per side. */
export function trimBox(floor: Mask, box: PxBox | null, w: number): PxBox | null {
  if (!box) return null;
  const b = { ...box };
  const rowCover = (y: number) => {
    let c = 0;
    for (let x = b.x0; x <= b.x1; x++) c += floor[y * w + x];
    return c / (b.x1 - b.x0 + 1);
  };
  const colCover = (x: number) => {
    let c = 0;
    for (let y = b.y0; y <= b.y1; y++) c += floor[y * w + x];
    return c / (b.y1 - b.y0 + 1);
  };
  const my = Math.max(2, Math.round(0.04 * (b.y1 - b.y0)));
  const mx = Math.max(2, Math.round(0.04 * (b.x1 - b.x0)));
  for (let k = 0; k < my && rowCover(b.y0) < 0.3; k++) b.y0++;
  for (let k = 0; k < my && rowCover(b.y1) < 0.3; k++) b.y1--;
  for (let k = 0; k < mx && colCover(b.x0) < 0.3; k++) b.x0++;
  for (let k = 0; k < mx && colCover(b.x1) < 0.3; k++) b.x1--;
  return b;
}

/** Wall pixels that form a ridge between floor: the first non-wall pixel on both sides (horizontally or vertically, within 3 wall thicknesses) is floor. */
export function ridges(wall: Mask, floor: Mask, w: number, h: number, thick: number): Mask {
  const out = new Uint8Array(w * h);
  const reach = Math.max(3, 3 * thick);
  // Walk off the wall; a few pixels of edge shading between wall and floor are allowed.
  const side = (x: number, y: number, dx: number, dy: number) => {
    let other = 0;
    for (let k = 1; k <= reach; k++) {
      const xx = x + dx * k;
      const yy = y + dy * k;
      if (xx < 0 || yy < 0 || xx >= w || yy >= h) return false;
      const i = yy * w + xx;
      if (floor[i]) return true;
      if (!wall[i] && ++other > Math.max(3, thick)) return false;
    }
    return false;
  };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!wall[y * w + x]) continue;
      if ((side(x, y, -1, 0) && side(x, y, 1, 0)) || (side(x, y, 0, -1) && side(x, y, 0, 1))) out[y * w + x] = 1;
    }
  return out;
}

/** Split the interior at partition walls: columns/rows whose wall pixels cover >= 30% of the interior span. */
export function findZones(wall: Mask, floor: Mask, box: PxBox, w: number): PxBox[] {
  const splits = (vertical: boolean): number[] => {
    const lo = vertical ? box.x0 : box.y0;
    const hi = vertical ? box.x1 : box.y1;
    const span = vertical ? box.y1 - box.y0 + 1 : box.x1 - box.x0 + 1;
    const margin = Math.round(0.08 * (hi - lo));
    const out: number[] = [];
    let start = -1;
    for (let t = lo + margin; t <= hi - margin + 1; t++) {
      let count = 0;
      if (t <= hi - margin)
        for (let u = 0; u < span; u++) {
          const x = vertical ? t : box.x0 + u;
          const y = vertical ? box.y0 + u : t;
          count += wall[y * w + x];
        }
      const hit = t <= hi - margin && count >= 0.3 * span;
      if (hit && start < 0) start = t;
      if (!hit && start >= 0) {
        out.push(Math.round((start + t - 1) / 2));
        start = -1;
      }
    }
    return out;
  };
  const xs = [box.x0, ...splits(true), box.x1 + 1];
  const ys = [box.y0, ...splits(false), box.y1 + 1];
  const zones: PxBox[] = [];
  for (let i = 0; i + 1 < xs.length; i++)
    for (let j = 0; j + 1 < ys.length; j++) {
      const cell = { x0: xs[i], y0: ys[j], x1: xs[i + 1] - 1, y1: ys[j + 1] - 1 };
      let f = 0;
      let fx0 = Infinity;
      let fy0 = Infinity;
      let fx1 = -1;
      let fy1 = -1;
      for (let y = cell.y0; y <= cell.y1; y++)
        for (let x = cell.x0; x <= cell.x1; x++)
          if (floor[y * w + x] && !wall[y * w + x]) {
            f++;
            fx0 = Math.min(fx0, x);
            fy0 = Math.min(fy0, y);
            fx1 = Math.max(fx1, x);
            fy1 = Math.max(fy1, y);
          }
      const area = (cell.x1 - cell.x0 + 1) * (cell.y1 - cell.y0 + 1);
      if (f > 0.1 * area) zones.push({ x0: fx0, y0: fy0, x1: fx1, y1: fy1 });
    }
  return zones;
}

/** Door gaps: runs along each interior side where the wall band just outside is floor (>= 60%) for at least 3 wall thicknesses. */
export function findDoorGaps(floor: Mask, building: Mask, box: PxBox, thick: number, w: number, h: number): Analysis["doors"] {
  const out: Analysis["doors"] = [];
  const sides = [
    { side: "top" as const, along: [box.x0, box.x1], at: (t: number, d: number) => [t, box.y0 - d] },
    { side: "bottom" as const, along: [box.x0, box.x1], at: (t: number, d: number) => [t, box.y1 + d] },
    { side: "left" as const, along: [box.y0, box.y1], at: (t: number, d: number) => [box.x0 - d, t] },
    { side: "right" as const, along: [box.y0, box.y1], at: (t: number, d: number) => [box.x1 + d, t] },
  ];
  for (const s of sides) {
    let start = -1;
    for (let t = s.along[0]; t <= s.along[1] + 1; t++) {
      let hit = false;
      if (t <= s.along[1]) {
        let f = 0;
        let k = 0;
        for (let d = 1; d <= thick; d++) {
          const [x, y] = s.at(t, d);
          if (x < 0 || y < 0 || x >= w || y >= h) continue;
          k++;
          if (floor[y * w + x] && building[y * w + x]) f++;
        }
        hit = k > 0 && f >= 0.6 * k;
      }
      if (hit && start < 0) start = t;
      if (!hit && start >= 0) {
        if (t - start >= 3 * thick) out.push({ side: s.side, from: start, to: t - 1 });
        start = -1;
      }
    }
  }
  return out;
}
