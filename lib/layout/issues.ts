/**
 * Placement problems of a scene's objects judged on their built parts (per-part oriented boxes from the
 * runner, lib/layout/parts.ts), not on whole-object bounding boxes: a chair may stand under a table and a rug
 * under a sofa. Kinds: `collision` (parts of two objects interpenetrate), `floating` (not resting on the floor
 * or on a support surface of what it stands on), `wall` (a part goes into a wall), `outside` (the object is
 * outside the room or below the floor), `door_swing` (a floor object stands in a door's swing area).
 */
import { footprintPenetration, outsideDepth, penetrationDepth, pointInPolygon, toLocal, verticalOverlap, type Box } from "../geometry/box";
import { openingSegment, wallsOf } from "../geometry/room";
import type { Placement, PlacementIssue, Room, Scene, SceneObject, SupportSurface } from "../scene/schema";
import { builtSize, fallbackSurfaces, holdingSurfaces, localBottom, objectBox, partBoxes, supportSurfaces, type PlacedObject } from "./parts";

/** Penetration (m) of two parts beyond which they interpenetrate. */
export const PART_TOLERANCE_M = 0.015;
/**
 * Depth (m) beyond which a part goes into a wall. Walls are judged tighter than other objects: the room's floor
 * ends at the wall's inner face, and the mesh check counts an object with part of it over no floor as outside.
 */
export const WALL_TOLERANCE_M = 0.002;
/** Gap (m) between an object's bottom and its support beyond which it floats. */
export const REST_TOLERANCE_M = 0.02;
/** Height (m) of a door's swing area kept clear (a door leaf's height). */
export const DOOR_SWING_HEIGHT_M = 2.0;

const ALL = ["collision", "floating", "wall", "outside", "door_swing"] as const;

/** Door swing areas (room frame): a box as wide as the door and as deep as its leaf, inside the room. */
export function doorSwingAreas(room: Pick<Room, "footprint" | "openings">): Box[] {
  const walls = wallsOf(room.footprint);
  const out: Box[] = [];
  for (const o of room.openings) {
    if (o.kind !== "door") continue;
    const seg = openingSegment(walls, o);
    if (!seg) continue;
    const depth = Math.min(Math.max(o.width, 0.6), 1.0);
    out.push({ x: seg.center[0] + seg.wall.normal[0] * (depth / 2), y: seg.center[1] + seg.wall.normal[1] * (depth / 2), z: 0, yawDeg: seg.wall.yawIn, w: o.width, d: depth, h: DOOR_SWING_HEIGHT_M });
  }
  return out;
}

/** Ids `a` stands on, nearest first (at most 8). */
function supportChain(a: PlacedObject, byId: ReadonlyMap<string, PlacedObject>): string[] {
  const out: string[] = [];
  let cur: string | undefined = a.support;
  while (cur?.startsWith("on:") && out.length < 8) {
    const id = cur.slice(3);
    out.push(id);
    cur = byId.get(id)?.support;
  }
  return out;
}

/** Height (m) up to which a thin cover lies flat (a rug, a tablecloth) and may go under other things; taller thin covers (curtains, blinds) may not. */
export const FLAT_COVER_M = 0.05;

/** True for a flat thin cover (a rug under a sofa, a tablecloth under a vase). */
export function isFlatCover(o: Pick<PlacedObject, "route" | "targetSize" | "build">): boolean {
  return o.route === "thin_cover" && builtSize(o).h <= FLAT_COVER_M;
}

/** True when two objects may touch by design: one stands on the other (transitively), or one is a flat cover. */
function exempt(a: PlacedObject, b: PlacedObject, byId: ReadonlyMap<string, PlacedObject>): boolean {
  if (isFlatCover(a) || isFlatCover(b)) return true;
  return supportChain(a, byId).includes(b.id) || supportChain(b, byId).includes(a.id);
}

/**
 * Parts (room frame) of `sup` that rise from the height where `o` at `p` rests, or from above it: the upper block
 * of a stepped stand, a hutch on a desk's top, a back cushion on a seat. What `o` rests on may not go through
 * them. Parts reaching below that height (legs, the top it stands on, a dish's or tray's body around its inner
 * bottom, a bookshelf's uprights) hold or surround it and are left out.
 */
export function partsRisingAbove(sup: PlacedObject, o: PlacedObject, p: Placement): Box[] {
  const rest = p.z + localBottom(o);
  return partBoxes(sup).filter((b) => b.z >= rest - RISE_TOLERANCE_M);
}

/** How far (m) below the height where an object rests a part of its support may begin and still rise from that surface (a dish's 1 cm floor begins below it). */
export const RISE_TOLERANCE_M = 0.003;

/** True when some part of `o` at `p` interpenetrates a part of its direct support `sup` rising from where it rests (partsRisingAbove). */
function runsIntoOwnSupport(o: PlacedObject, p: Placement, sup: PlacedObject): boolean {
  const rising = partsRisingAbove(sup, o, p);
  if (!rising.length) return false;
  const mine = partBoxes(o, p);
  return mine.some((x) => rising.some((y) => penetrationDepth(x, y) > PART_TOLERANCE_M));
}

/**
 * True when some part of `a` interpenetrates some part of `b` by more than PART_TOLERANCE_M (penetrationDepth: a
 * thin post or leg standing inside a block counts by how deep it is in, as the mesh check measures it).
 */
export function partsCollide(a: PlacedObject, pa: Placement, b: PlacedObject, pb: Placement): boolean {
  if (penetrationDepth(objectBox(a, pa), objectBox(b, pb)) <= PART_TOLERANCE_M) return false;
  const qa = partBoxes(a, pa);
  const qb = partBoxes(b, pb);
  for (const x of qa) for (const y of qb) if (penetrationDepth(x, y) > PART_TOLERANCE_M) return true;
  return false;
}

/** Height (m, room frame) of the support surface of `sup` under point (x, y), nearest to `z`; null when none is under it. */
export function surfaceHeightUnder(sup: PlacedObject, x: number, y: number, z: number, surfaces: readonly SupportSurface[] = supportSurfaces(sup)): number | null {
  const frame: Box = { ...sup.placement, w: 0, d: 0, h: 0 };
  const [lx, ly] = toLocal(frame, x, y);
  let best: number | null = null;
  for (const s of surfaces) {
    if (lx < s.min[0] - 0.01 || lx > s.max[0] + 0.01 || ly < s.min[1] - 0.01 || ly > s.max[1] + 0.01) continue;
    const h = sup.placement.z + s.z;
    if (best === null || Math.abs(h - z) < Math.abs(best - z)) best = h;
  }
  return best;
}

/** Why `o` at `p` does not rest where it should, or null when it does. */
function floatingIssue(o: PlacedObject, p: Placement, byId: ReadonlyMap<string, PlacedObject>): PlacementIssue | null {
  const bottom = p.z + localBottom(o);
  if (o.support === "floor") {
    if (bottom > REST_TOLERANCE_M) return { kind: "floating", message: `${o.id} floats ${bottom.toFixed(2)} m above the floor.` };
    return null;
  }
  if (!o.support.startsWith("on:")) return null;
  const sup = byId.get(o.support.slice(3));
  if (!sup) return { kind: "floating", message: `${o.id} stands on ${o.support.slice(3)}, which is not in the scene.` };
  // Only surfaces that can hold it count (a pillow on a backrest's narrow top does not rest); an object that no
  // surface holds may rest on any but a recess it does not fit into (it lies across that one's rim).
  const holding = holdingSurfaces(sup, o);
  const h = surfaceHeightUnder(sup, p.x, p.y, bottom, holding.length ? holding : fallbackSurfaces(sup, o));
  if (h === null) return { kind: "floating", with: sup.id, message: `${o.id} is not over a surface of ${sup.id}.` };
  const gap = bottom - h;
  if (Math.abs(gap) > REST_TOLERANCE_M) return { kind: "floating", with: sup.id, message: gap > 0 ? `${o.id} floats ${gap.toFixed(2)} m above ${sup.id}.` : `${o.id} sinks ${(-gap).toFixed(2)} m into ${sup.id}.` };
  return null;
}

/** Room and openings as the checks need them. */
export type IssueRoom = Pick<Room, "footprint" | "openings">;

/**
 * Problems of `o` at placement `p` (default its own) among `others` (every other visible object of the scene)
 * in `room`. Pure; messages name the objects by id.
 */
export function issuesOf(o: PlacedObject, p: Placement, others: readonly PlacedObject[], room: IssueRoom | null, byIdIn?: ReadonlyMap<string, PlacedObject>): PlacementIssue[] {
  const byId = byIdIn ?? new Map([...others, o].map((x) => [x.id, x]));
  const out: PlacementIssue[] = [];
  const self = { ...o, placement: p };
  for (const b of others) {
    if (b.id === o.id) continue;
    if (exempt(self, b, byId)) {
      if (o.support === `on:${b.id}` && !isFlatCover(o) && !isFlatCover(b) && runsIntoOwnSupport(self, p, b)) out.push({ kind: "collision", with: b.id, message: `${o.id} runs into a part of ${b.id} it rests beside.` });
      continue;
    }
    if (partsCollide(self, p, b, b.placement)) out.push({ kind: "collision", with: b.id, message: `${o.id} runs into ${b.id}.` });
  }
  const f = floatingIssue(o, p, byId);
  if (f) out.push(f);
  if (room && room.footprint.length >= 3) {
    const box = objectBox(o, p);
    if (p.z + localBottom(o) < -REST_TOLERANCE_M) out.push({ kind: "outside", message: `${o.id} sinks ${(-(p.z + localBottom(o))).toFixed(2)} m below the floor.` });
    if (!pointInPolygon([box.x, box.y], room.footprint)) out.push({ kind: "outside", message: `${o.id} is outside the room.` });
    else {
      const depth = Math.max(...partBoxes(o, p).map((q) => outsideDepth(q, room.footprint)));
      if (depth > WALL_TOLERANCE_M) out.push({ kind: "wall", message: `${o.id} goes ${depth.toFixed(depth < 0.01 ? 3 : 2)} m into a wall.` });
    }
    if (o.support === "floor" && o.route !== "thin_cover") {
      for (const zone of doorSwingAreas(room)) {
        if (partBoxes(o, p).some((q) => verticalOverlap(q, zone) > PART_TOLERANCE_M && footprintPenetration(q, zone) > PART_TOLERANCE_M)) {
          out.push({ kind: "door_swing", message: `${o.id} stands in a door's swing area.` });
          break;
        }
      }
    }
  }
  return out;
}

/** Problems of every visible object of `scene` (id -> issues; objects without problems map to []). */
export function sceneIssues(scene: Pick<Scene, "objects" | "room">): Map<string, PlacementIssue[]> {
  const visible = scene.objects.filter((o) => !o.hidden);
  const byId = new Map<string, PlacedObject>(visible.map((o) => [o.id, o]));
  const out = new Map<string, PlacementIssue[]>();
  for (const o of visible) out.set(o.id, issuesOf(o, o.placement, visible, scene.room, byId));
  for (const o of scene.objects) if (!out.has(o.id)) out.set(o.id, []);
  return out;
}

/** The scene with each object's current `issues` filled in (for the API's JSON). */
export function withIssues<S extends Pick<Scene, "objects" | "room">>(scene: S): S {
  const all = sceneIssues(scene);
  return { ...scene, objects: scene.objects.map((o) => ({ ...o, issues: all.get(o.id) ?? [] })) };
}

/** One object with its current `issues` filled in, judged within `scene`. */
export function objectWithIssues(scene: Pick<Scene, "objects" | "room">, obj: SceneObject): SceneObject {
  const visible = scene.objects.filter((o) => !o.hidden && o.id !== obj.id);
  return { ...obj, issues: obj.hidden ? [] : issuesOf(obj, obj.placement, visible, scene.room) };
}

/** Counts of issues by kind over a scene (collisions counted once per pair). */
export function issueCounts(scene: Pick<Scene, "objects" | "room">): Record<(typeof ALL)[number], number> {
  const counts = Object.fromEntries(ALL.map((k) => [k, 0])) as Record<(typeof ALL)[number], number>;
  const pairs = new Set<string>();
  for (const [id, list] of sceneIssues(scene)) {
    for (const i of list) {
      if (i.kind === "collision") {
        const key = [id, i.with].sort().join("|");
        if (pairs.has(key)) continue;
        pairs.add(key);
      }
      counts[i.kind] += 1;
    }
  }
  return counts;
}
