import "server-only";
/**
 * Classical analysis of a top-down room image at working resolution: background, floor, walls, interior box,
 * zones (partition walls) and furniture regions. Pure pixel code on raw RGB buffers; no model weights.
 * Units: working pixels (multiply by `scale` of decodeForAnalysis for original pixels).
 */
import { groupItems } from "./group";
import { backgroundMask, dominantColor, floorMask, maskBox } from "./pixels/floor";
import { boxBlur, distTo, hsv, hueDiff, type Mask, type Rgb } from "./pixels/raster";
import { regionAnisotropy, regionStats, segmentGraph, type RegionStats } from "./pixels/segment";

/** Inclusive pixel box. */
export interface PxBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A furniture candidate: a group of merged segments. */
export interface ItemRegion {
  /** Kind of item found by the segmentation: a floor covering (rug) or a piece of furniture. */
  layer: "rug" | "item";
  box: PxBox;
  area: number;
  color: [number, number, number];
  /** Mean local contrast inside the region (0..255): low for rugs and plain surfaces. */
  contrast: number;
  /** Fraction of the box filled by the region. */
  fill: number;
}

/** Analysis result in working pixels. */
export interface Analysis {
  width: number;
  height: number;
  interior: PxBox | null;
  zones: PxBox[];
  items: ItemRegion[];
  floorColor: [number, number, number] | null;
  wallColor: [number, number, number] | null;
  wallThickness: number;
  floorFraction: number;
  notes: string[];
  /** Door gaps on the interior box sides: side and span along it in working px. */
  doors: { side: "top" | "bottom" | "left" | "right"; from: number; to: number }[];
}

const SEG_K = Number(process.env.SEG_K ?? 700);
const SEG_MIN = 30;
/** Finer segmentation scale for small items (nightstands, benches) that the coarse pass merges into floor or neighbours. */
const FINE_K = 220;
/** Gradient anisotropy above which a floor-hued segment reads as planked floor (measured on the shared renders: wood 1.2-2.8, wooden furniture and upholstery 1.0-1.1). */
const FLOOR_ANISOTROPY = 1.2;
/** Last segmentation (set only when IMG_DEBUG is set; for inspection scripts). */
export let debugDump: { labels: Int32Array; kind: Uint8Array } | null = null;

function chroma(c: readonly number[]): [number, number] {
  const s = c[0] + c[1] + c[2] + 1;
  return [c[0] / s, c[1] / s];
}

/** Analyse an RGB image (working resolution). Never throws for valid buffers; no room -> interior null. */
export function analyseImage(img: Rgb): Analysis {
  const { width: w, height: h } = img;
  const n = w * h;
  const notes: string[] = [];
  const blurred = boxBlur(img, 2);
  const background = backgroundMask(blurred);
  const fl = floorMask(blurred, background);
  const empty: Analysis = { width: w, height: h, interior: null, zones: [], items: [], floorColor: null, wallColor: null, wallThickness: 0, floorFraction: 0, notes, doors: [] };
  let buildingArea = 0;
  for (let i = 0; i < n; i++) buildingArea += fl.building[i];
  if (!fl.colors.length || buildingArea < 0.05 * n) return empty;

  const seg = segmentGraph(boxBlur(img, 1), SEG_K, SEG_MIN);
  const regions = regionStats(img, seg.labels, seg.count);
  const c0 = chroma(fl.colors[0]);
  const inFloor = new Float64Array(seg.count);
  const inBg = new Float64Array(seg.count);
  for (let i = 0; i < n; i++) {
    inFloor[seg.labels[i]] += fl.floor[i];
    inBg[seg.labels[i]] += background[i];
  }
  const aniso = regionAnisotropy(img, seg.labels, seg.count);
  const fh = hsv(fl.colors[0]);
  const kind = new Uint8Array(seg.count); // 0 object, 1 floor, 2 wall, 3 background, 4 outline (ignored)
  for (const r of regions) {
    if (!r.area) continue;
    const cr = chroma(r.color);
    const cd = Math.hypot(cr[0] - c0[0], cr[1] - c0[1]);
    if (inBg[r.id] / r.area > 0.5) kind[r.id] = 3;
    else {
      // Floor: floor-hued (color mode or chroma) and either wood-like (anisotropic plank texture) or very large.
      // Floor-colored but isotropic segments (a rug in shade, a wooden nightstand) stay furniture.
      const c = hsv(r.color);
      const hued = (inFloor[r.id] / r.area > 0.5 || cd < 0.045 || hueDiff(c.h, fh.h) < 25) && c.s >= Math.min(0.22, 0.6 * fh.s);
      const fill = r.area / ((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1));
      const compactItem = fill >= 0.75 && r.area < 0.012 * buildingArea && inFloor[r.id] / r.area < 0.5;
      if (hued && !compactItem && r.area >= 0.004 * buildingArea && (aniso[r.id] >= FLOOR_ANISOTROPY || inFloor[r.id] / r.area > 0.5)) kind[r.id] = 1;
    }
  }
  if (process.env.IMG_DEBUG === "2") for (const r of regions) if (r.area > 400) console.log(r.id, kind[r.id], r.area, [r.x0, r.y0, r.x1, r.y1].join(","), r.color.join(","), aniso[r.id].toFixed(2), (inFloor[r.id] / r.area).toFixed(2));
  const floor = new Uint8Array(n);
  let floorArea = 0;
  for (let i = 0; i < n; i++) if (kind[seg.labels[i]] === 1) (floor[i] = 1), floorArea++;
  const floorFraction = floorArea / buildingArea;
  const interior = trimBox(fl.floor, maskBox(fl.floor, w, h), w);
  if (!interior || floorArea < 0.04 * n || floorFraction < 0.12) {
    notes.push("no floor region large enough for a room");
    return { ...empty, floorFraction };
  }
  // A room's floor is enclosed: it does not run off the image edge, and walls surround it on most sides.
  if (interior.x0 <= 1 || interior.y0 <= 1 || interior.x1 >= w - 2 || interior.y1 >= h - 2) {
    notes.push("the floor-like region runs off the image edge (no enclosing walls)");
    return { ...empty, floorFraction };
  }
  const iw = interior.x1 - interior.x0 + 1;
  const ih = interior.y1 - interior.y0 + 1;

  // Wall color: dominant color of the non-floor building pixels in a band across the interior box outline.
  const band = new Uint8Array(n);
  const pad = Math.max(3, Math.round(0.03 * Math.max(iw, ih)));
  for (let y = Math.max(0, interior.y0 - pad); y <= Math.min(h - 1, interior.y1 + pad); y++)
    for (let x = Math.max(0, interior.x0 - pad); x <= Math.min(w - 1, interior.x1 + pad); x++) {
      const deep = x >= interior.x0 + pad && x <= interior.x1 - pad && y >= interior.y0 + pad && y <= interior.y1 - pad;
      const i = y * w + x;
      if (!deep && fl.building[i] && !fl.floor[i]) band[i] = 1;
    }
  const wallMode = dominantColor(blurred, band);
  const wallColor = wallMode?.color ?? null;
  const wallThickness = measureWallThickness(fl.floor, background, interior, w, h);
  if (wallThickness < 2) {
    notes.push("no walls around the floor-like region");
    return { ...empty, floorFraction };
  }

  // Wall regions: close to the wall color and thin (low fill of their box or a short side under 2.5 walls).
  const thick = Math.max(2, wallThickness);
  for (const r of regions) {
    if (!r.area || kind[r.id] !== 0 || !wallColor) continue;
    const bw = r.x1 - r.x0 + 1;
    const bh = r.y1 - r.y0 + 1;
    const fill = r.area / (bw * bh);
    const near = distTo({ data: new Uint8Array(r.color), width: 1, height: 1 }, 0, wallColor) < 30;
    const outside = r.x1 < interior.x0 + thick || r.x0 > interior.x1 - thick || r.y1 < interior.y0 + thick || r.y0 > interior.y1 - thick;
    // Thin rings spanning much of the room are wall outlines and their shadows, whatever their color.
    const ring = fill < 0.2 && bw * bh >= 0.05 * iw * ih;
    if (outside || (near && (fill < 0.3 || Math.min(bw, bh) <= 2.5 * thick))) kind[r.id] = 2;
    else if (ring) kind[r.id] = 4;
  }
  reclassifyFloor(regions, kind, inFloor, buildingArea);
  const wallMask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (kind[seg.labels[i]] === 2) wallMask[i] = 1;

  if (process.env.IMG_DEBUG) debugDump = { labels: seg.labels, kind };
  const anyFloor = new Uint8Array(n);
  for (let i = 0; i < n; i++) anyFloor[i] = floor[i] | fl.floor[i];
  const zones = findZones(ridges(wallMask, anyFloor, w, h, wallThickness), floor, interior, w);
  const items = [...groupItems(img, blurred, seg.labels, regions, kind, interior, wallMask)];
  items.push(...fineItems(img, blurred, interior, items));
  const doors = findDoorGaps(fl.floor, fl.building, interior, wallThickness, w, h);
  return { width: w, height: h, interior, zones, items, floorColor: fl.colors[0], wallColor, wallThickness, floorFraction, notes, doors };
}

/**
 * Floor-colored segments that are furniture: small compact ones (wooden nightstands, side tables) and ones
 * bordered mostly by furniture (a throw across a bed).
 */
function reclassifyFloor(regions: RegionStats[], kind: Uint8Array, inFloor: Float64Array, buildingArea: number): void {
  // Small floor-colored specks bordered by floor are floor (grain, knots, reflections).
  for (const r of regions) {
    if (!r.area || kind[r.id] !== 0 || r.area >= 0.004 * buildingArea || inFloor[r.id] / r.area < 0.5) continue;
    let fl = 0;
    for (const [q, len] of r.neighbours) if (kind[q] === 1) fl += len;
    if (fl >= 0.6 * r.perimeter) kind[r.id] = 1;
  }
  for (const r of regions) {
    if (!r.area || kind[r.id] !== 1) continue;
    let obj = 0;
    for (const [q, len] of r.neighbours) if (kind[q] === 0) obj += len;
    const fill = r.area / ((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1));
    if (obj >= 0.6 * r.perimeter && fill >= 0.5) kind[r.id] = 0;
  }
}

/** Median thickness (px) of the outer wall: run of pixels that are neither floor nor background across the interior box outline, sampled on all four sides. */
function measureWallThickness(floor: Mask, background: Mask, box: PxBox, w: number, h: number): number {
  const runs: number[] = [];
  const steps = 16;
  const solid = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && !background[y * w + x] && !floor[y * w + x];
  const run = (x: number, y: number, dx: number, dy: number) => {
    // Step inward until the floor starts, outward across any floor, then count solid pixels up to the background.
    let k = 0;
    let xi = x;
    let yi = y;
    while (k < 60 && solid(xi, yi)) (k++, (xi -= dx), (yi -= dy));
    let xo = x + dx;
    let yo = y + dy;
    for (let f = 0; f < 30 && xo >= 0 && yo >= 0 && xo < w && yo < h && floor[yo * w + xo]; f++) (xo += dx), (yo += dy);
    while (k < 60 && solid(xo, yo)) (k++, (xo += dx), (yo += dy));
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
function trimBox(floor: Mask, box: PxBox | null, w: number): PxBox | null {
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
function ridges(wall: Mask, floor: Mask, w: number, h: number, thick: number): Mask {
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
function findZones(wall: Mask, floor: Mask, box: PxBox, w: number): PxBox[] {
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
function findDoorGaps(floor: Mask, building: Mask, box: PxBox, thick: number, w: number, h: number): Analysis["doors"] {
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


/**
 * Small compact items from a finer segmentation: segments of 0.3-3% of the interior, filling >= 65% of their
 * box, aspect <= 3.5, that are not planked floor (isotropic texture, or unsaturated), and that neither overlap
 * a coarse item (IoU > 0.3) nor lie inside one less than 4x their size.
 */
function fineItems(img: Rgb, blurred: Rgb, box: PxBox, existing: ItemRegion[]): ItemRegion[] {
  const seg = segmentGraph(boxBlur(img, 1), FINE_K, 20);
  const regions = regionStats(img, seg.labels, seg.count);
  const aniso = regionAnisotropy(img, seg.labels, seg.count);
  const iArea = (box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1);
  const out: ItemRegion[] = [];
  const inside = (a: PxBox, b: PxBox) => {
    const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1);
    const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1);
    return (ix * iy) / ((a.x1 - a.x0 + 1) * (a.y1 - a.y0 + 1));
  };
  const boxArea = (b: PxBox) => (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1);
  for (const r of [...regions].sort((a, b) => b.area - a.area)) {
    const bw = r.x1 - r.x0 + 1;
    const bh = r.y1 - r.y0 + 1;
    const fill = r.area / (bw * bh);
    if (r.area < 0.003 * iArea || r.area > 0.03 * iArea || fill < 0.65 || Math.max(bw, bh) / Math.min(bw, bh) > 3.5) continue;
    if (r.x0 <= box.x0 || r.y0 <= box.y0 || r.x1 >= box.x1 || r.y1 >= box.y1) continue;
    const c = hsv(r.color);
    if (!(aniso[r.id] < 1.1 || (c.s < 0.22 && aniso[r.id] < 1.4))) continue;
    const b = { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 };
    const clash = [...existing.filter((e) => e.layer === "item"), ...out].some((e) => iou(e.box, b) > 0.3 || (inside(b, e.box) > 0.5 && boxArea(e.box) < 4 * boxArea(b)));
    if (clash) continue;
    let con = 0;
    for (let y = r.y0; y <= r.y1; y++)
      for (let x = r.x0; x <= r.x1; x++) {
        const i = y * img.width + x;
        if (seg.labels[i] === r.id) for (let k = 0; k < 3; k++) con += Math.abs(img.data[i * 3 + k] - blurred.data[i * 3 + k]) / 3;
      }
    out.push({ layer: "item", box: b, area: r.area, color: r.color, contrast: con / r.area, fill });
  }
  return out;
}

/** Intersection over union of two inclusive pixel boxes. */
export function iou(a: PxBox, b: PxBox): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1);
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1);
  const inter = ix * iy;
  return inter / ((a.x1 - a.x0 + 1) * (a.y1 - a.y0 + 1) + (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1) - inter);
}
