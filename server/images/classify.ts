import "server-only";
/**
 * Category suggestions for image footprints from size (m^2), aspect, wall contact, position in the zone and
 * neighbours. Rules follow common furniture dimensions (e.g. Neufert, "Architects' Data": double bed
 * 1.4-1.8 x 2.0 m, nightstand 0.4-0.6 m, armchair 0.7-1.0 m, bench at the bed's foot 1.0-1.6 x 0.4 m).
 */
import { hsv } from "./pixels/raster";
import { wallContact, type BoxM } from "../../lib/structure-patch";

/** A footprint candidate in room meters with its image statistics. */
export interface Candidate {
  boxM: BoxM;
  color: [number, number, number];
  contrast: number;
  fill: number;
  zoneIndex: number | null;
  layer: "rug" | "item";
}

/** Suggested category with confidence in [0, 1] and a reason. */
export interface Suggestion {
  category: string;
  confidence: number;
  reason: string;
}

const area = (b: BoxM) => b.w * b.d;
const aspect = (b: BoxM) => Math.max(b.w, b.d) / Math.min(b.w, b.d);
const centerIn = (inner: BoxM, outer: BoxM) => Math.abs(inner.x - outer.x) <= outer.w / 2 && Math.abs(inner.y - outer.y) <= outer.d / 2;
/** Overlap area (m^2) of two boxes. */
function overlap(a: BoxM, b: BoxM): number {
  const ox = Math.max(0, Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2));
  const oy = Math.max(0, Math.min(a.y + a.d / 2, b.y + b.d / 2) - Math.max(a.y - a.d / 2, b.y - b.d / 2));
  return ox * oy;
}

/** Gap (m) between two boxes (0 when they touch or overlap). */
export function gapM(a: BoxM, b: BoxM): number {
  const gx = Math.max(0, Math.abs(a.x - b.x) - (a.w + b.w) / 2);
  const gy = Math.max(0, Math.abs(a.y - b.y) - (a.d + b.d) / 2);
  return Math.hypot(gx, gy);
}

/** Suggest a category for every candidate (same order). `room` is the interior size (m). */
export function classifyCandidates(cands: Candidate[], room: { w: number; d: number }): Suggestion[] {
  const out: (Suggestion | null)[] = cands.map(() => null);
  const set = (i: number, category: string, confidence: number, reason: string) => (out[i] = { category, confidence: Math.min(0.95, confidence), reason });
  const wall = cands.map((c) => wallContact(c.boxM, room));

  // Rugs: large, unsaturated, low-contrast regions that other items stand on.
  cands.forEach((c, i) => {
    const s = hsv(c.color).s;
    const under = cands.filter((o, j) => j !== i && area(o.boxM) < 1.5 * area(c.boxM) && (centerIn(o.boxM, c.boxM) || overlap(o.boxM, c.boxM) > 0.05 * area(o.boxM))).length;
    if (c.layer === "rug" || (area(c.boxM) >= 1.2 && s < 0.3 && c.contrast < 6 && !wall[i] && under > 0))
      set(i, "rug", 0.5 + (under > 0 ? 0.2 : 0) + (c.contrast < 6 ? 0.1 : 0), under > 0 ? `large low-contrast region under ${under} other item(s)` : "large plain low-contrast region on the floor");
  });

  // Bed: the largest remaining squarish item of bed size, better against a wall.
  const bedIdx = cands
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => !out[i] && area(c.boxM) >= 1.6 && area(c.boxM) <= 6 && aspect(c.boxM) <= 1.8)
    .sort((a, b) => (wall[b.i] ? 1 : 0) - (wall[a.i] ? 1 : 0) || area(b.c.boxM) - area(a.c.boxM))[0]?.i;
  if (bedIdx !== undefined) {
    const bed = cands[bedIdx].boxM;
    const flank = cands.filter((o, j) => j !== bedIdx && area(o.boxM) < 0.6 && gapM(o.boxM, bed) < 0.5).length;
    set(bedIdx, "bed", 0.45 + (wall[bedIdx] ? 0.2 : 0) + (flank ? 0.15 : 0), `largest bed-sized rectangle${wall[bedIdx] ? " against the " + wall[bedIdx] + " wall" : ""}${flank ? ` with ${flank} small item(s) beside it` : ""}`);
    cands.forEach((c, i) => {
      if (out[i]) return;
      const a = area(c.boxM);
      const g = gapM(c.boxM, bed);
      if (a >= 0.06 && a <= 0.6 && aspect(c.boxM) <= 1.8 && g < 0.6) {
        const headSide = wall[bedIdx] === "north" ? c.boxM.y > bed.y : wall[bedIdx] === "south" ? c.boxM.y < bed.y : wall[bedIdx] === "west" ? c.boxM.x < bed.x : wall[bedIdx] === "east" ? c.boxM.x > bed.x : true;
        if (headSide) set(i, "nightstand", 0.7, "small square beside the head of the bed");
      } else if (a >= 0.12 && a <= 1.4 && aspect(c.boxM) >= 1.8 && g < 0.9) {
        set(i, "bench", 0.6, "long low item at the foot of the bed");
      }
    });
  }

  cands.forEach((c, i) => {
    if (out[i]) return;
    const a = area(c.boxM);
    const asp = aspect(c.boxM);
    const col = hsv(c.color);
    const depth = Math.min(c.boxM.w, c.boxM.d);
    const len = Math.max(c.boxM.w, c.boxM.d);
    if (col.h >= 70 && col.h <= 170 && col.s > 0.2 && a < 0.8) return set(i, "potted_plant", 0.6, "small green item");
    if (a >= 1 && a <= 3.6 && asp >= 1.8 && depth >= 0.6) return set(i, "sofa", 0.45, "long seat-deep item");
    if (wall[i] && len >= 1 && depth >= 0.3 && depth <= 0.75 && asp >= 1.8) {
      if (len >= 1.4 && depth >= 0.5) return set(i, "wardrobe", 0.4, `long deep item against the ${wall[i]} wall`);
      if (depth <= 0.5) return set(i, "tv_stand", 0.35, `long shallow item against the ${wall[i]} wall`);
      return set(i, "dresser", 0.4, `long item against the ${wall[i]} wall`);
    }
    if (a >= 0.35 && a <= 1.7 && asp <= 1.5) {
      const twin = cands.some((o, j) => j !== i && Math.abs(area(o.boxM) - a) < 0.35 * a && aspect(o.boxM) <= 1.5 && o.zoneIndex === c.zoneIndex);
      if (!wall[i] && a >= 0.6 && !twin) return set(i, "coffee_table", 0.35, "medium item in the open floor");
      return set(i, "armchair", twin ? 0.6 : 0.45, twin ? "seat-sized square with a similar one nearby" : "seat-sized square");
    }
    if (a < 0.35 && asp <= 2) return set(i, "side_table", 0.4, "small item");
    if (wall[i]) return set(i, "cabinet", 0.3, `item against the ${wall[i]} wall`);
    return set(i, "ottoman", 0.25, "unrecognised free-standing item");
  });
  return out.map((s) => s ?? { category: "cabinet", confidence: 0.2, reason: "unrecognised item" });
}
