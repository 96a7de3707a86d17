/**
 * Collision and bounds checks for edits: oriented footprints (separating axis theorem, 2D) plus
 * overlapping height ranges; an object standing on another never collides with it. Tolerance 1 cm,
 * as the layout solver's contract ("no floor-object overlaps beyond 1 cm").
 */
import type { Placement, Scene, Size3, Support } from "../scene/schema";
import { findConflicts } from "../layout/check";
import { objectSize, rotate, type Vec2 } from "./geometry";

/** What the checks need about an object. */
export interface Body {
  id: string;
  placement: Placement;
  size: Size3;
  support: Support;
}

/** Overlap tolerance (m). */
export const TOLERANCE_M = 0.01;

function corners(b: Body): Vec2[] {
  const hw = b.size.w / 2;
  const hd = b.size.d / 2;
  return ([[-hw, -hd], [hw, -hd], [hw, hd], [-hw, hd]] as Vec2[]).map((c) => {
    const r = rotate(c, b.placement.yawDeg);
    return [b.placement.x + r[0], b.placement.y + r[1]] as Vec2;
  });
}

/** Penetration depth (m) of two oriented footprints along the best separating axis; <= 0 means apart. */
export function footprintOverlap(a: Body, b: Body): number {
  const ca = corners(a);
  const cb = corners(b);
  let minPen = Infinity;
  for (const poly of [ca, cb]) {
    for (let i = 0; i < 2; i++) {
      const p = poly[i];
      const q = poly[i + 1];
      const ax: Vec2 = [q[0] - p[0], q[1] - p[1]];
      const len = Math.hypot(ax[0], ax[1]) || 1;
      const n: Vec2 = [ax[0] / len, ax[1] / len];
      const proj = (pts: Vec2[]) => pts.map((c) => c[0] * n[0] + c[1] * n[1]);
      const pa = proj(ca);
      const pb = proj(cb);
      const pen = Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb));
      minPen = Math.min(minPen, pen);
    }
  }
  return minPen;
}

/** Whether two bodies collide (footprints overlap by more than 1 cm and height ranges overlap; stacked pairs excluded). */
export function collide(a: Body, b: Body): boolean {
  if (a.support === `on:${b.id}` || b.support === `on:${a.id}`) return false;
  const za: [number, number] = [a.placement.z, a.placement.z + a.size.h];
  const zb: [number, number] = [b.placement.z, b.placement.z + b.size.h];
  if (Math.min(za[1], zb[1]) - Math.max(za[0], zb[0]) <= TOLERANCE_M) return false;
  if (a.support === "wall" || b.support === "wall" || a.support === "ceiling" || b.support === "ceiling") {
    if (a.size.h < 0.05 || b.size.h < 0.05) return false;
  }
  return footprintOverlap(a, b) > TOLERANCE_M;
}

/**
 * Conflicts that involve any of `ids` (the changed objects and, through the pairs, their neighbours): colliding
 * pairs and out-of-bounds objects, by the layout's `findConflicts` (lib/layout/check.ts) on the whole scene.
 */
export function conflictsFor(scene: Scene, ids: readonly string[]): { collisions: [string, string][]; outOfBounds: string[] } {
  const objects = scene.objects
    .filter((o) => !o.hidden)
    .map((o) => ({ id: o.id, placement: o.placement, size: objectSize(o), support: o.support, thin: o.route === "thin_cover" }));
  const fp = scene.room?.footprint ?? [];
  const all = fp.length >= 3 ? findConflicts(objects, fp) : { collisions: [] as [string, string][], outOfBounds: [] as string[] };
  return {
    collisions: all.collisions.filter(([a, b]) => ids.includes(a) || ids.includes(b)),
    outOfBounds: all.outOfBounds.filter((id) => ids.includes(id)),
  };
}
