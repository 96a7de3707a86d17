/**
 * Snapping for direct manipulation in the room frame (m): an object's side flush against a wall (whatever its yaw:
 * the side of its turned footprint that faces the wall), its edges flush with or aligned to other objects' edges,
 * and its centre on a grid; plus the live distances to the nearest walls and objects shown while dragging.
 */
import type { Point2 } from "../scene/schema";
import type { Rect } from "./boxes";

/** How close (m) an edge must come to a wall or another edge to snap to it. */
export const SNAP_DISTANCE = 0.12;

/** Angle step (deg) of snapped turns: 15 deg, as Blender's and SketchUp's rotate tools snap by default. */
export const ANGLE_SNAP_DEG = 15;

/** One wall of the footprint polygon: its index, end points, unit inward normal and compass name. */
export interface Wall {
  index: number;
  a: Point2;
  b: Point2;
  normal: Point2;
  name: string;
}

/** What a snapped position snapped to. */
export type SnapGuide = { kind: "wall"; wall: number; name: string } | { kind: "edge"; with: string; axis: "x" | "y"; at: number } | { kind: "grid"; axis: "x" | "y" };

/** Input of snapPosition: the dragged centre (m) and yaw (deg), the object's plan rectangle in its local frame, the room and other objects. */
export interface SnapInput {
  x: number;
  y: number;
  yawDeg: number;
  local: Rect;
  footprint: Point2[] | null;
  /** Plan rectangles of the other objects (room frame, m). */
  others: { id: string; rect: Rect }[];
  /** Grid step (m), or null for no grid. */
  grid: number | null;
  /** Snap to walls and other objects' edges. */
  smart: boolean;
  threshold?: number;
}

/** The snapped centre (m) and what it snapped to. */
export interface SnapResult {
  x: number;
  y: number;
  guides: SnapGuide[];
}

/** Walls of a footprint polygon with inward normals (either winding) and names by the side of the room they close (north = +Y). */
export function wallsOf(footprint: Point2[]): Wall[] {
  let area = 0;
  for (let i = 0; i < footprint.length; i++) {
    const [x0, y0] = footprint[i];
    const [x1, y1] = footprint[(i + 1) % footprint.length];
    area += x0 * y1 - x1 * y0;
  }
  const ccw = area > 0;
  const walls: Wall[] = [];
  for (let i = 0; i < footprint.length; i++) {
    const a = footprint[i];
    const b = footprint[(i + 1) % footprint.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 1e-6) continue;
    const dx = (b[0] - a[0]) / len;
    const dy = (b[1] - a[1]) / len;
    const normal: Point2 = ccw ? [-dy, dx] : [dy, -dx];
    // The wall lies opposite its inward normal.
    const [ox, oy] = [-normal[0], -normal[1]];
    const name = Math.abs(ox) > Math.abs(oy) ? (ox > 0 ? "east" : "west") : oy > 0 ? "north" : "south";
    walls.push({ index: i, a, b, normal, name });
  }
  return walls;
}

/** Plan corners (m) of the local rectangle turned by yaw, relative to the object's centre. */
export function turnedCorners(local: Rect, yawDeg: number): Point2[] {
  const c = Math.cos((yawDeg * Math.PI) / 180);
  const s = Math.sin((yawDeg * Math.PI) / 180);
  const pts: Point2[] = [
    [local.minX, local.minY],
    [local.maxX, local.minY],
    [local.maxX, local.maxY],
    [local.minX, local.maxY],
  ];
  return pts.map(([x, y]) => [c * x - s * y, s * x + c * y]);
}

/** The room-frame plan rectangle (m) of an object with local rectangle `local` at centre (x, y) and yaw (deg). */
export function placedRect(local: Rect, x: number, y: number, yawDeg: number): Rect {
  const pts = turnedCorners(local, yawDeg);
  const xs = pts.map((p) => p[0] + x);
  const ys = pts.map((p) => p[1] + y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/**
 * Gap (m) between the object's turned footprint and each wall it faces along the wall (negative: into the wall),
 * nearest first. A wall counts when the object lies beside its segment.
 */
export function wallGaps(x: number, y: number, yawDeg: number, local: Rect, footprint: Point2[]): { wall: Wall; gap: number }[] {
  const pts = turnedCorners(local, yawDeg);
  const out: { wall: Wall; gap: number }[] = [];
  for (const w of wallsOf(footprint)) {
    const len = Math.hypot(w.b[0] - w.a[0], w.b[1] - w.a[1]);
    const ex = (w.b[0] - w.a[0]) / len;
    const ey = (w.b[1] - w.a[1]) / len;
    const ts = pts.map(([px, py]) => (x + px - w.a[0]) * ex + (y + py - w.a[1]) * ey);
    if (Math.max(...ts) <= 0 || Math.min(...ts) >= len) continue;
    const d = (x - w.a[0]) * w.normal[0] + (y - w.a[1]) * w.normal[1];
    const reach = Math.max(...pts.map(([px, py]) => -(px * w.normal[0] + py * w.normal[1])));
    out.push({ wall: w, gap: d - reach });
  }
  return out.sort((a, b) => Math.abs(a.gap) - Math.abs(b.gap));
}

/** Plan gap (m) between two rectangles: 0 when they touch or overlap. */
export function rectGap(a: Rect, b: Rect): number {
  const gx = Math.max(0, a.minX - b.maxX, b.minX - a.maxX);
  const gy = Math.max(0, a.minY - b.maxY, b.minY - a.maxY);
  return Math.hypot(gx, gy);
}

/**
 * A turn's yaw (deg) snapped to the nearest multiple of `stepDeg` of the room frame (absolute, not relative to where
 * the turn began), normalised to (-180, 180]; `stepDeg` null or <= 0 leaves it unchanged.
 */
export function snapYaw(yawDeg: number, stepDeg: number | null = ANGLE_SNAP_DEG): number {
  if (!stepDeg || stepDeg <= 0) return yawDeg;
  let a = (Math.round(yawDeg / stepDeg) * stepDeg) % 360;
  if (a <= -180) a += 360;
  if (a > 180) a -= 360;
  // Rounded to 1e-9 deg so that steps read back as 15, not 15.000000000000002.
  a = Math.round(a * 1e9) / 1e9;
  return Object.is(a, -0) ? 0 : a;
}

/**
 * The turn (deg, counter-clockwise about room +Z, in (-180, 180]) that carries the direction from `centre` to `from`
 * onto the direction from `centre` to `to` (room frame, m): how far a pointer dragged around a turn ring has turned
 * it. Null when either point is within `minRadius` m of the centre, where the direction is not defined.
 */
export function turnAround(centre: Point2, from: Point2, to: Point2, minRadius = 0.02): number | null {
  const [ax, ay] = [from[0] - centre[0], from[1] - centre[1]];
  const [bx, by] = [to[0] - centre[0], to[1] - centre[1]];
  if (Math.hypot(ax, ay) < minRadius || Math.hypot(bx, by) < minRadius) return null;
  const deg = (Math.atan2(ax * by - ay * bx, ax * bx + ay * by) * 180) / Math.PI;
  return deg === -180 ? 180 : deg;
}

/** Step (deg) of a turn by the rotate gizmo: `ANGLE_SNAP_DEG` while grid snapping is on or Shift is held, else null (free). */
export function turnSnapStep(gridOn: boolean, shiftHeld: boolean): number | null {
  return gridOn || shiftHeld ? ANGLE_SNAP_DEG : null;
}

/**
 * Snap a dragged centre: first flush against the nearest wall within the threshold (and a second, crossing wall in
 * a corner), then each free axis to the nearest edge of another object (flush beside it or aligned with it), then
 * each still free axis to the grid. With `smart` off only the grid applies.
 */
export function snapPosition(input: SnapInput): SnapResult {
  const th = input.threshold ?? SNAP_DISTANCE;
  let { x, y } = input;
  const guides: SnapGuide[] = [];
  let lockX = false;
  let lockY = false;
  if (input.smart && input.footprint && input.footprint.length >= 3) {
    const used: Point2[] = [];
    for (const { wall, gap } of wallGaps(x, y, input.yawDeg, input.local, input.footprint)) {
      if (Math.abs(gap) > th) break;
      // A second wall only when it crosses the first (a corner), never the opposite wall of a narrow room.
      if (used.some((n) => Math.abs(n[0] * wall.normal[0] + n[1] * wall.normal[1]) > 0.5)) continue;
      x -= gap * wall.normal[0];
      y -= gap * wall.normal[1];
      used.push(wall.normal);
      guides.push({ kind: "wall", wall: wall.index, name: wall.name });
      if (Math.abs(wall.normal[0]) > 0.9) lockX = true;
      if (Math.abs(wall.normal[1]) > 0.9) lockY = true;
      if (used.length === 2) break;
    }
  }
  if (input.smart) {
    const r = placedRect(input.local, x, y, input.yawDeg);
    const near = (a0: number, a1: number, b0: number, b1: number) => Math.max(a0, b0) - Math.min(a1, b1) < 1.0;
    const best = { x: null as null | { d: number; id: string; at: number }, y: null as null | { d: number; id: string; at: number } };
    for (const o of input.others) {
      const q = o.rect;
      if (!lockX && near(r.minY, r.maxY, q.minY, q.maxY)) {
        for (const [d, at] of [[q.minX - r.maxX, q.minX], [q.maxX - r.minX, q.maxX], [q.minX - r.minX, q.minX], [q.maxX - r.maxX, q.maxX]]) {
          if (Math.abs(d) <= th && (!best.x || Math.abs(d) < Math.abs(best.x.d))) best.x = { d, id: o.id, at };
        }
      }
      if (!lockY && near(r.minX, r.maxX, q.minX, q.maxX)) {
        for (const [d, at] of [[q.minY - r.maxY, q.minY], [q.maxY - r.minY, q.maxY], [q.minY - r.minY, q.minY], [q.maxY - r.maxY, q.maxY]]) {
          if (Math.abs(d) <= th && (!best.y || Math.abs(d) < Math.abs(best.y.d))) best.y = { d, id: o.id, at };
        }
      }
    }
    if (best.x) {
      x += best.x.d;
      lockX = true;
      guides.push({ kind: "edge", with: best.x.id, axis: "x", at: best.x.at });
    }
    if (best.y) {
      y += best.y.d;
      lockY = true;
      guides.push({ kind: "edge", with: best.y.id, axis: "y", at: best.y.at });
    }
  }
  if (input.grid && input.grid > 0) {
    const g = input.grid;
    // Rounded to the grid, then to 1e-9 m so that 0.1 steps read back as 0.3, not 0.30000000000000004.
    const onGrid = (v: number) => Math.round(Math.round(v / g) * g * 1e9) / 1e9;
    if (!lockX) {
      x = onGrid(x);
      guides.push({ kind: "grid", axis: "x" });
    }
    if (!lockY) {
      y = onGrid(y);
      guides.push({ kind: "grid", axis: "y" });
    }
  }
  return { x, y, guides };
}
