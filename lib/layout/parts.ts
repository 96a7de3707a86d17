/**
 * Built geometry of placed objects in the room frame: per-part oriented boxes and upward support surfaces
 * from the runner's build stats (DESIGN.md section 4), with the object's bounding box as the fallback for
 * objects built before parts were measured (or not built yet).
 */
import { fromLocal, type Box } from "../geometry/box";
import type { Placement, SceneObject, Size3, SupportSurface } from "../scene/schema";
import { categoryInfo } from "../vocab";

/** Families whose inside boards hold things (books on a shelf board rather than on top). */
const SHELVED = new Set(["bookshelf", "shelf", "cabinet", "wine_cabinet"]);

/** How much (m) an object may be larger than a recessed surface it rests in (half of it on each side, below the mesh check's 2 cm). */
export const RECESS_SLACK_M = 0.03;

/** What the geometry needs about an object. */
export type PlacedObject = Pick<SceneObject, "id" | "category" | "placement" | "targetSize" | "build" | "support" | "route">;

/** Size (m) of the built object (build stats), else its target size. */
export function builtSize(o: Pick<SceneObject, "targetSize" | "build">): Size3 {
  const s = o.build?.stats?.size;
  if (s && s.w > 0 && s.d > 0 && s.h > 0) return { w: s.w, d: s.d, h: s.h };
  return o.targetSize;
}

/** Lowest point (m) of the built geometry in the local frame (0 by the program contract; from stats when built). */
export function localBottom(o: Pick<SceneObject, "build">): number {
  return o.build?.stats?.bbox.min[2] ?? 0;
}

/** Room-frame box of a local axis-aligned box `[min, max]` (m) of an object at placement `p`. */
export function localBoxToRoom(p: Placement, min: readonly number[], max: readonly number[]): Box {
  const frame: Box = { x: p.x, y: p.y, z: p.z, yawDeg: p.yawDeg, w: 0, d: 0, h: 0 };
  const [x, y] = fromLocal(frame, (min[0] + max[0]) / 2, (min[1] + max[1]) / 2);
  return { x, y, z: p.z + min[2], yawDeg: p.yawDeg, w: Math.max(max[0] - min[0], 1e-4), d: Math.max(max[1] - min[1], 1e-4), h: Math.max(max[2] - min[2], 1e-4) };
}

/** Whole-object box (room frame): the built bbox when known, else the target size centred on the footprint. */
export function objectBox(o: PlacedObject, p: Placement = o.placement): Box {
  const b = o.build?.stats?.bbox;
  if (b && o.build.stats!.size.w > 0) return localBoxToRoom(p, b.min, b.max);
  const s = o.targetSize;
  return { x: p.x, y: p.y, z: p.z, yawDeg: p.yawDeg, w: s.w, d: s.d, h: s.h };
}

/** Per-part boxes (room frame) of an object at placement `p`; one box (the object's) when parts were not measured. */
export function partBoxes(o: PlacedObject, p: Placement = o.placement): Box[] {
  const parts = o.build?.stats?.partBoxes;
  if (!parts?.length) return [objectBox(o, p)];
  return parts.map((b) => localBoxToRoom(p, b.min, b.max));
}

/** Support surfaces (local frame) of an object: measured ones, else its bounding-box top with nothing above. */
export function supportSurfaces(o: Pick<SceneObject, "targetSize" | "build">): SupportSurface[] {
  const measured = o.build?.stats?.supportSurfaces;
  if (measured) return measured;
  const b = o.build?.stats?.bbox;
  if (b) return [{ z: b.max[2], min: [b.min[0], b.min[1]], max: [b.max[0], b.max[1]], area: (b.max[0] - b.min[0]) * (b.max[1] - b.min[1]), clearance: null }];
  const s = o.targetSize;
  return [{ z: s.h, min: [-s.w / 2, -s.d / 2], max: [s.w / 2, s.d / 2], area: s.w * s.d, clearance: null }];
}

/** Share of its plan rectangle below which a surface is round (an ellipse fills pi/4 = 0.785 of it, a square with rounded corners more than 0.95). */
export const ROUND_FILL = 0.9;

/** True when `s` is a recessed surface of `sup` (open above and below the object's top: a tray's, dish's or bowl's inner bottom, a seat below its backrest). */
export function isRecessed(sup: Pick<SceneObject, "build">, s: SupportSurface): boolean {
  const top = sup.build?.stats?.bbox.max[2] ?? null;
  return s.clearance === null && top !== null && s.z < top - 0.01;
}

/** True when `s` is round: its faces fill less than ROUND_FILL of its rectangle (a round dish's or bowl's bottom). */
export function isRound(s: SupportSurface): boolean {
  const rect = (s.max[0] - s.min[0]) * (s.max[1] - s.min[1]);
  return rect > 1e-9 && s.area / rect < ROUND_FILL;
}

/**
 * True when an object with plan outline `outline` (local frame, m: its footprint hull, else its rectangle) fits
 * inside the ellipse inscribed in the rectangle of `s` (grown by `slack` m), centred, turned by 0 or 90 degrees.
 */
export function fitsEllipse(s: SupportSurface, outline: readonly (readonly [number, number])[], slack = 0): boolean {
  const a = (s.max[0] - s.min[0] + slack) / 2;
  const b = (s.max[1] - s.min[1] + slack) / 2;
  if (a <= 0 || b <= 0 || !outline.length) return false;
  const xs = outline.map((q) => q[0]);
  const ys = outline.map((q) => q[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const inside = (turn: boolean) => outline.every(([x, y]) => {
    const [u, v] = turn ? [y - cy, x - cx] : [x - cx, y - cy];
    return (u / a) ** 2 + (v / b) ** 2 <= 1;
  });
  return inside(false) || inside(true);
}

/** Plan outline (local frame, m) of an object: its measured footprint hull, else its size's rectangle. */
export function planOutline(o: Pick<SceneObject, "targetSize" | "build">): [number, number][] {
  const hull = o.build?.stats?.footprint;
  if (hull && hull.length >= 3) return hull.map((q) => [q[0], q[1]]);
  const { w, d } = builtSize(o);
  return [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]];
}

/** Surfaces of `sup` that can hold `obj` (free height and plan extent; open above unless `sup` is shelved storage), best first (shelf boards first for shelved storage, then by area). */
export function holdingSurfaces(sup: PlacedObject, obj: Pick<SceneObject, "targetSize" | "build">): SupportSurface[] {
  const size = builtSize(obj);
  const shortSide = Math.min(size.w, size.d);
  const longSide = Math.max(size.w, size.d);
  const outline = planOutline(obj);
  const fits = (s: SupportSurface) => {
    const sw = s.max[0] - s.min[0];
    const sd = s.max[1] - s.min[1];
    // Up to a quarter of the object may overhang (a pillow on a seat cushion, a lamp base on a small top).
    // A ledge narrower than half the object's longer side (20 cm at most) does not hold it: a pillow tips off a
    // backrest's top, a mug stands on a sofa's arm.
    const a = Math.min(sw, sd) >= Math.max(shortSide * 0.75, Math.min(0.2, longSide * 0.5)) && Math.max(sw, sd) >= longSide * 0.75;
    // A recessed surface open above (a tray's or dish's inner bottom, a seat below its backrest) holds only what
    // fits inside it: an overhanging edge would go into the rim around it (up to RECESS_SLACK_M in all).
    // A round recess (a round dish) holds only what fits inside its ellipse: its rectangle's corners are rim.
    const recessed = isRecessed(sup, s);
    const inside = !recessed || (isRound(s) ? fitsEllipse(s, outline, RECESS_SLACK_M) : Math.min(sw, sd) >= shortSide - RECESS_SLACK_M && Math.max(sw, sd) >= longSide - RECESS_SLACK_M);
    return a && inside && (s.clearance === null || s.clearance >= size.h * 0.95);
  };
  const all = supportSurfaces(sup);
  const shelved = SHELVED.has(categoryInfo(sup.category).family);
  // Only shelved storage holds things under something of its own (a board); elsewhere a covered surface is
  // inside the object (a drawer's top inside a dresser).
  const good = all.filter((s) => fits(s) && (shelved || s.clearance === null));
  good.sort((a, b) => (shelved ? Number(b.clearance !== null) - Number(a.clearance !== null) : 0) || b.area - a.area);
  return good;
}

/**
 * Surfaces `obj` may rest on when none of `sup` holds it (holdingSurfaces is empty): the most open first, leaving
 * out a recess it does not fit into (its edge would go into the rim: a board too big for a round dish) and a
 * covered surface too low for it (it would stand inside `sup`: a base under a stuffed animal's body). When only
 * recesses too small for it were left out, the top of `sup`'s bounding box (across the rim); else possibly none (a
 * lamp has no surface: what was put on it goes elsewhere). Local frame of `sup`.
 */
export function fallbackSurfaces(sup: PlacedObject, obj: Pick<SceneObject, "targetSize" | "build">): SupportSurface[] {
  const size = builtSize(obj);
  const outline = planOutline(obj);
  const fitsRecess = (s: SupportSurface) => {
    if (!isRecessed(sup, s)) return true;
    if (isRound(s)) return fitsEllipse(s, outline, RECESS_SLACK_M);
    const sw = s.max[0] - s.min[0];
    const sd = s.max[1] - s.min[1];
    return Math.min(sw, sd) >= Math.min(size.w, size.d) - RECESS_SLACK_M && Math.max(sw, sd) >= Math.max(size.w, size.d) - RECESS_SLACK_M;
  };
  const clearance = (s: SupportSurface) => (s.clearance === null ? Infinity : s.clearance);
  const all = supportSurfaces(sup);
  const open = all
    .filter((s) => fitsRecess(s) && (s.clearance === null || s.clearance >= size.h * 0.95))
    .sort((a, b) => (clearance(a) === clearance(b) ? (a.clearance === null ? b.z - a.z : 0) || b.area - a.area : clearance(b) - clearance(a)));
  if (open.length) return open;
  const bb = sup.build?.stats?.bbox;
  if (!bb || !all.some((s) => !fitsRecess(s))) return [];
  return [{ z: bb.max[2], min: [bb.min[0], bb.min[1]], max: [bb.max[0], bb.max[1]], area: (bb.max[0] - bb.min[0]) * (bb.max[1] - bb.min[1]), clearance: null }];
}
