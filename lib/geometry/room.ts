/** Room geometry: walls of a footprint polygon, their inward normals, and openings as wall segments. */
import type { Opening, Point2 } from "../scene/schema";
import { yawFacing } from "./box";

/** One wall: footprint edge i from `a` to `b`, its length, unit direction and inward normal. */
export interface Wall {
  index: number;
  a: Point2;
  b: Point2;
  length: number;
  dir: Point2;
  normal: Point2;
  /** Yaw (deg) that makes an object's front face into the room from this wall. */
  yawIn: number;
}

/** Signed area of a polygon (m^2, positive when counter-clockwise). */
export function signedArea(poly: readonly Point2[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[(i + 1) % poly.length];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

/** Walls of a footprint (edge i -> i+1); the inward normal accounts for the winding. */
export function wallsOf(footprint: readonly Point2[]): Wall[] {
  const ccw = signedArea(footprint) >= 0;
  return footprint.map((a, i) => {
    const b = footprint[(i + 1) % footprint.length];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const length = Math.hypot(dx, dy) || 1e-9;
    const dir: Point2 = [dx / length, dy / length];
    const normal: Point2 = ccw ? [-dir[1], dir[0]] : [dir[1], -dir[0]];
    return { index: i, a, b, length, dir, normal, yawIn: yawFacing(normal[0], normal[1]) };
  });
}

/** Rectangle footprint (counter-clockwise, centered at the origin) of w x d meters. */
export function rectFootprint(w: number, d: number): Point2[] {
  return [
    [-w / 2, -d / 2],
    [w / 2, -d / 2],
    [w / 2, d / 2],
    [-w / 2, d / 2],
  ];
}

/** The segment of a wall covered by an opening, and its center. */
export function openingSegment(walls: readonly Wall[], o: Opening): { a: Point2; b: Point2; center: Point2; wall: Wall } | null {
  const wall = walls[o.wall];
  if (!wall) return null;
  const t0 = Math.max(0, o.offset - o.width / 2);
  const t1 = Math.min(wall.length, o.offset + o.width / 2);
  const at = (t: number): Point2 => [wall.a[0] + wall.dir[0] * t, wall.a[1] + wall.dir[1] * t];
  return { a: at(t0), b: at(t1), center: at(o.offset), wall };
}

/** Centroid of a polygon (m). */
export function centroid(poly: readonly Point2[]): Point2 {
  const a = signedArea(poly);
  if (Math.abs(a) < 1e-9) return [poly.reduce((s, p) => s + p[0], 0) / poly.length, poly.reduce((s, p) => s + p[1], 0) / poly.length];
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[(i + 1) % poly.length];
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}
