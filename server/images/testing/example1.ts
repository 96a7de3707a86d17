import "server-only";
/**
 * Ground truth for the shared image code-as-room-example1.png (../shared/inputs/images, Apache-2.0, see
 * ../shared/inputs/SOURCES.md) and the relabel-only correction used by the tests.
 */
import type { Footprint } from "../../../lib/scene/schema";
import type { StructurePatch } from "../../../lib/structure-patch";

/** Pixel box: top-left x/y, width/height (original px). */
export type Box = { x: number; y: number; w: number; h: number };

/** Intersection over union of two pixel boxes. */
export const iou = (a: Box, b: Box): number => {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (ix * iy) / (a.w * a.h + b.w * b.h - ix * iy);
};

/** Hand-measured boxes of the major items of example1 (original px, read off the 1024x559 image). */
export const EXAMPLE1_ITEMS: { category: string; box: Box }[] = [
  { category: "bed", box: { x: 388, y: 93, w: 194, h: 222 } },
  { category: "nightstand", box: { x: 337, y: 102, w: 61, h: 50 } },
  { category: "nightstand", box: { x: 575, y: 102, w: 59, h: 50 } },
  { category: "armchair", box: { x: 138, y: 148, w: 117, h: 102 } },
  { category: "armchair", box: { x: 133, y: 308, w: 115, h: 102 } },
  { category: "rug", box: { x: 347, y: 172, w: 278, h: 213 } },
  { category: "bench", box: { x: 423, y: 305, w: 123, h: 42 } },
];

/** Hand-measured inner-wall box of example1's interior (original px). */
export const EXAMPLE1_INTERIOR: Box = { x: 72, y: 79, w: 871, h: 400 };

/** The scripted correction: relabel, for each expected item, the unused footprint overlapping it best (IoU >= 0.3). Only relabels. */
export function relabelCorrection(footprints: Footprint[], items: { category: string; box: Box }[]): { patch: StructurePatch; missing: string[] } {
  const used = new Set<string>();
  const ops: StructurePatch["ops"] = [];
  const missing: string[] = [];
  for (const it of items) {
    const best = footprints
      .filter((f) => !used.has(f.id))
      .map((f) => ({ f, v: iou(f.boxPx, it.box) }))
      .sort((a, b) => b.v - a.v)[0];
    if (!best || best.v < 0.3) {
      missing.push(it.category);
      continue;
    }
    used.add(best.f.id);
    ops.push({ op: "relabel", footprintId: best.f.id, category: it.category });
  }
  return { patch: { ops }, missing };
}
