/**
 * Geometric relation checks between object boxes and between an object and the room's architecture,
 * after the relation vocabulary of SceneEval (Tam et al., "SceneEval: Evaluating Semantic Coherence in
 * Text-Conditioned 3D Indoor Scene Synthesis", WACV 2026). SceneEval judges relations with a VLM/LLM over
 * renders; these are deterministic geometric proxies with the thresholds below (meters, degrees).
 *
 * Left/right are taken in the anchor's own frame: the anchor's front faces its local -Y, so its own right
 * side is local -X and its left side local +X (as for a person sitting on a sofa or lying in a bed).
 */
import type { Opening, Point2 } from "../scene/schema";
import { angleBetween, boxSegmentDistance, footprintGap, footprintPenetration, forward, pointInPolygon, corners, toLocal, type Box } from "./box";
import { centroid, openingSegment, wallsOf, type Wall } from "./room";

/** Thresholds of the relation checks (m, deg). */
export const REL = {
  /** "near": footprint gap at most this. */
  near: 1.5,
  /** "next to", "beside", "adjacent": footprint gap at most this. */
  nextTo: 0.75,
  /** left/right/front/behind: footprint gap at most this. */
  side: 2.0,
  /** "in front of": footprint gap at most this (a TV can be far in front of a sofa). */
  front: 3.0,
  /** "on": bottom of the subject within this of the anchor's top. */
  onZ: 0.06,
  /** "facing": angle between the subject's forward vector and the direction to the anchor. */
  facingDeg: 45,
  /** "around": gap at most this and facing the anchor within `aroundDeg`. */
  around: 0.9,
  aroundDeg: 60,
  /** "against wall": footprint within this of a wall. */
  againstWall: 0.15,
  /** "on wall": within this of a wall and lifted at least `onWallLift` off the floor. */
  onWall: 0.12,
  onWallLift: 0.25,
  /** "corner": within this of two adjacent walls. */
  corner: 0.45,
  /** "middle": center within max(middleMin, middleFrac * min(room w, d)) of the room centroid. */
  middleMin: 0.75,
  middleFrac: 0.2,
  /** near a door/window: footprint gap to the opening's wall segment at most this. */
  nearOpening: 1.2,
  /** under a window: at most this from the window's wall, overlapping its span. */
  underWindow: 0.6,
  /** "hang from ceiling": top within this of the ceiling. */
  ceiling: 0.12,
} as const;

/** The room as the relation checks see it. */
export interface RoomGeom {
  footprint: Point2[];
  wallHeight: number;
  openings: Opening[];
}

const top = (b: Box) => b.z + b.h;

/** Direction angle (deg) between b's forward vector and the direction from b to a point. */
function facingAngle(b: Box, px: number, py: number): number {
  return angleBetween(forward(b.yawDeg), [px - b.x, py - b.y]);
}

/** Subject's center lies inside the anchor's footprint expanded by `margin` (m). */
function centerOver(t: Box, a: Box, margin: number): boolean {
  const [lx, ly] = toLocal(a, t.x, t.y);
  return Math.abs(lx) <= a.w / 2 + margin && Math.abs(ly) <= a.d / 2 + margin;
}

/** "on": resting on the anchor's top (or on a thin anchor such as a rug) with its center over the anchor. */
export function isOn(t: Box, a: Box): boolean {
  if (!centerOver(t, a, 0.02)) return false;
  return Math.abs(t.z - top(a)) <= REL.onZ || (t.z >= a.z - 0.01 && t.z <= top(a) + REL.onZ && a.h <= 0.05);
}

/** "inside/within": center over the anchor, bottom lifted off the anchor's bottom and at most on its top (no interior geometry in a bounding-box proxy). */
export function isInside(t: Box, a: Box): boolean {
  if (!centerOver(t, a, 0.02)) return false;
  return t.z >= a.z + 0.01 && t.z <= top(a) + REL.onZ;
}

/** "above": bottom at or above the anchor's top, center over the anchor's footprint (0.3 m margin). */
export function isAbove(t: Box, a: Box): boolean {
  return t.z >= top(a) - 0.05 && centerOver(t, a, 0.3);
}

/** "under/below/beneath": footprints overlap and the subject's top is at or below the anchor's bottom (or it is a thin cover). */
export function isUnder(t: Box, a: Box): boolean {
  if (footprintPenetration(t, a) <= 0.02 && !centerOver(a, t, 0) && !centerOver(t, a, 0.1)) return false;
  return top(t) <= a.z + 0.05 || (t.h <= 0.05 && t.z <= a.z + 0.02);
}

/** "near" (gap <= 1.5 m). */
export function isNear(t: Box, a: Box): boolean {
  return footprintGap(t, a) <= REL.near;
}

/** "next to / beside / adjacent" (gap <= 0.75 m). */
export function isNextTo(t: Box, a: Box): boolean {
  return footprintGap(t, a) <= REL.nextTo;
}

/** "left of" in the anchor's own frame: center on the anchor's local +X side beyond a quarter of its width. */
export function isLeftOf(t: Box, a: Box): boolean {
  const [lx, ly] = toLocal(a, t.x, t.y);
  return lx >= a.w / 4 && Math.abs(ly) <= a.d / 2 + Math.max(t.w, t.d) / 2 + 0.5 && footprintGap(t, a) <= REL.side;
}

/** "right of" in the anchor's own frame (local -X side). */
export function isRightOf(t: Box, a: Box): boolean {
  const [lx, ly] = toLocal(a, t.x, t.y);
  return lx <= -a.w / 4 && Math.abs(ly) <= a.d / 2 + Math.max(t.w, t.d) / 2 + 0.5 && footprintGap(t, a) <= REL.side;
}

/** "in front of": center on the anchor's front (-Y) side, laterally within its width + 0.3 m. */
export function isInFront(t: Box, a: Box, maxGap: number = REL.front): boolean {
  const [lx, ly] = toLocal(a, t.x, t.y);
  return ly <= -a.d / 4 && Math.abs(lx) <= a.w / 2 + 0.3 && footprintGap(t, a) <= maxGap;
}

/** "behind": center on the anchor's back (+Y) side, laterally within its width + 0.3 m. */
export function isBehind(t: Box, a: Box): boolean {
  const [lx, ly] = toLocal(a, t.x, t.y);
  return ly >= a.d / 4 && Math.abs(lx) <= a.w / 2 + 0.3 && footprintGap(t, a) <= REL.side;
}

/** "facing": the subject's front points at the anchor's center within 45 deg (or its front ray crosses the anchor's footprint). */
export function isFacing(t: Box, a: Box): boolean {
  if (facingAngle(t, a.x, a.y) <= REL.facingDeg) return true;
  const f = forward(t.yawDeg);
  const cs = corners(a);
  for (let s = 0.25; s <= 8; s += 0.25) if (pointInPolygon([t.x + f[0] * s, t.y + f[1] * s], cs)) return true;
  return false;
}

/** "across from / opposite": the two face each other (each within 60 deg), or sit on opposite sides of the room center. */
export function isAcross(t: Box, a: Box, room?: RoomGeom): boolean {
  if (facingAngle(t, a.x, a.y) <= 60 && facingAngle(a, t.x, t.y) <= 60 && footprintGap(t, a) >= 0.3) return true;
  if (!room) return false;
  const c = centroid(room.footprint);
  const v1: Point2 = [t.x - c[0], t.y - c[1]];
  const v2: Point2 = [a.x - c[0], a.y - c[1]];
  return angleBetween(v1, v2) >= 135 && Math.hypot(...v1) > 0.5 && Math.hypot(...v2) > 0.5;
}

/** "around / surrounding": within 0.9 m of the anchor and facing it within 60 deg. */
export function isAround(t: Box, a: Box): boolean {
  return footprintGap(t, a) <= REL.around && facingAngle(t, a.x, a.y) <= REL.aroundDeg;
}

/** "along the long side": around the anchor and beside one of its long sides. */
export function isLongSide(t: Box, a: Box): boolean {
  if (footprintGap(t, a) > REL.around) return false;
  const [lx, ly] = toLocal(a, t.x, t.y);
  return a.w >= a.d ? Math.abs(ly) >= a.d / 2 && Math.abs(lx) <= a.w / 2 + 0.05 : Math.abs(lx) >= a.w / 2 && Math.abs(ly) <= a.d / 2 + 0.05;
}

/** "at the short side / head of": beside one of the anchor's short sides. */
export function isShortSide(t: Box, a: Box): boolean {
  if (footprintGap(t, a) > REL.around) return false;
  const [lx, ly] = toLocal(a, t.x, t.y);
  return a.w >= a.d ? Math.abs(lx) >= a.w / 2 && Math.abs(ly) <= a.d / 2 + 0.05 : Math.abs(ly) >= a.d / 2 && Math.abs(lx) <= a.w / 2 + 0.05;
}

/** "at the center of" an object: resting on/in it with the center within a quarter of its smaller side. */
export function isCenterOf(t: Box, a: Box): boolean {
  return isInside(t, a) && Math.hypot(t.x - a.x, t.y - a.y) <= Math.max(0.1, Math.min(a.w, a.d) / 4);
}

/** "between": the subject's center lies near the segment joining the two anchors' centers (within 0.6 m, strictly between). */
export function isBetween(t: Box, a: Box, b: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1e-6) return false;
  const s = ((t.x - a.x) * dx + (t.y - a.y) * dy) / len2;
  if (s <= 0.05 || s >= 0.95) return false;
  return Math.hypot(t.x - (a.x + s * dx), t.y - (a.y + s * dy)) <= 0.6;
}

/** Distance (m) from a box footprint to each wall. */
export function wallDistances(b: Box, walls: readonly Wall[]): number[] {
  const out: number[] = new Array(walls.length);
  for (let i = 0; i < walls.length; i++) out[i] = boxSegmentDistance(b, walls[i].a, walls[i].b);
  return out;
}

const wallCache = new WeakMap<readonly Point2[], Wall[]>();

/** Walls of a room footprint (memoised per footprint array). */
export function roomWalls(room: RoomGeom): Wall[] {
  let w = wallCache.get(room.footprint);
  if (!w) {
    w = wallsOf(room.footprint);
    wallCache.set(room.footprint, w);
  }
  return w;
}

/** "against the wall": footprint within 0.15 m of some wall. */
export function isAgainstWall(b: Box, room: RoomGeom): boolean {
  return Math.min(...wallDistances(b, roomWalls(room))) <= REL.againstWall;
}

/** "on the wall" (mounted): within 0.12 m of a wall and lifted at least 0.25 m off the floor. */
export function isOnWall(b: Box, room: RoomGeom): boolean {
  return b.z >= REL.onWallLift && Math.min(...wallDistances(b, roomWalls(room))) <= REL.onWall;
}

/** "in the corner": within 0.45 m of two adjacent walls. */
export function isInCorner(b: Box, room: RoomGeom): boolean {
  const walls = roomWalls(room);
  const d = wallDistances(b, walls);
  const n = walls.length;
  for (let i = 0; i < n; i++) if (d[i] <= REL.corner && d[(i + 1) % n] <= REL.corner) return true;
  return false;
}

/** "in the middle/center of the room": center within max(0.75 m, 0.2 x the room's smaller side) of the centroid. */
export function isInMiddle(b: Box, room: RoomGeom): boolean {
  const c = centroid(room.footprint);
  const xs = room.footprint.map((p) => p[0]);
  const ys = room.footprint.map((p) => p[1]);
  const minDim = Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  return Math.hypot(b.x - c[0], b.y - c[1]) <= Math.max(REL.middleMin, REL.middleFrac * minDim);
}

type Seg = NonNullable<ReturnType<typeof openingSegment>>;
const segCache = new WeakMap<RoomGeom, Record<string, Seg[]>>();

function openingsOf(room: RoomGeom, kind: "door" | "window"): Seg[] {
  let c = segCache.get(room);
  if (!c) {
    const walls = roomWalls(room);
    c = { door: [], window: [] };
    for (const o of room.openings) {
      const s = openingSegment(walls, o);
      if (s) c[o.kind].push(s);
    }
    segCache.set(room, c);
  }
  return c[kind];
}

/** Near a door/window: footprint gap to the opening's segment at most 1.2 m. */
export function isNearOpening(b: Box, room: RoomGeom, kind: "door" | "window"): boolean {
  return openingsOf(room, kind).some((s) => boxSegmentDistance(b, s.a, s.b) <= REL.nearOpening);
}

/** Under a window: within 0.6 m of the window's wall, with the footprint's span along the wall overlapping the window. */
export function isUnderWindow(b: Box, room: RoomGeom): boolean {
  return openingsOf(room, "window").some((s) => {
    const w = s.wall;
    if (boxSegmentDistance(b, w.a, w.b) > REL.underWindow) return false;
    const proj = corners(b).map((c) => (c[0] - w.a[0]) * w.dir[0] + (c[1] - w.a[1]) * w.dir[1]);
    const t0 = (s.a[0] - w.a[0]) * w.dir[0] + (s.a[1] - w.a[1]) * w.dir[1];
    const t1 = (s.b[0] - w.a[0]) * w.dir[0] + (s.b[1] - w.a[1]) * w.dir[1];
    return Math.min(Math.max(...proj), t1) - Math.max(Math.min(...proj), t0) > 0.05;
  });
}

/** In front of a door/window: inside the room within 2 m of the opening, laterally within its width + 0.5 m. */
export function isInFrontOfOpening(b: Box, room: RoomGeom, kind: "door" | "window"): boolean {
  return openingsOf(room, kind).some((s) => {
    const w = s.wall;
    const dx = b.x - s.center[0];
    const dy = b.y - s.center[1];
    const along = dx * w.dir[0] + dy * w.dir[1];
    const inward = dx * w.normal[0] + dy * w.normal[1];
    const width = Math.hypot(s.b[0] - s.a[0], s.b[1] - s.a[1]);
    return inward > 0 && inward <= 2.0 + Math.max(b.w, b.d) / 2 && Math.abs(along) <= width / 2 + 0.5;
  });
}

/** Across the room from a door/window: center in the half of the room away from the opening's wall. */
export function isAcrossFromOpening(b: Box, room: RoomGeom, kind: "door" | "window"): boolean {
  const c = centroid(room.footprint);
  return openingsOf(room, kind).some((s) => {
    const n = s.wall.normal;
    const depthC = (c[0] - s.center[0]) * n[0] + (c[1] - s.center[1]) * n[1];
    const depthB = (b.x - s.center[0]) * n[0] + (b.y - s.center[1]) * n[1];
    return depthB >= depthC;
  });
}

/** Facing a door/window: the front points at the opening's center within 60 deg. */
export function isFacingOpening(b: Box, room: RoomGeom, kind: "door" | "window"): boolean {
  return openingsOf(room, kind).some((s) => facingAngle(b, s.center[0], s.center[1]) <= 60);
}

/** Hanging from the ceiling: top within 0.12 m of the wall height. */
export function isAtCeiling(b: Box, room: RoomGeom): boolean {
  return b.z + b.h >= room.wallHeight - REL.ceiling;
}
