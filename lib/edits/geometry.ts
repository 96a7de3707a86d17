/**
 * Room-frame geometry for edits (DESIGN.md section 2): walls of the footprint, object footprints,
 * facing yaw, and the side convention used by references and moves.
 *
 * Side convention (documented for designers): in the room frame a viewer stands at the south side
 * looking north (+Y), so "left" means smaller x, "right" larger x, "front" smaller y (south) and
 * "back" larger y (north). Relative to an object ("left of the bed") the object's own frame is used:
 * its front faces local -Y, and "left" is what a viewer facing the object's front sees on the left
 * (local -X rotated by the object's yaw).
 */
import type { Placement, SceneObject, Size3 } from "../scene/schema";
import { normalizeYaw } from "../frames";
import { yawFacing as boxYawFacing } from "../geometry/box";
import { centroid, signedArea, wallsOf as roomWalls } from "../geometry/room";

export { signedArea };

/** A 2D vector in meters (room frame). */
export type Vec2 = [number, number];

/** One wall: footprint edge `index` from `a` to `b`, its length (m), inward unit normal and compass side. */
export interface Wall {
  index: number;
  a: Vec2;
  b: Vec2;
  length: number;
  inward: Vec2;
  side: "north" | "south" | "east" | "west";
}

/** Walls of a footprint polygon (edge i -> i+1) with inward normals whatever the winding, plus their compass side. */
export function wallsOf(footprint: readonly Vec2[]): Wall[] {
  return roomWalls(footprint).map((w) => {
    const inward: Vec2 = [w.normal[0], w.normal[1]];
    const out: Vec2 = [-inward[0], -inward[1]];
    const side: Wall["side"] =
      Math.abs(out[0]) >= Math.abs(out[1]) ? (out[0] > 0 ? "east" : "west") : out[1] > 0 ? "north" : "south";
    return { index: w.index, a: [w.a[0], w.a[1]], b: [w.b[0], w.b[1]], length: w.length, inward, side };
  });
}

/** Axis-aligned bounds of a polygon (m). */
export function boundsOf(poly: readonly Vec2[]): { minX: number; maxX: number; minY: number; maxY: number } {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

/** Area centroid of a polygon (m); the vertex mean for degenerate polygons. */
export function centroidOf(poly: readonly Vec2[]): Vec2 {
  const [x, y] = centroid(poly);
  return [x, y];
}

/** Distance (m) from point p to segment a-b and the parameter t in [0, 1] of the closest point. */
export function pointSegment(p: Vec2, a: Vec2, b: Vec2): { dist: number; t: number; point: Vec2 } {
  const ex = b[0] - a[0];
  const ey = b[1] - a[1];
  const len2 = ex * ex + ey * ey || 1e-12;
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * ex + (p[1] - a[1]) * ey) / len2));
  const point: Vec2 = [a[0] + t * ex, a[1] + t * ey];
  return { dist: Math.hypot(p[0] - point[0], p[1] - point[1]), t, point };
}

/** The wall nearest to a point (m). */
export function nearestWall(footprint: readonly Vec2[], p: Vec2): Wall {
  const walls = wallsOf(footprint);
  let best = walls[0];
  let bestD = Infinity;
  for (const w of walls) {
    const d = pointSegment(p, w.a, w.b).dist;
    if (d < bestD) {
      bestD = d;
      best = w;
    }
  }
  return best;
}

/** Size of an object for placement (m): the built bounding box when known, else its target size. */
export function objectSize(obj: Pick<SceneObject, "targetSize" | "build">): Size3 {
  const s = obj.build?.stats?.size;
  if (s && s.w > 0 && s.d > 0 && s.h > 0) return { w: s.w, d: s.d, h: s.h };
  return obj.targetSize;
}

/** Yaw (deg) that makes an object's front (local -Y) point along direction (dx, dy): theta = atan2(dx, -dy). */
export function yawFacing(dx: number, dy: number): number {
  return normalizeYaw(boxYawFacing(dx, dy));
}

/** Rotate a vector (m) by yaw degrees counter-clockwise. */
export function rotate(v: Vec2, yawDeg: number): Vec2 {
  const r = (yawDeg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  return [v[0] * c - v[1] * s, v[0] * s + v[1] * c];
}

/** Room-frame point of an object-local offset (m) given its placement. */
export function localToRoom(p: Placement, local: Vec2): Vec2 {
  const [x, y] = rotate(local, p.yawDeg);
  return [p.x + x, p.y + y];
}

/** Half extents (m) along room X and Y of a w x d footprint rotated by yaw degrees (its axis-aligned bounding box). */
export function rotatedHalfExtents(size: { w: number; d: number }, yawDeg: number): Vec2 {
  const r = (yawDeg * Math.PI) / 180;
  const c = Math.abs(Math.cos(r));
  const s = Math.abs(Math.sin(r));
  return [(size.w * c + size.d * s) / 2, (size.w * s + size.d * c) / 2];
}

/** Rounds a length to 1 mm and an angle to 0.01 deg so that stored placements stay readable and stable. */
export function roundPlacement(p: Placement): Placement {
  const r3 = (v: number) => Math.round(v * 1000) / 1000 || 0;
  return { x: r3(p.x), y: r3(p.y), z: r3(p.z), yawDeg: normalizeYaw(Math.round(p.yawDeg * 100) / 100) };
}
