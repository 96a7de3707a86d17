/**
 * Placement targets for moves (room frame, m, deg): against a wall, to a window or door, to the centre
 * or a corner, beside/in front of/behind another object, onto a surface, plus conflict-free nudging and
 * carrying objects that stand on a moved object.
 */
import type { Placement, Relation, Scene, SceneObject, Support } from "../scene/schema";
import { normalizeYaw } from "../frames";
import { findConflicts } from "../layout/check";
import { placeOne } from "../layout/place";
import {
  boundsOf,
  centroidOf,
  localToRoom,
  nearestWall,
  objectSize,
  pointSegment,
  rotate,
  rotatedHalfExtents,
  roundPlacement,
  wallsOf,
  yawFacing,
  type Vec2,
  type Wall,
} from "./geometry";

/** Gap (m) kept between an object's back and the wall it is pushed against. */
export const WALL_GAP_M = 0.02;
/** Gap (m) between neighbours placed side by side. */
export const SIDE_GAP_M = 0.05;

const SIDE_TO_COMPASS: Record<string, Wall["side"]> = {
  north: "north", south: "south", east: "east", west: "west", left: "west", right: "east", front: "south", back: "north",
};

/** Picks a wall by side word ("north", "left" = west, "back" = north, "nearest", "far"/"opposite"); null side -> nearest to p. */
export function pickWall(footprint: readonly Vec2[], side: string | null, p: Vec2): Wall {
  const walls = wallsOf(footprint);
  if (side && SIDE_TO_COMPASS[side]) {
    const same = walls.filter((w) => w.side === SIDE_TO_COMPASS[side]);
    if (same.length) return same.sort((a, b) => b.length - a.length)[0];
  }
  const near = nearestWall(footprint, p);
  if (side === "far" || side === "opposite" || side === "other") {
    const opposite = walls.filter((w) => w.inward[0] * near.inward[0] + w.inward[1] * near.inward[1] < -0.9);
    if (opposite.length) return opposite[0];
  }
  return near;
}

/** Placement with the object's back against `wall` at parameter `t` along it (clamped so it fits), facing into the room. */
export function againstWall(obj: SceneObject, wall: Wall, along: Vec2): Placement {
  const size = objectSize(obj);
  const yaw = yawFacing(wall.inward[0], wall.inward[1]);
  const { t } = pointSegment(along, wall.a, wall.b);
  const half = size.w / 2;
  const s = Math.max(Math.min(t * wall.length, wall.length - half), Math.min(half, wall.length / 2));
  const base: Vec2 = [wall.a[0] + ((wall.b[0] - wall.a[0]) * s) / wall.length, wall.a[1] + ((wall.b[1] - wall.a[1]) * s) / wall.length];
  const inset = obj.support === "wall" ? size.d / 2 : size.d / 2 + WALL_GAP_M;
  return { x: base[0] + wall.inward[0] * inset, y: base[1] + wall.inward[1] * inset, z: obj.placement.z, yawDeg: yaw };
}

/** Placement in a corner of the footprint's bounding box ("north-east", "back left", "nearest"...), back to the longer adjacent wall. */
export function inCorner(scene: Scene, obj: SceneObject, side: string | null): Placement {
  const fp = scene.room!.footprint;
  const bb = boundsOf(fp);
  const size = objectSize(obj);
  const s = side ?? "";
  const east = /east|right/.test(s) ? true : /west|left/.test(s) ? false : obj.placement.x >= (bb.minX + bb.maxX) / 2;
  const north = /north|back|far/.test(s) ? true : /south|front/.test(s) ? false : obj.placement.y >= (bb.minY + bb.maxY) / 2;
  const wallSide: Wall["side"] = bb.maxX - bb.minX >= bb.maxY - bb.minY ? (north ? "north" : "south") : east ? "east" : "west";
  const inward: Vec2 = wallSide === "north" ? [0, -1] : wallSide === "south" ? [0, 1] : wallSide === "east" ? [-1, 0] : [1, 0];
  const yaw = yawFacing(inward[0], inward[1]);
  const [hx, hy] = rotatedHalfExtents(size, yaw);
  return {
    x: east ? bb.maxX - hx - WALL_GAP_M : bb.minX + hx + WALL_GAP_M,
    y: north ? bb.maxY - hy - WALL_GAP_M : bb.minY + hy + WALL_GAP_M,
    z: obj.placement.z,
    yawDeg: yaw,
  };
}

/** Placement centred in the room, keeping yaw. */
export function atCentre(scene: Scene, obj: SceneObject): Placement {
  const c = centroidOf(scene.room!.footprint);
  return { ...obj.placement, x: c[0], y: c[1] };
}

/** Placement beside an anchor object: "left"/"right" (anchor's own sides, backs aligned), "front", "behind", "across" (facing it). */
export function besideAnchor(obj: SceneObject, anchor: SceneObject, relation: "left" | "right" | "front" | "behind" | "across"): Placement {
  const a = objectSize(anchor);
  const s = objectSize(obj);
  let local: Vec2;
  let yaw = anchor.placement.yawDeg;
  if (relation === "left") local = [-(a.w / 2 + s.w / 2 + SIDE_GAP_M), a.d / 2 - s.d / 2];
  else if (relation === "right") local = [a.w / 2 + s.w / 2 + SIDE_GAP_M, a.d / 2 - s.d / 2];
  else if (relation === "front") local = [0, -(a.d / 2 + s.d / 2 + 0.35)];
  else if (relation === "behind") local = [0, a.d / 2 + s.d / 2 + SIDE_GAP_M];
  else {
    local = [0, -(a.d / 2 + s.d / 2 + 1.8)];
    yaw = normalizeYaw(anchor.placement.yawDeg + 180);
  }
  const [x, y] = localToRoom(anchor.placement, local);
  return { x, y, z: obj.support.startsWith("on:") ? 0 : obj.placement.z, yawDeg: yaw };
}

/** Placement on top of an anchor (support `on:<anchor>`, z = anchor top), nudged off other things already there. */
export function ontoAnchor(scene: Scene, obj: SceneObject, anchor: SceneObject): { placement: Placement; support: Support } {
  const a = objectSize(anchor);
  const others = scene.objects.filter((o) => o.support === `on:${anchor.id}` && o.id !== obj.id);
  const slots: Vec2[] = [[0, 0], [a.w / 4, 0], [-a.w / 4, 0], [a.w / 3, a.d / 6], [-a.w / 3, a.d / 6]];
  let best: Vec2 = slots[0];
  let bestD = -1;
  for (const sl of slots) {
    const p = localToRoom(anchor.placement, sl);
    const d = others.length ? Math.min(...others.map((o) => Math.hypot(o.placement.x - p[0], o.placement.y - p[1]))) : Infinity;
    if (d > bestD) {
      bestD = d;
      best = sl;
    }
    if (d === Infinity) break;
  }
  const [x, y] = localToRoom(anchor.placement, best);
  return { placement: { x, y, z: anchor.placement.z + a.h, yawDeg: anchor.placement.yawDeg }, support: `on:${anchor.id}` };
}

/** Clamps a floor object's placement so its rotated footprint stays inside the room's bounding box. */
export function clampInside(scene: Scene, obj: SceneObject, p: Placement): Placement {
  if (!scene.room || obj.support === "wall") return p;
  const bb = boundsOf(scene.room.footprint);
  const [hx, hy] = rotatedHalfExtents(objectSize(obj), p.yawDeg);
  const cx = bb.maxX - bb.minX < 2 * hx ? (bb.minX + bb.maxX) / 2 : Math.min(Math.max(p.x, bb.minX + hx), bb.maxX - hx);
  const cy = bb.maxY - bb.minY < 2 * hy ? (bb.minY + bb.maxY) / 2 : Math.min(Math.max(p.y, bb.minY + hy), bb.maxY - hy);
  return { ...p, x: cx, y: cy };
}

/** Largest distance (m) the conflict-free search moves an object from its requested spot. */
export const FREE_SPOT_RADIUS_M = 2.5;

/**
 * Finds a valid placement near `p` for `obj`, ignoring `ignore` ids (objects moving together). Floor and wall
 * objects in a room get the layout solver's best valid spot for this one object (lib/layout/place.ts: judged on
 * the built parts, walls and door swings, scored by the requested `opts.relations`, placement habits and the
 * distance from `p`, same yaw); other objects get conflict-free rings of 10 cm up to FREE_SPOT_RADIUS_M judged
 * by the layout's `findConflicts` (lib/layout/check.ts). Returns `p` itself when it is valid, or with
 * `free: false` when nothing is; `checkOnly` tests `p` without searching; `blockers` are the ids `p` ran into.
 */
export function findFreeSpot(
  scene: Scene,
  obj: SceneObject,
  p: Placement,
  ignore: readonly string[] = [],
  opts: { checkOnly?: boolean; relations?: readonly Relation[] } = {},
): { placement: Placement; free: boolean; blockers?: string[] } {
  if (scene.room && scene.room.footprint.length >= 3 && (obj.support === "floor" || obj.support === "wall")) {
    const r = placeOne(scene, obj, { want: p, ignore, keepYaw: true, radius: opts.checkOnly ? 0 : FREE_SPOT_RADIUS_M, relations: opts.relations });
    if (!r.found) return { placement: p, free: false, blockers: r.blockers };
    if (r.moved === 0 && Math.abs(r.placement.z - p.z) < 1e-6 && r.placement.yawDeg === p.yawDeg) return { placement: p, free: true, blockers: [] };
    return { placement: opts.checkOnly ? p : r.placement, free: !opts.checkOnly, blockers: r.blockers };
  }
  return findFreeSpotByBoxes(scene, obj, p, ignore, opts);
}

function findFreeSpotByBoxes(scene: Scene, obj: SceneObject, p: Placement, ignore: readonly string[], opts: { checkOnly?: boolean }): { placement: Placement; free: boolean } {
  const size = objectSize(obj);
  const reach = (s: { w: number; d: number }) => Math.hypot(s.w, s.d) / 2;
  const others = scene.objects
    .filter((o) => !o.hidden && o.id !== obj.id && !ignore.includes(o.id) && o.support !== `on:${obj.id}`)
    .map((o) => ({ id: o.id, placement: o.placement, size: objectSize(o), support: o.support, thin: o.route === "thin_cover" }));
  const fp = scene.room?.footprint;
  const self = { id: obj.id, size, support: obj.support, thin: obj.route === "thin_cover" };
  const ok = (q: Placement) => {
    const near = others.filter((o) => Math.hypot(o.placement.x - q.x, o.placement.y - q.y) < reach(o.size) + reach(size) + 0.05);
    const c = findConflicts([{ ...self, placement: q }, ...near], fp && fp.length >= 3 ? fp : [[-1e6, -1e6], [1e6, -1e6], [1e6, 1e6], [-1e6, 1e6]]);
    if (c.collisions.some(([a, b]) => a === obj.id || b === obj.id)) return false;
    return obj.support === "wall" || !c.outOfBounds.includes(obj.id);
  };
  if (ok(p)) return { placement: p, free: true };
  if (opts.checkOnly) return { placement: p, free: false };
  for (let r = 0.1; r <= FREE_SPOT_RADIUS_M + 1e-9; r += r < 1 ? 0.1 : 0.2) {
    const steps = Math.max(8, Math.round((2 * Math.PI * r) / (r < 1 ? 0.1 : 0.2)));
    for (let k = 0; k < steps; k++) {
      const ang = (2 * Math.PI * k) / steps;
      const q = roundPlacement({ ...p, x: p.x + r * Math.cos(ang), y: p.y + r * Math.sin(ang) });
      if (ok(q)) return { placement: q, free: true };
    }
  }
  return { placement: p, free: false };
}

/** New placements (m, deg) of the objects standing on `obj` when it moves from `from` to `to` (rigid transform). */
export function carried(scene: Scene, obj: SceneObject, from: Placement, to: Placement): { id: string; placement: Placement }[] {
  const dz = to.z - from.z;
  const dyaw = to.yawDeg - from.yawDeg;
  return scene.objects
    .filter((o) => o.support === `on:${obj.id}`)
    .map((o) => {
      const rel = rotate([o.placement.x - from.x, o.placement.y - from.y], -from.yawDeg);
      const [x, y] = localToRoom(to, rel);
      return { id: o.id, placement: roundPlacement({ x, y, z: o.placement.z + dz, yawDeg: normalizeYaw(o.placement.yawDeg + dyaw) }) };
    });
}
