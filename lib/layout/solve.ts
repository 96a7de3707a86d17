/**
 * The offline layout stage: a deterministic greedy solver. Objects are placed one at a time (anchors before
 * the objects related to them, large before small) at the best-scoring feasible candidate pose: candidates
 * along walls, in corners, on a grid and around anchors; feasibility = inside the footprint, no intersection
 * beyond 5 mm with placed objects, door zones clear; score = satisfied relations (lib/geometry/relations)
 * plus placement habits by family. If a floor object finds no feasible pose, the room grows by 15% and the
 * layout restarts (at most 4 times).
 */
import { boxesIntersect, fromLocal, type Box } from "../geometry/box";
import { relationHolds } from "../geometry/relation-check";
import { centroid, rectFootprint, wallsOf } from "../geometry/room";
import type { ObjectSpec, Opening, Placement, Point2, Relation, StructureSpec, Support } from "../scene/schema";
import { categoryInfo } from "../vocab";
import { anchorCandidates, floorCandidates, wallCandidates, wallMountZ } from "./candidates";
import { mountOf } from "./mount";
import { defaultOpenings } from "./openings";
import { feasible, scorer } from "./score";
import type { Item, SolveState } from "./state";

const SHELVED = new Set(["bookshelf", "shelf", "cabinet", "wine_cabinet"]);

/**
 * True for flat floor coverings (rugs, bath mats, door mats, yoga mats): they lie on the floor, also when the
 * structure put them on a piece of furniture they are beside ("a bath mat by the tub"); place and table mats excepted.
 */
export function restsOnFloor(category: string): boolean {
  const info = categoryInfo(category);
  return info.family === "rug" && info.support === "floor" && !info.surface && !/(^|_)(place|table)_?mat|placemat/.test(category);
}

/** Families with a table or counter top, on which a mat or runner lies when the structure puts it there. */
const WORK_TOPS = new Set(["dining_table", "coffee_table", "side_table", "console_table", "desk", "kitchen_counter", "kitchen_island", "sideboard", "vanity"]);

/**
 * True when a floor covering put `on:` a table or counter top fits that top ("a bamboo mat on the countertop",
 * "a linen runner on the table"): it lies there. A rug larger than the top, or one beside a tub or bed, does not.
 */
function liesOnTop(o: ObjectSpec, spec: StructureSpec): boolean {
  const top = spec.objects.find((x) => `on:${x.id}` === o.support);
  if (!top || !WORK_TOPS.has(categoryInfo(top.category).family)) return false;
  const [a, b] = [Math.max(o.targetSize.w, o.targetSize.d), Math.min(o.targetSize.w, o.targetSize.d)];
  return a <= Math.max(top.targetSize.w, top.targetSize.d) + 1e-6 && b <= Math.min(top.targetSize.w, top.targetSize.d) + 1e-6;
}

/** Wall thickness (m) of the room shell. */
export const WALL_THICKNESS = 0.12;

/** Result of the layout stage. */
export interface LayoutResult {
  footprint: [number, number][];
  wallHeight: number;
  wallThickness: number;
  openings: Opening[];
  placements: Record<string, Placement>;
  supports: Record<string, Support>;
  notes: string[];
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Best-scoring candidates of an anchor that are checked for room for the things placed relative to it. */
const LOOKAHEAD_CANDIDATES = 40;
/** Score (a satisfied relation is worth 10) of leaving room for one relation of a thing not yet placed. */
const LOOKAHEAD_WEIGHT = 8;
/** Relations of a thing on a surface to another thing on the same surface that need room on one side. */
const SIDE_RELATIONS = new Set(["left", "right", "front", "behind", "next_to", "near", "between"]);

function pick(st: SolveState, item: Item, cands: Box[], lookahead?: (c: Box) => number): Box | null {
  const score = scorer(st, item);
  const ranked: { c: Box; s: number }[] = [];
  for (const c of cands) if (feasible(st, item, c)) ranked.push({ c, s: score(c) });
  if (ranked.length === 0) return null;
  // Stable: the first of equal scores wins, as in a plain arg-max.
  ranked.sort((a, b) => b.s - a.s);
  if (!lookahead) return ranked[0].c;
  let best = ranked[0];
  let bestScore = -Infinity;
  for (const r of ranked.slice(0, LOOKAHEAD_CANDIDATES)) {
    const s = r.s + lookahead(r.c);
    if (s > bestScore + 1e-9) {
      best = r;
      bestScore = s;
    }
  }
  return best.c;
}

/** Placement order: anchors before dependents, then larger first; ids break ties. */
function order(items: Item[], relations: Relation[]): Item[] {
  const deps = new Map<string, Set<string>>();
  const ids = new Set(items.map((i) => i.id));
  for (const it of items) deps.set(it.id, new Set());
  for (const r of relations) {
    if (!ids.has(r.subject) || !ids.has(r.anchor)) continue;
    deps.get(r.subject)!.add(r.anchor);
    if (r.anchor2 && ids.has(r.anchor2)) deps.get(r.subject)!.add(r.anchor2);
  }
  for (const it of items) if (it.support.startsWith("on:") && ids.has(it.support.slice(3))) deps.get(it.id)!.add(it.support.slice(3));
  // Something centred on its support takes the centre before its neighbours on that surface are placed.
  const centred = new Set(relations.filter((r) => r.type === "middle" && items.some((i) => i.id === r.subject && i.support === `on:${r.anchor}`)).map((r) => r.subject));
  const area = (i: Item) => i.size.w * i.size.d * (i.info.route === "thin_cover" ? 0.3 : 1) + (categoryInfo(i.spec.category).family === "bed" ? 10 : 0) + (centred.has(i.id) ? 5 : 0);
  const out: Item[] = [];
  const done = new Set<string>();
  const rest = [...items];
  while (rest.length > 0) {
    const ready = rest.filter((i) => [...deps.get(i.id)!].every((d) => done.has(d) || !rest.some((r) => r.id === d)) || [...deps.get(i.id)!].every((d) => done.has(d)));
    const pool = ready.length > 0 ? ready : rest;
    pool.sort((a, b) => area(b) - area(a) || (a.id < b.id ? -1 : 1));
    const next = pool[0];
    out.push(next);
    done.add(next.id);
    rest.splice(rest.indexOf(next), 1);
  }
  return out;
}

function indexRelations(relations: Relation[]) {
  const bySubject = new Map<string, Relation[]>();
  const byAnchor = new Map<string, Relation[]>();
  for (const r of relations) {
    if (!bySubject.has(r.subject)) bySubject.set(r.subject, []);
    bySubject.get(r.subject)!.push(r);
    if (!byAnchor.has(r.anchor)) byAnchor.set(r.anchor, []);
    byAnchor.get(r.anchor)!.push(r);
  }
  return { bySubject, byAnchor };
}

function doorZones(st: SolveState): Box[] {
  const zones: Box[] = [];
  for (const o of st.room.openings) {
    if (o.kind !== "door") continue;
    const wall = st.walls[o.wall];
    if (!wall) continue;
    const depth = 0.9;
    const x = wall.a[0] + wall.dir[0] * o.offset + wall.normal[0] * (depth / 2);
    const y = wall.a[1] + wall.dir[1] * o.offset + wall.normal[1] * (depth / 2);
    zones.push({ x, y, z: 0, yawDeg: wall.yawIn, w: o.width + 0.1, d: depth, h: 2.1 });
  }
  return zones;
}

/**
 * Lookahead for a floor item that other floor things are placed beside ("two side tables flank the sofa", "a
 * screen behind the bench"): per candidate, LOOKAHEAD_WEIGHT for each such relation that one of the other
 * thing's candidates around the item would then satisfy, feasibly. Undefined when nothing waits on the item.
 */
function floorLookahead(st: SolveState, item: Item): ((c: Box) => number) | undefined {
  const waiting = (st.byAnchor.get(item.id) ?? []).filter((r) => SIDE_RELATIONS.has(r.type) && r.type !== "near" && !st.boxes.has(r.subject) && st.items.get(r.subject)?.support === "floor");
  if (waiting.length === 0) return undefined;
  return (c: Box) => {
    st.boxes.set(item.id, c);
    let bonus = 0;
    // Two things on the two sides of one anchor must not need the same spot: each found spot is kept for the next.
    const taken: Box[] = [];
    for (const r of waiting) {
      const dep = st.items.get(r.subject)!;
      const view = new Map(st.boxes);
      for (const b of anchorCandidates(st, dep, r, c)) {
        view.set(dep.id, b);
        if (relationHolds(r, view, st.room) && feasible(st, dep, b) && !taken.some((t) => boxesIntersect(t, b, 0.005))) {
          bonus += LOOKAHEAD_WEIGHT;
          taken.push(b);
          break;
        }
      }
    }
    st.boxes.delete(item.id);
    return bonus;
  };
}

function placeFloor(st: SolveState, item: Item): boolean {
  const best = pick(st, item, floorCandidates(st, item), floorLookahead(st, item));
  if (!best) return false;
  st.boxes.set(item.id, best);
  return true;
}

function placeWall(st: SolveState, item: Item): boolean {
  const fam = item.info.family;
  let z = wallMountZ(fam, item.size.h, st.room.wallHeight);
  const above = (st.bySubject.get(item.id) ?? []).find((r) => r.type === "above" && st.boxes.has(r.anchor));
  if (above) {
    const a = st.boxes.get(above.anchor)!;
    z = Math.max(z, Math.min(a.z + a.h + 0.2, st.room.wallHeight - item.size.h - 0.05));
  }
  for (const zz of [z, Math.max(0.3, z - 0.4), Math.min(st.room.wallHeight - item.size.h - 0.05, z + 0.4)]) {
    const best = pick(st, item, wallCandidates(st, item, zz));
    if (best) {
      st.boxes.set(item.id, best);
      return true;
    }
  }
  return false;
}

function placeCeiling(st: SolveState, item: Item): boolean {
  const { w, d, h } = item.size;
  const z = Math.max(0, st.room.wallHeight - h);
  const c = centroid(st.room.footprint);
  const cands: Box[] = [];
  for (const r of [...(st.bySubject.get(item.id) ?? []), ...(st.byAnchor.get(item.id) ?? [])]) {
    const a = st.boxes.get(r.anchor === item.id ? r.subject : r.anchor);
    if (a) cands.push({ x: a.x, y: a.y, z, yawDeg: a.yawDeg, w, d, h });
  }
  cands.push({ x: c[0], y: c[1], z, yawDeg: 0, w, d, h });
  const xs = st.room.footprint.map((p) => p[0]);
  const ys = st.room.footprint.map((p) => p[1]);
  for (let x = Math.min(...xs) + 0.8; x <= Math.max(...xs) - 0.8; x += 0.5) for (let y = Math.min(...ys) + 0.8; y <= Math.max(...ys) - 0.8; y += 0.5) cands.push({ x, y, z, yawDeg: 0, w, d, h });
  const best = pick(st, item, cands);
  if (!best) return false;
  st.boxes.set(item.id, best);
  return true;
}

/** Candidate boxes of `item` on the top (and, for shelved storage, the shelves) of its support `sup`. */
function surfaceCandidates(st: SolveState, item: Item, sup: Box): Box[] {
  const { w, d, h } = item.size;
  const supFam = st.items.get(item.support.slice(3))?.info.family ?? "box";
  const levels = [sup.z + sup.h];
  // Shelved storage also holds things inside, on its shelves (used when the top is full or the item is small).
  if (SHELVED.has(supFam) && sup.h > 0.6) for (const f of [0.05, 0.3, 0.55]) if (sup.h * 0.25 > h + 0.02) levels.push(sup.z + sup.h * f);
  const cands: Box[] = [];
  for (const z of levels) for (const [ww, dd, yawOff] of [[w, d, 0], [d, w, 90]] as const) {
    const rx = Math.max(0, (sup.w - ww) / 2 - 0.01);
    const ry = Math.max(0, (sup.d - dd) / 2 - 0.01);
    const nx = Math.min(8, Math.max(1, Math.round(rx / 0.05)));
    const ny = Math.min(6, Math.max(1, Math.round(ry / 0.05)));
    for (let i = 0; i <= 2 * nx; i++) {
      for (let j = 0; j <= 2 * ny; j++) {
        const lx = -rx + (2 * rx * i) / (2 * nx);
        const ly = -ry + (2 * ry * j) / (2 * ny);
        const [x, y] = fromLocal(sup, lx, ly);
        cands.push({ x, y, z, yawDeg: sup.yawDeg + yawOff, w, d, h });
      }
    }
  }
  return cands;
}

/**
 * Lookahead for an item on a surface that other things on the same surface are placed relative to ("a lamp to
 * the right of the monitor"): per candidate of the item, LOOKAHEAD_WEIGHT for each such relation that some
 * feasible spot of the other thing would then satisfy. Undefined when nothing waits on the item.
 */
function surfaceLookahead(st: SolveState, item: Item, sup: Box): ((c: Box) => number) | undefined {
  const waiting = (st.byAnchor.get(item.id) ?? []).filter((r) => SIDE_RELATIONS.has(r.type) && !st.boxes.has(r.subject) && st.items.get(r.subject)?.support === item.support);
  if (waiting.length === 0) return undefined;
  return (c: Box) => {
    st.boxes.set(item.id, c);
    let bonus = 0;
    for (const r of waiting) {
      const dep = st.items.get(r.subject)!;
      const view = new Map(st.boxes);
      for (const b of surfaceCandidates(st, dep, sup)) {
        view.set(dep.id, b);
        if (relationHolds(r, view, st.room) && feasible(st, dep, b)) {
          bonus += LOOKAHEAD_WEIGHT;
          break;
        }
      }
    }
    st.boxes.delete(item.id);
    return bonus;
  };
}

function placeOnSupport(st: SolveState, item: Item): boolean {
  const sup = st.boxes.get(item.support.slice(3));
  if (!sup) return false;
  const best = pick(st, item, surfaceCandidates(st, item, sup), surfaceLookahead(st, item, sup));
  if (best) {
    st.boxes.set(item.id, best);
    return true;
  }
  return repackSurface(st, item, sup);
}

/**
 * When nothing placed on a surface leaves room for `item` (a long TV after a console took the middle), the
 * things already on that surface (none of them carrying anything) are lifted, `item` is placed first and
 * they are placed again in their order; if any of them no longer fits, the surface is restored and false returned.
 */
function repackSurface(st: SolveState, item: Item, sup: Box): boolean {
  const siblings = [...st.boxes.keys()].filter((id) => st.items.get(id)?.support === item.support);
  if (siblings.length === 0) return false;
  if (siblings.some((id) => [...st.items.values()].some((o) => o.support === `on:${id}` && st.boxes.has(o.id)))) return false;
  const saved = new Map(siblings.map((id) => [id, st.boxes.get(id)!]));
  for (const id of siblings) st.boxes.delete(id);
  const first = pick(st, item, surfaceCandidates(st, item, sup));
  if (first) {
    st.boxes.set(item.id, first);
    let ok = true;
    for (const id of siblings) {
      const sib = st.items.get(id)!;
      const b = pick(st, sib, surfaceCandidates(st, sib, sup));
      if (!b) {
        ok = false;
        break;
      }
      st.boxes.set(id, b);
    }
    if (ok) return true;
    for (const id of [item.id, ...siblings]) st.boxes.delete(id);
  }
  for (const [id, b] of saved) st.boxes.set(id, b);
  return false;
}

function attempt(spec: StructureSpec, footprint: Point2[], openings: Opening[]): { st: SolveState; failed: string[] } {
  const walls = wallsOf(footprint);
  const items = new Map<string, Item>();
  for (const o of spec.objects) {
    const info = categoryInfo(o.category);
    // Only wall-mounted things hang on a wall (lib/layout/mount.ts); anything else the structure hung there stands on the floor.
    const support = (restsOnFloor(o.category) && o.support.startsWith("on:") && !liesOnTop(o, spec)) || (o.support === "wall" && mountOf(o) !== "wall") ? "floor" : o.support;
    items.set(o.id, { id: o.id, spec: o, size: o.targetSize, info, support });
  }
  const relations = spec.relations.filter((r) => items.has(r.subject));
  const { bySubject, byAnchor } = indexRelations(relations);
  const st: SolveState = {
    room: { footprint, wallHeight: spec.roomSize.h, openings },
    walls,
    items,
    boxes: new Map(),
    bySubject,
    byAnchor,
    clearZones: [],
    notes: [],
  };
  st.clearZones = doorZones(st);
  const failed: string[] = [];
  const all = order([...items.values()], relations);
  // One pass in dependency order (anchors first); an object standing on another always follows its support.
  const phases: Item[][] = [all];
  for (const phase of phases) {
    for (const item of phase) {
      let ok: boolean;
      if (item.support === "floor") ok = placeFloor(st, item);
      else if (item.support === "wall") {
        ok = placeWall(st, item);
        if (!ok) {
          item.support = "floor";
          st.notes.push(`${item.id}: no free wall space, placed on the floor`);
          ok = placeFloor(st, item);
        }
      } else if (item.support === "ceiling") ok = placeCeiling(st, item);
      else {
        ok = placeOnSupport(st, item);
        if (!ok) {
          st.notes.push(`${item.id}: no room on ${item.support.slice(3)}, placed on the floor`);
          item.support = "floor";
          ok = placeFloor(st, item);
        }
      }
      if (!ok) failed.push(item.id);
    }
  }
  return { st, failed };
}

/**
 * Solve the layout of a StructureSpec (deterministic; `opts.seed` is accepted for API stability and does not
 * change the result). Uses `spec.footprint` when given, else a rectangle of `spec.roomSize`; uses
 * `spec.openings` when given, else a door and windows by room type.
 */
export function solveLayout(spec: StructureSpec, opts: { seed?: number } = {}): LayoutResult {
  void opts;
  const notes: string[] = [];
  let footprint: Point2[] = spec.footprint ? spec.footprint.map((p) => [p[0], p[1]] as Point2) : rectFootprint(spec.roomSize.w, spec.roomSize.d);
  let openings = spec.openings.length > 0 ? spec.openings : defaultOpenings(footprint, spec.roomType);
  let result = attempt(spec, footprint, openings);
  for (let k = 0; k < 4 && result.failed.length > 0; k++) {
    const c = centroid(footprint);
    footprint = footprint.map((p) => [round(c[0] + (p[0] - c[0]) * 1.15), round(c[1] + (p[1] - c[1]) * 1.15)] as Point2);
    notes.push(`room enlarged by 15% to fit ${result.failed.join(", ")}`);
    openings = spec.openings.length > 0 ? spec.openings.map((o) => ({ ...o, offset: round(o.offset * 1.15) })) : defaultOpenings(footprint, spec.roomType);
    result = attempt(spec, footprint, openings);
  }
  const { st, failed } = result;
  const placements: Record<string, Placement> = {};
  const supports: Record<string, Support> = {};
  const c = centroid(footprint);
  for (const o of spec.objects) {
    const b = st.boxes.get(o.id);
    const item = st.items.get(o.id)!;
    placements[o.id] = b ? { x: round(b.x), y: round(b.y), z: round(b.z), yawDeg: round(((b.yawDeg % 360) + 360) % 360) } : { x: c[0], y: c[1], z: 0, yawDeg: 0 };
    supports[o.id] = item.support as Support;
  }
  if (failed.length > 0) notes.push(`could not place without overlap: ${failed.join(", ")}`);
  return {
    footprint: footprint.map((p) => [p[0], p[1]]),
    wallHeight: spec.roomSize.h,
    wallThickness: WALL_THICKNESS,
    openings,
    placements,
    supports,
    notes: [...notes, ...st.notes],
  };
}
