/**
 * Oriented boxes in the room frame (DESIGN.md section 2): footprint center (x, y), yaw in degrees
 * (counter-clockwise about +Z), size w (local X) x d (local Y) x h (Z) from z upwards. The object's
 * front faces local -Y, so its forward vector in the room frame is (sin yaw, -cos yaw).
 */
import type { Placement, Point2, Size3 } from "../scene/schema";

/** An oriented 3D box: footprint center, yaw (deg), half extents, and vertical extent [z, z + h]. */
export interface Box {
  x: number;
  y: number;
  z: number;
  yawDeg: number;
  w: number;
  d: number;
  h: number;
}

const RAD = Math.PI / 180;

/** Box from a placement and a size (m). */
export function boxOf(p: Placement, s: Size3): Box {
  return { x: p.x, y: p.y, z: p.z, yawDeg: p.yawDeg, w: s.w, d: s.d, h: s.h };
}

/** Unit forward vector (the direction the front faces) for a yaw in degrees. */
export function forward(yawDeg: number): Point2 {
  return [Math.sin(yawDeg * RAD), -Math.cos(yawDeg * RAD)];
}

/** Yaw (deg) whose forward vector is the direction (dx, dy). */
export function yawFacing(dx: number, dy: number): number {
  return Math.atan2(dx, -dy) / RAD;
}

/** The box's local X axis (its own left, when seen from the front, is -X... see `toLocal`). */
function axes(b: Box): [Point2, Point2] {
  const c = Math.cos(b.yawDeg * RAD);
  const s = Math.sin(b.yawDeg * RAD);
  return [
    [c, s],
    [-s, c],
  ];
}

/** Point in the box's local frame: [lx, ly] (front face at ly = -d/2). */
export function toLocal(b: Box, px: number, py: number): Point2 {
  const [ax, ay] = axes(b);
  const dx = px - b.x;
  const dy = py - b.y;
  return [dx * ax[0] + dy * ax[1], dx * ay[0] + dy * ay[1]];
}

/** Room-frame point of a local point of the box. */
export function fromLocal(b: Box, lx: number, ly: number): Point2 {
  const [ax, ay] = axes(b);
  return [b.x + lx * ax[0] + ly * ay[0], b.y + lx * ax[1] + ly * ay[1]];
}

/** The 4 footprint corners, counter-clockwise. */
export function corners(b: Box): Point2[] {
  const c = Math.cos(b.yawDeg * RAD);
  const s = Math.sin(b.yawDeg * RAD);
  const hw = b.w / 2;
  const hd = b.d / 2;
  const ux = c * hw, uy = s * hw, vx = -s * hd, vy = c * hd;
  return [
    [b.x - ux - vx, b.y - uy - vy],
    [b.x + ux - vx, b.y + uy - vy],
    [b.x + ux + vx, b.y + uy + vy],
    [b.x - ux + vx, b.y - uy + vy],
  ];
}

/** Axis-aligned bounds of the footprint: [minX, minY, maxX, maxY]. */
export function footprintBounds(b: Box): [number, number, number, number] {
  const cs = corners(b);
  return [Math.min(...cs.map((c) => c[0])), Math.min(...cs.map((c) => c[1])), Math.max(...cs.map((c) => c[0])), Math.max(...cs.map((c) => c[1]))];
}

/** The interval [min, max] of points projected on axis `ax` (2D dot product). */
function project(points: readonly (readonly number[])[], ax: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    const v = p[0] * ax[0] + p[1] * ax[1];
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/** Footprint penetration depth (m) of two boxes by the separating axis theorem; <= 0 when separated (its magnitude is not a distance). */
export function footprintPenetration(a: Box, b: Box): number {
  const ca = corners(a);
  const cb = corners(b);
  let min = Infinity;
  for (const box of [a, b]) {
    for (const ax of axes(box)) {
      const [amin, amax] = project(ca, ax);
      const [bmin, bmax] = project(cb, ax);
      min = Math.min(min, Math.min(amax, bmax) - Math.max(amin, bmin));
    }
  }
  return min;
}

/**
 * Depth (m) by which two boxes interpenetrate: the shortest push along a separating axis (both footprints' edge
 * normals, and vertical) that parts them; <= 0 when they are apart. Unlike footprintPenetration, a thin post inside
 * a block goes as deep as it lies from the block's nearest side.
 */
export function penetrationDepth(a: Box, b: Box): number {
  const ca = corners(a);
  const cb = corners(b);
  let min = Math.min(a.z + a.h - b.z, b.z + b.h - a.z);
  for (const box of [a, b]) {
    for (const ax of axes(box)) {
      const [amin, amax] = project(ca, ax);
      const [bmin, bmax] = project(cb, ax);
      min = Math.min(min, amax - bmin, bmax - amin);
    }
  }
  return min;
}

/** Vertical overlap (m) of two boxes; <= 0 when they do not overlap in height. */
export function verticalOverlap(a: Box, b: Box): number {
  return Math.min(a.z + a.h, b.z + b.h) - Math.max(a.z, b.z);
}

/** True when two boxes intersect by more than `tol` (m) in footprint and in height. */
export function boxesIntersect(a: Box, b: Box, tol = 0.01): boolean {
  return verticalOverlap(a, b) > tol && footprintPenetration(a, b) > tol;
}

/** Distance from point p to segment [a, b] (m). */
export function pointSegmentDistance(p: Point2, a: Point2, b: Point2): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function orient(p: Point2, q: Point2, r: Point2): number {
  return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
}

function segmentsIntersect(a: Point2, b: Point2, c: Point2, d: Point2): boolean {
  const d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Distance (m) between two convex polygons; 0 when they overlap. */
export function polygonDistance(pa: readonly Point2[], pb: readonly Point2[]): number {
  if (pointInPolygon(pa[0], pb) || pointInPolygon(pb[0], pa)) return 0;
  let min = Infinity;
  for (let i = 0; i < pa.length; i++) {
    const a1 = pa[i], a2 = pa[(i + 1) % pa.length];
    for (let j = 0; j < pb.length; j++) {
      const b1 = pb[j], b2 = pb[(j + 1) % pb.length];
      if (segmentsIntersect(a1, a2, b1, b2)) return 0;
      min = Math.min(min, pointSegmentDistance(a1, b1, b2), pointSegmentDistance(b1, a1, a2));
    }
  }
  return min;
}

/** Footprint gap (m) between two boxes: 0 when the footprints touch or overlap. */
export function footprintGap(a: Box, b: Box): number {
  return polygonDistance(corners(a), corners(b));
}

/** Distance (m) from a box footprint to a segment (0 when crossing it). */
export function boxSegmentDistance(b: Box, s0: Point2, s1: Point2): number {
  const cs = corners(b);
  let min = Infinity;
  for (let i = 0; i < 4; i++) {
    const a1 = cs[i], a2 = cs[(i + 1) % 4];
    if (segmentsIntersect(a1, a2, s0, s1)) return 0;
    min = Math.min(min, pointSegmentDistance(a1, s0, s1), pointSegmentDistance(s0, a1, a2), pointSegmentDistance(s1, a1, a2));
  }
  return min;
}

/** Even-odd point-in-polygon test (points on the boundary may go either way). */
export function pointInPolygon(p: Point2, poly: readonly Point2[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed distance (m) from a point to a polygon's boundary: positive inside, negative outside. */
export function signedDistanceToPolygon(p: Point2, poly: readonly Point2[]): number {
  let min = Infinity;
  for (let i = 0; i < poly.length; i++) min = Math.min(min, pointSegmentDistance(p, poly[i], poly[(i + 1) % poly.length]));
  return pointInPolygon(p, poly) ? min : -min;
}

/** How far (m) a box's footprint sticks out of a polygon (0 when fully inside). */
export function outsideDepth(b: Box, poly: readonly Point2[]): number {
  let worst = 0;
  for (const c of corners(b)) {
    const sd = signedDistanceToPolygon(c, poly);
    if (sd < 0) worst = Math.max(worst, -sd);
  }
  return worst;
}

/** Angle (deg, 0..180) between two 2D vectors. */
export function angleBetween(a: Point2, b: Point2): number {
  const la = Math.hypot(a[0], a[1]);
  const lb = Math.hypot(b[0], b[1]);
  if (la === 0 || lb === 0) return 180;
  const c = Math.max(-1, Math.min(1, (a[0] * b[0] + a[1] * b[1]) / (la * lb)));
  return Math.acos(c) / RAD;
}
