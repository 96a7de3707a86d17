/**
 * Oriented boxes of built parts for direct manipulation: each mesh part of an object as a box that turns about +Z
 * (a 2D oriented rectangle plus a height range), placed in the room frame by the object's placement, with the
 * separating-axis test for the depth two boxes interpenetrate (Gottschalk, Lin, Manocha, "OBBTree", SIGGRAPH 1996,
 * reduced to the four plan axes plus Z) and the depth a box reaches outside the room's footprint polygon.
 */
import type { Placement, Point2 } from "../scene/schema";

/** A box turning about +Z: centre (cx, cy) and half extents (hx, hy) along its own axes (m), yaw (deg, CCW), height range z0..z1 (m). */
export interface OrientedBox {
  cx: number;
  cy: number;
  hx: number;
  hy: number;
  yawDeg: number;
  z0: number;
  z1: number;
}

/** An axis-aligned plan rectangle (m). */
export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const RAD = Math.PI / 180;

/** The box `b` given in an object's local frame, in the room frame for the object at placement `p`. */
export function placeBox(b: OrientedBox, p: Pick<Placement, "x" | "y" | "z" | "yawDeg">): OrientedBox {
  const c = Math.cos(p.yawDeg * RAD);
  const s = Math.sin(p.yawDeg * RAD);
  return { cx: p.x + c * b.cx - s * b.cy, cy: p.y + s * b.cx + c * b.cy, hx: b.hx, hy: b.hy, yawDeg: b.yawDeg + p.yawDeg, z0: b.z0 + p.z, z1: b.z1 + p.z };
}

/** The four plan corners of `b` (m), counter-clockwise. */
export function boxCorners(b: OrientedBox): Point2[] {
  const c = Math.cos(b.yawDeg * RAD);
  const s = Math.sin(b.yawDeg * RAD);
  const ux = c * b.hx, uy = s * b.hx, vx = -s * b.hy, vy = c * b.hy;
  return [
    [b.cx - ux - vx, b.cy - uy - vy],
    [b.cx + ux - vx, b.cy + uy - vy],
    [b.cx + ux + vx, b.cy + uy + vy],
    [b.cx - ux + vx, b.cy - uy + vy],
  ];
}

/** The plan rectangle around boxes (m); null for none. */
export function rectOf(boxes: OrientedBox[]): Rect | null {
  if (boxes.length === 0) return null;
  const r = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const b of boxes) {
    for (const [x, y] of boxCorners(b)) {
      r.minX = Math.min(r.minX, x);
      r.minY = Math.min(r.minY, y);
      r.maxX = Math.max(r.maxX, x);
      r.maxY = Math.max(r.maxY, y);
    }
  }
  return r;
}

/**
 * Depth (m) by which two boxes interpenetrate: the smallest overlap over the separating axes (both boxes' plan
 * axes, and Z); 0 when they are apart or only touch.
 */
export function penetration(a: OrientedBox, b: OrientedBox): number {
  const oz = Math.min(a.z1, b.z1) - Math.max(a.z0, b.z0);
  if (oz <= 0) return 0;
  const axes: Point2[] = [];
  for (const yaw of [a.yawDeg, b.yawDeg]) {
    const c = Math.cos(yaw * RAD);
    const s = Math.sin(yaw * RAD);
    axes.push([c, s], [-s, c]);
  }
  let depth = oz;
  for (const [ax, ay] of axes) {
    const ra = radius(a, ax, ay);
    const rb = radius(b, ax, ay);
    const d = Math.abs((a.cx - b.cx) * ax + (a.cy - b.cy) * ay);
    const o = ra + rb - d;
    if (o <= 0) return 0;
    depth = Math.min(depth, o);
  }
  return depth;
}

function radius(b: OrientedBox, ax: number, ay: number): number {
  const c = Math.cos(b.yawDeg * RAD);
  const s = Math.sin(b.yawDeg * RAD);
  return b.hx * Math.abs(c * ax + s * ay) + b.hy * Math.abs(-s * ax + c * ay);
}

/** Largest interpenetration depth (m) between any part of `a` and any part of `b` (both in the room frame). */
export function partsPenetration(a: OrientedBox[], b: OrientedBox[]): number {
  let worst = 0;
  for (const pa of a) for (const pb of b) worst = Math.max(worst, penetration(pa, pb));
  return worst;
}

/** True when the point lies inside the polygon (even-odd rule; the polygon may run either way round). */
export function insidePolygon(pt: Point2, poly: Point2[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance (m) from a point to the segment a-b. */
export function segmentDistance(pt: Point2, a: Point2, b: Point2): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((pt[0] - a[0]) * dx + (pt[1] - a[1]) * dy) / len2));
  return Math.hypot(pt[0] - (a[0] + t * dx), pt[1] - (a[1] + t * dy));
}

/** How far (m) the farthest plan corner of any box lies outside the footprint polygon (its inner wall faces); 0 when all are inside. */
export function outsideDepth(boxes: OrientedBox[], footprint: Point2[]): number {
  let worst = 0;
  for (const b of boxes) {
    for (const pt of boxCorners(b)) {
      if (insidePolygon(pt, footprint)) continue;
      let d = Infinity;
      for (let i = 0; i < footprint.length; i++) d = Math.min(d, segmentDistance(pt, footprint[i], footprint[(i + 1) % footprint.length]));
      worst = Math.max(worst, d);
    }
  }
  return worst;
}
