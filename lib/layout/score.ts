/** Feasibility and scoring of a candidate box for an object (layout solver). */
import { boxesIntersect, footprintGap, footprintPenetration, outsideDepth, toLocal, type Box } from "../geometry/box";
import { relationHolds } from "../geometry/relation-check";
import { wallDistances } from "../geometry/relations";
import { boxSegmentDistance } from "../geometry/box";
import { centroid, openingSegment } from "../geometry/room";
import { supportChain, type Item, type SolveState } from "./state";

/** Families that belong against a wall unless a relation says otherwise. */
export const WALL_FAMILIES = new Set(["bed", "bunk_bed", "crib", "wardrobe", "dresser", "cabinet", "sideboard", "bookshelf", "shelf", "tv_stand", "desk", "kitchen_counter", "fridge", "stove", "sink", "toilet", "bathtub", "shower", "vanity", "wine_cabinet", "washing_machine", "console_table", "nightstand", "sofa", "painting", "mirror", "clock", "curtains"]);
/** Families that belong in the open floor. */
export const CENTER_FAMILIES = new Set(["dining_table", "coffee_table", "kitchen_island", "rug"]);

const TOL = 0.005;

/** True when `item` may overlap `other` by design (thin covers, support chains). */
export function exemptPair(st: SolveState, item: Item, otherId: string): boolean {
  const other = st.items.get(otherId);
  if (!other) return true;
  if (item.info.route === "thin_cover" || other.info.route === "thin_cover") return true;
  if (supportChain(st, item.id).includes(otherId) || supportChain(st, otherId).includes(item.id)) return true;
  return false;
}

/** Hard constraints: inside the footprint, no intersection with placed objects, door zones kept clear. */
export function feasible(st: SolveState, item: Item, box: Box): boolean {
  if (outsideDepth(box, st.room.footprint) > TOL) return false;
  if (item.info.route !== "thin_cover" && box.z < 0.3) {
    for (const z of st.clearZones) if (footprintPenetration(box, z) > TOL) return false;
  }
  for (const [id, b] of st.boxes) {
    if (id === item.id) continue;
    if (Math.abs(b.x - box.x) > (b.w + b.d + box.w + box.d) / 1.4 || Math.abs(b.y - box.y) > (b.w + b.d + box.w + box.d) / 1.4) continue;
    if (exemptPair(st, item, id)) continue;
    if (boxesIntersect(box, b, TOL)) return false;
  }
  return true;
}

/** Score of a candidate (higher is better): satisfied relations dominate, then placement habits by family. */
export function scoreBox(st: SolveState, item: Item, box: Box): number {
  const view = {
    get: (k: string) => (k === item.id ? box : st.boxes.get(k)),
    has: (k: string) => k === item.id || st.boxes.has(k),
  } as unknown as ReadonlyMap<string, Box>;
  let s = 0;
  let wallRel = false;
  let centerRel = false;
  for (const r of st.bySubject.get(item.id) ?? []) {
    if (r.type === "against_wall" || r.type === "corner" || r.type === "under_window") wallRel = true;
    if (r.type === "middle") centerRel = true;
    const ok = relationHolds(r, view, st.room);
    if (ok === null) continue;
    if (ok) s += 10;
    else {
      const a = st.boxes.get(r.anchor);
      if (a) s -= Math.min(3, footprintGap(box, a) * 0.8 + Math.abs((box.z - a.z - a.h)) * (r.type === "on_top" ? 1 : 0));
      else s -= 1;
    }
  }
  for (const r of st.byAnchor.get(item.id) ?? []) {
    if (!st.boxes.has(r.subject)) continue;
    const ok = relationHolds(r, view, st.room);
    if (ok) s += 6;
  }
  const fam = item.info.family;
  if (item.spec.approxCenter) {
    s -= 2 * Math.hypot(box.x - item.spec.approxCenter[0], box.y - item.spec.approxCenter[1]);
    if (item.spec.approxYawDeg !== null) s -= Math.abs(Math.sin(((box.yawDeg - item.spec.approxYawDeg) * Math.PI) / 360)) * 1.5;
  }
  if (box.z < 0.3 && item.support === "floor") {
    const wd = Math.min(...wallDistances(box, st.walls));
    if (WALL_FAMILIES.has(fam) && !centerRel) {
      if (wd > 0.15) s -= 3;
      const [bx, by] = [box.x + Math.sin((box.yawDeg * Math.PI) / 180) * -box.d * 0.5, box.y + Math.cos((box.yawDeg * Math.PI) / 180) * box.d * 0.5];
      const backD = Math.min(...st.walls.map((w) => boxSegmentDistance({ ...box, x: bx, y: by, w: box.w * 0.5, d: 0.02 }, w.a, w.b)));
      if (backD <= 0.2) s += 1.5;
    } else if (CENTER_FAMILIES.has(fam) && !wallRel) {
      const c = centroid(st.room.footprint);
      s -= Math.hypot(box.x - c[0], box.y - c[1]) * 0.6;
      if (wd < 0.3) s -= 1;
    } else if (!wallRel && !centerRel && item.info.route !== "thin_cover") {
      if (wd > 0.15 && (st.bySubject.get(item.id) ?? []).length === 0) s -= 0.5;
    }
    if (item.info.route !== "thin_cover") {
      for (const o of st.room.openings) {
        const seg = openingSegment(st.walls, o);
        if (!seg) continue;
        const d = boxSegmentDistance(box, seg.a, seg.b);
        if (o.kind === "door" && d < 0.6 && !(st.bySubject.get(item.id) ?? []).some((r) => r.type === "near_door")) s -= 2;
        if (o.kind === "window" && d < 0.3 && box.h > o.sill + 0.05 && fam !== "curtains") s -= 1.5;
      }
      for (const [id, b] of st.boxes) {
        if (b.z > 0.3) continue;
        if (Math.hypot(b.x - box.x, b.y - box.y) - (Math.hypot(b.w, b.d) + Math.hypot(box.w, box.d)) / 2 > 0.2) continue;
        if (exemptPair(st, item, id)) continue;
        const g = footprintGap(box, b);
        if (g < 0.2 && !(st.bySubject.get(item.id) ?? []).some((r) => r.anchor === id) && !(st.byAnchor.get(item.id) ?? []).some((r) => r.subject === id)) s -= 0.4;
      }
    }
  }
  if (item.support.startsWith("on:")) {
    const sup = st.boxes.get(item.support.slice(3));
    if (sup) {
      const [, ly] = toLocal(sup, box.x, box.y);
      const back = ["monitor", "tv", "table_lamp", "books", "vase", "potted_plant", "speaker", "clock"].includes(fam);
      s -= back ? Math.max(0, -ly) * 0.5 : Math.abs(ly) * 0.2;
    }
  }
  return s;
}
