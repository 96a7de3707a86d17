import "server-only";
/**
 * Classical analysis of a top-down room image at working resolution: background, floor, walls, interior box,
 * zones (partition walls) and furniture regions. Pure pixel code on raw RGB buffers; no model weights.
 * Units: working pixels (multiply by `scale` of decodeForAnalysis for original pixels).
 */
import { fineItems } from "./fine";
import { groupItems } from "./group";
import { backgroundMask, dominantColor, floorMask, maskBox } from "./pixels/floor";
import { boxBlur, distTo, hsv, hueDiff, type Rgb } from "./pixels/raster";
import { regionAnisotropy, regionStats, segmentGraph, type RegionStats } from "./pixels/segment";
import { findDoorGaps, findZones, measureWallThickness, ridges, trimBox } from "./walls";
import { findWindowStrips } from "./windows";

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
  /** Window strips in the outer wall band: side and span along it in working px (same shape as doors). */
  windows: { side: "top" | "bottom" | "left" | "right"; from: number; to: number }[];
}

/** Scale of the coarse graph segmentation (RGB distance units; larger = bigger segments), tuned on the shared renders. */
const SEG_K = 700;
const SEG_MIN = 30;
/** Gradient anisotropy above which a floor-hued segment reads as planked floor (measured on the shared renders: wood 1.2-2.8, wooden furniture and upholstery 1.0-1.1). */
const FLOOR_ANISOTROPY = 1.2;

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
  const empty: Analysis = { width: w, height: h, interior: null, zones: [], items: [], floorColor: null, wallColor: null, wallThickness: 0, floorFraction: 0, notes, doors: [], windows: [] };
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
  const floor = new Uint8Array(n);
  let floorArea = 0;
  for (let i = 0; i < n; i++) if (kind[seg.labels[i]] === 1) { floor[i] = 1; floorArea++; }
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

  const anyFloor = new Uint8Array(n);
  for (let i = 0; i < n; i++) anyFloor[i] = floor[i] | fl.floor[i];
  const zones = findZones(ridges(wallMask, anyFloor, w, h, wallThickness), floor, interior, w);
  const items = [...groupItems(img, blurred, seg.labels, regions, kind, interior, wallMask)];
  items.push(...fineItems(img, blurred, interior, items));
  const doors = findDoorGaps(fl.floor, fl.building, interior, wallThickness, w, h);
  const windows = findWindowStrips(img, fl.floor, background, interior, wallThickness, wallColor, doors);
  return { width: w, height: h, interior, zones, items, floorColor: fl.colors[0], wallColor, wallThickness, floorFraction, notes, doors, windows };
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
