/**
 * Resting objects on what holds them and finding the nearest valid spot. An object `on:` another rests on
 * one of its measured support surfaces (lib/layout/parts.ts): the one it fits on (plan extent and free
 * height above), largest first, shelf boards first for shelved storage; a floor object stands at z = 0. The
 * nearest valid spot is searched in rings (10 cm steps, then 20 cm) around the requested one, judged by
 * lib/layout/issues.ts on the built parts.
 */
import { fromLocal, toLocal, type Box } from "../geometry/box";
import type { Placement, PlacementIssue, Room, SceneObject, Support, SupportSurface } from "../scene/schema";
import { issuesOf, REST_TOLERANCE_M, type IssueRoom } from "./issues";
import { builtSize, fallbackSurfaces, holdingSurfaces, isRecessed, isRound, localBottom, type PlacedObject } from "./parts";

/** Largest search distance (m) of the nearest valid spot. */
export const FIX_RADIUS_M = 3;

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const normYaw = (y: number) => r3(((y % 360) + 360) % 360);

/** A placement with coordinates rounded to 1 mm and yaw in [0, 360). */
function rounded(p: Placement): Placement {
  return { x: r3(p.x), y: r3(p.y), z: r3(p.z), yawDeg: r3(p.yawDeg) };
}

/** Candidate centres (local frame of the support) inside surface `s` for an object of half extents (hx, hy), nearest to `from` first. */
function slots(s: SupportSurface, hx: number, hy: number, from: [number, number]): [number, number][] {
  const lo = [s.min[0] + hx, s.min[1] + hy];
  const hi = [s.max[0] - hx, s.max[1] - hy];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [l, h, out] of [[lo[0], hi[0], xs], [lo[1], hi[1], ys]] as const) {
    if (h <= l) out.push((l + h) / 2);
    else for (let k = 0, n = Math.min(24, Math.ceil((h - l) / 0.05)); k <= n; k++) out.push(l + ((h - l) * k) / n);
  }
  const pts: [number, number][] = [];
  const clamp = (v: number, l: number, h: number) => (h <= l ? (l + h) / 2 : Math.min(Math.max(v, l), h));
  pts.push([clamp(from[0], lo[0], hi[0]), clamp(from[1], lo[1], hi[1])]);
  for (const x of xs) for (const y of ys) pts.push([x, y]);
  return pts.sort((a, b) => Math.hypot(a[0] - from[0], a[1] - from[1]) - Math.hypot(b[0] - from[0], b[1] - from[1]));
}

/** The rectangle inscribed in the ellipse of surface `s` (same centre and aspect; half axes over sqrt 2). */
function inscribed(s: SupportSurface): SupportSurface {
  const cx = (s.min[0] + s.max[0]) / 2;
  const cy = (s.min[1] + s.max[1]) / 2;
  const hx = (s.max[0] - s.min[0]) / 2 / Math.SQRT2;
  const hy = (s.max[1] - s.min[1]) / 2 / Math.SQRT2;
  return { ...s, min: [cx - hx, cy - hy], max: [cx + hx, cy + hy] };
}

/** Half extents (m) of an object of size `size` at relative yaw `dyaw` (deg) along the axes of its support. */
function halfExtents(size: { w: number; d: number }, dyaw: number): [number, number] {
  const r = (dyaw * Math.PI) / 180;
  const c = Math.abs(Math.cos(r));
  const s = Math.abs(Math.sin(r));
  return [(size.w * c + size.d * s) / 2, (size.w * s + size.d * c) / 2];
}

const BLOCKING: ReadonlySet<PlacementIssue["kind"]> = new Set(["collision", "wall", "outside", "door_swing", "floating"]);

/** The scene as the search sees it. */
export interface SearchScene {
  objects: readonly (SceneObject | (PlacedObject & { hidden?: boolean }))[];
  room: IssueRoom | Room | null;
}

function othersOf(scene: SearchScene, obj: PlacedObject): PlacedObject[] {
  // Objects standing on `obj` move with it: they never block it.
  return scene.objects.filter((o) => !o.hidden && o.id !== obj.id && o.support !== `on:${obj.id}`) as PlacedObject[];
}

/** True when `obj` at `p` has no placement problem. */
export function isValidAt(scene: SearchScene, obj: PlacedObject, p: Placement): boolean {
  return !issuesOf(obj, p, othersOf(scene, obj), scene.room).some((i) => BLOCKING.has(i.kind));
}

/**
 * Placement of `obj` (support `on:<id>`) resting on a surface of its support, as near as possible to `p` (default
 * its placement), clear of the other things there. Null when the support is missing or nothing fits anywhere.
 */
export function restOnSupport(scene: SearchScene, obj: PlacedObject, p: Placement = obj.placement): Placement | null {
  if (!obj.support.startsWith("on:")) return null;
  const sup = scene.objects.find((o) => o.id === obj.support.slice(3) && !o.hidden) as PlacedObject | undefined;
  if (!sup) return null;
  const frame: Box = { ...sup.placement, w: 0, d: 0, h: 0 };
  const from = toLocal(frame, p.x, p.y);
  const size = builtSize(obj);
  const others = othersOf(scene, obj);
  const surfaces = holdingSurfaces(sup, obj);
  const bottom = localBottom(obj);
  let fallback: Placement | null = null;
  // When no surface holds it, the most open one it does not go into the rim of (fallbackSurfaces).
  for (const s of surfaces.length ? surfaces : fallbackSurfaces(sup, obj).slice(0, 1)) {
    for (const yaw of [p.yawDeg, normYaw(p.yawDeg + 90)]) {
      const [hx, hy] = halfExtents(size, yaw - sup.placement.yawDeg);
      // In a round recess the centre stays in the rectangle inscribed in its ellipse.
      const region = isRound(s) && isRecessed(sup, s) ? inscribed(s) : s;
      for (const [lx, ly] of slots(region, Math.min(hx, (region.max[0] - region.min[0]) / 2), Math.min(hy, (region.max[1] - region.min[1]) / 2), from)) {
        const [x, y] = fromLocal(frame, lx, ly);
        const q = rounded({ x, y, z: sup.placement.z + s.z - bottom, yawDeg: yaw });
        fallback ??= q;
        if (!issuesOf(obj, q, others, scene.room).some((i) => i.kind === "collision" || i.kind === "floating")) return q;
      }
    }
  }
  return fallback;
}

/** Placement of a floor object standing on the floor (z such that its lowest point is at 0). */
function onFloor(obj: PlacedObject, p: Placement): Placement {
  return { ...p, z: r3(-localBottom(obj)) || 0 };
}

/**
 * The nearest valid placement of `obj` to `p` (default its own), with the support it ends on and whether it
 * moved. On-top objects rest on their support (or, when nothing of it holds them, on the floor); floor, wall
 * and ceiling objects are searched in rings at the same yaw, then (`opts.turn`) at yaw +90, +180, +270 deg (wall
 * objects slide along their wall). `found` is false when no valid spot lies within FIX_RADIUS_M (the placement is then `p`).
 */
export function nearestValidPlacement(scene: SearchScene, obj: PlacedObject, p: Placement = obj.placement, opts: { turn?: boolean } = {}): { placement: Placement; support: Support; found: boolean } {
  let support = obj.support as Support;
  if (support.startsWith("on:")) {
    const q = restOnSupport(scene, obj, p);
    if (q && isValidAt(scene, obj, q)) return { placement: q, support, found: true };
    const sup = scene.objects.find((o) => o.id === support.slice(3) && !o.hidden);
    if (q && sup) {
      const near = ringSearch(scene, obj, q, (v) => {
        const r = restOnSupport(scene, obj, v);
        return r && Math.abs(r.z - q.z) < REST_TOLERANCE_M ? r : null;
      }, 0.6, false);
      if (near) return { placement: near, support, found: true };
    }
    support = "floor";
    obj = { ...obj, support };
    p = { ...p, z: 0 };
  }
  const start = support === "floor" ? onFloor(obj, p) : p;
  if (isValidAt(scene, obj, start)) return { placement: rounded(start), support, found: true };
  const found = ringSearch(scene, obj, start, (q) => (support === "floor" ? onFloor(obj, q) : q), FIX_RADIUS_M, opts.turn ?? false);
  return found ? { placement: found, support, found: true } : { placement: p, support: obj.support as Support, found: false };
}

function ringSearch(scene: SearchScene, obj: PlacedObject, p: Placement, adjust: (q: Placement) => Placement | null, radius: number, turn: boolean): Placement | null {
  const alongWall = obj.support === "wall";
  for (const dyaw of alongWall || !turn ? [0] : [0, 90, 180, 270]) {
    const base = { ...p, yawDeg: dyaw ? normYaw(p.yawDeg + dyaw) : p.yawDeg };
    const first = dyaw ? adjust(base) : null;
    if (first && isValidAt(scene, obj, first)) return rounded(first);
    for (let r = 0.1; r <= radius + 1e-9; r += r < 1 ? 0.1 : 0.2) {
      const dirs: [number, number][] = [];
      if (alongWall) {
        const rad = (base.yawDeg * Math.PI) / 180;
        dirs.push([Math.cos(rad), Math.sin(rad)], [-Math.cos(rad), -Math.sin(rad)]);
      } else {
        const steps = Math.max(8, Math.round((2 * Math.PI * r) / (r < 1 ? 0.1 : 0.2)));
        for (let k = 0; k < steps; k++) dirs.push([Math.cos((2 * Math.PI * k) / steps), Math.sin((2 * Math.PI * k) / steps)]);
      }
      for (const [dx, dy] of dirs) {
        const q = adjust({ ...base, x: base.x + r * dx, y: base.y + r * dy });
        if (q && isValidAt(scene, obj, q)) return rounded(q);
      }
    }
  }
  return null;
}
