/**
 * The layout solver for one object: where a placing instruction ("to the left of the sofa", "in the corner",
 * "rotate 90 degrees", "add a plant") puts one object when the exact spot it asks for is not valid. The
 * solver's candidates (lib/layout/candidates.ts: along walls, in corners, on a grid, around anchors) plus a
 * neighbourhood of the requested spot are scored by the solver's scorer (lib/layout/score.ts: the requested
 * relations first, then placement habits) less the distance from the requested spot, and the best one that is
 * valid on the built parts (lib/layout/issues.ts) wins. The other objects stay where they are.
 */
import { type Box } from "../geometry/box";
import { wallsOf } from "../geometry/room";
import type { ObjectSpec, Placement, Relation, Room } from "../scene/schema";
import { categoryInfo } from "../vocab";
import { floorCandidates, wallCandidates } from "./candidates";
import { issuesOf, type IssueRoom } from "./issues";
import { builtSize, localBottom, objectBox, type PlacedObject } from "./parts";
import { scorer } from "./score";
import type { Item, SolveState } from "./state";

/** What a placing instruction asks for. */
export interface PlaceRequest {
  /** The spot asked for (room frame, m, deg). */
  want: Placement;
  /** Relations the spot should keep, with the object as subject (scored as the layout stage scores them). */
  relations?: readonly Relation[];
  /** Keep the yaw of `want` (a rotate keeps its new angle). */
  keepYaw?: boolean;
  /** Ids that do not block (objects moving together). */
  ignore?: readonly string[];
  /** Largest distance (m) from `want`; default 3. */
  radius?: number;
}

/** The chosen spot: `found` false when no valid spot lies within reach (the placement is then `want`). */
export interface PlaceResult {
  placement: Placement;
  found: boolean;
  /** Distance (m) from the requested spot. */
  moved: number;
  /** Ids of the objects the requested spot ran into (empty when it was valid or blocked only by walls/doors). */
  blockers: string[];
  /** Problems of the requested spot, as sentences. */
  problems: string[];
}

/** Weight (per m) of the distance from the requested spot against the solver's score (a relation is worth 10). */
const DISTANCE_WEIGHT = 4;
const BLOCKING = new Set(["collision", "wall", "outside", "door_swing"]);
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const normYaw = (y: number) => r3(((y % 360) + 360) % 360);

/** The scene as the one-object solver sees it. */
export interface PlaceScene {
  objects: readonly (PlacedObject & { hidden?: boolean; name?: string })[];
  room: (IssueRoom & Partial<Pick<Room, "wallHeight">>) | null;
}

function spec(o: PlacedObject, want: Placement | null): ObjectSpec {
  return {
    id: o.id, category: o.category, name: o.id, description: "", attributes: {} as ObjectSpec["attributes"], targetSize: builtSize(o), support: o.support,
    footprintId: null, zone: null, approxCenter: want ? [want.x, want.y] : null, approxYawDeg: want ? want.yawDeg : null,
  } as ObjectSpec;
}

/** Solver state with every other visible object placed where it is (its built bounding box). */
function stateOf(scene: PlaceScene, obj: PlacedObject, req: PlaceRequest): { st: SolveState; item: Item } {
  const room = scene.room!;
  const items = new Map<string, Item>();
  const boxes = new Map<string, Box>();
  for (const o of scene.objects) {
    if (o.hidden || o.id === obj.id || req.ignore?.includes(o.id)) continue;
    items.set(o.id, { id: o.id, spec: spec(o, null), size: builtSize(o), info: categoryInfo(o.category), support: o.support });
    boxes.set(o.id, objectBox(o));
  }
  const item: Item = { id: obj.id, spec: spec(obj, req.want), size: builtSize(obj), info: categoryInfo(obj.category), support: obj.support };
  items.set(obj.id, item);
  const relations = (req.relations ?? []).filter((r) => r.subject === obj.id);
  const st: SolveState = {
    room: { footprint: room.footprint.map((p) => [p[0], p[1]]), wallHeight: room.wallHeight ?? 2.6, openings: room.openings },
    walls: wallsOf(room.footprint),
    items,
    boxes,
    bySubject: new Map([[obj.id, relations]]),
    byAnchor: new Map(),
    clearZones: [],
    notes: [],
  };
  return { st, item };
}

/** Placement of `obj` whose built bounding box (centred on its footprint) is `b`. */
function placementOf(obj: PlacedObject, b: Box, want: Placement): Placement {
  const z = obj.support === "floor" ? -localBottom(obj) : obj.support === "wall" ? b.z - localBottom(obj) : want.z;
  return { x: r3(b.x), y: r3(b.y), z: r3(z) || 0, yawDeg: normYaw(b.yawDeg) };
}

/** Candidate boxes: a neighbourhood of the requested spot (rings of 10 cm, then 20 cm; floor objects) and the solver's own. */
function candidates(st: SolveState, item: Item, obj: PlacedObject, req: PlaceRequest, radius: number): Box[] {
  const { w, d, h } = item.size;
  const yaws = req.keepYaw || obj.support === "wall" ? [req.want.yawDeg] : [req.want.yawDeg, req.want.yawDeg + 90, req.want.yawDeg + 180, req.want.yawDeg + 270];
  const out: Box[] = [];
  const z = obj.support === "wall" ? req.want.z + localBottom(obj) : 0;
  for (const yaw of yaws) {
    out.push({ x: req.want.x, y: req.want.y, z, yawDeg: normYaw(yaw), w, d, h });
    // A wall object only slides along walls (the solver's wall candidates): a ring would take it off its wall.
    if (obj.support === "wall") continue;
    for (let r = 0.1; r <= Math.min(radius, 1.6) + 1e-9; r += r < 1 ? 0.1 : 0.2) {
      const steps = Math.max(8, Math.round((2 * Math.PI * r) / (r < 1 ? 0.1 : 0.2)));
      for (let k = 0; k < steps; k++) {
        const a = (2 * Math.PI * k) / steps;
        out.push({ x: req.want.x + r * Math.cos(a), y: req.want.y + r * Math.sin(a), z, yawDeg: normYaw(yaw), w, d, h });
      }
    }
  }
  const own = obj.support === "wall" ? wallCandidates(st, item, z) : floorCandidates(st, item);
  for (const b of own) {
    if (Math.hypot(b.x - req.want.x, b.y - req.want.y) > radius) continue;
    if (req.keepYaw && Math.abs(Math.sin(((b.yawDeg - req.want.yawDeg) * Math.PI) / 360)) > 1e-3) {
      out.push({ ...b, yawDeg: normYaw(req.want.yawDeg) });
      continue;
    }
    out.push(b);
  }
  return out;
}

/**
 * The best valid placement of `obj` (floor or wall object) for `req` in `scene`: `want` itself when it is valid,
 * else the solver's best-scoring valid candidate within `req.radius` (3 m). On-top and ceiling objects are not
 * searched (`found` false unless `want` is valid): they rest on their support (lib/layout/rest.ts).
 */
export function placeOne(scene: PlaceScene, obj: PlacedObject, req: PlaceRequest): PlaceResult {
  const others = scene.objects.filter((o) => !o.hidden && o.id !== obj.id && !req.ignore?.includes(o.id) && o.support !== `on:${obj.id}`);
  const problemsAt = (p: Placement) => issuesOf(obj, p, others, scene.room).filter((i) => BLOCKING.has(i.kind));
  const want = obj.support === "floor" ? { ...req.want, z: r3(-localBottom(obj)) || 0 } : req.want;
  const first = problemsAt(want);
  const blockers = [...new Set(first.filter((i) => i.kind === "collision" && i.with).map((i) => i.with!))];
  const base = { blockers, problems: first.map((i) => i.message) };
  if (!first.length) return { placement: want, found: true, moved: 0, ...base };
  if (!scene.room || scene.room.footprint.length < 3 || (obj.support !== "floor" && obj.support !== "wall")) return { placement: req.want, found: false, moved: 0, ...base };
  const radius = req.radius ?? 3;
  const { st, item } = stateOf(scene, obj, { ...req, want });
  const score = scorer(st, item);
  const ranked = candidates(st, item, obj, { ...req, want }, radius)
    .map((b) => ({ b, s: score(b) - DISTANCE_WEIGHT * Math.hypot(b.x - want.x, b.y - want.y) }))
    .sort((a, b) => b.s - a.s);
  for (const { b } of ranked) {
    const p = placementOf(obj, b, want);
    if (!problemsAt(p).length) return { placement: p, found: true, moved: r3(Math.hypot(p.x - want.x, p.y - want.y)), ...base };
  }
  return { placement: req.want, found: false, moved: 0, ...base };
}
