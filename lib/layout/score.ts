/** Feasibility and scoring of a candidate box for an object (layout solver). */
import { boxesIntersect, footprintGap, footprintPenetration, outsideDepth, toLocal, type Box } from "../geometry/box";
import { relationHolds } from "../geometry/relation-check";
import { isLongSide, wallDistances } from "../geometry/relations";
import { boxSegmentDistance } from "../geometry/box";
import { centroid, openingSegment } from "../geometry/room";
import { supportChain, type Item, type SolveState } from "./state";
import { SEAT_FAMILIES } from "../vocab/families";

/** Families that belong against a wall unless a relation says otherwise. */
export const WALL_FAMILIES = new Set(["bed", "bunk_bed", "crib", "wardrobe", "dresser", "cabinet", "sideboard", "bookshelf", "shelf", "tv_stand", "desk", "kitchen_counter", "fridge", "stove", "sink", "toilet", "bathtub", "shower", "vanity", "wine_cabinet", "washing_machine", "console_table", "nightstand", "sofa", "painting", "mirror", "clock", "curtains"]);
const CLOSE_RELS = new Set(["near", "next_to", "around", "left", "right", "front", "behind"]);

/** Families that belong in the open floor. */
export const CENTER_FAMILIES = new Set(["dining_table", "coffee_table", "kitchen_island", "rug"]);

const TOL = 0.005;

/** True when `item` may overlap `other` by design (flat thin covers such as rugs, support chains); curtains and blinds may not. */
export function exemptPair(st: SolveState, item: Item, otherId: string): boolean {
  const other = st.items.get(otherId);
  if (!other) return true;
  const flat = (i: Item) => i.info.route === "thin_cover" && i.size.h <= 0.05;
  if (flat(item) || flat(other)) return true;
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

class BoxView {
  constructor(
    private readonly st: SolveState,
    private readonly id: string,
    public box: Box,
  ) {}
  get(k: string): Box | undefined {
    return k === this.id ? this.box : this.st.boxes.get(k);
  }
  has(k: string): boolean {
    return k === this.id || this.st.boxes.has(k);
  }
}

/** Scorer of candidate boxes for one item (higher is better): satisfied relations dominate, then placement habits by family. */
export function scorer(st: SolveState, item: Item): (box: Box) => number {
  const view = new BoxView(st, item.id, null as unknown as Box);
  const asMap = view as unknown as ReadonlyMap<string, Box>;
  const subjRels = st.bySubject.get(item.id) ?? [];
  const anchorRels = (st.byAnchor.get(item.id) ?? []).filter((r) => st.boxes.has(r.subject));
  const wallRel = subjRels.some((r) => r.type === "against_wall" || r.type === "corner" || r.type === "under_window");
  const holdsWallArt = (st.byAnchor.get(item.id) ?? []).some((r) => r.type === "above" && st.items.get(r.subject)?.support === "wall");
  const centerRel = subjRels.some((r) => r.type === "middle" && r.anchor === "room");
  const nearDoor = subjRels.some((r) => r.type === "near_door");
  const related = new Set<string>([...subjRels.map((r) => r.anchor), ...anchorRels.map((r) => r.subject)]);
  const fam = item.info.family;
  const segs = st.room.openings.map((o) => ({ o, seg: openingSegment(st.walls, o) })).filter((x) => x.seg !== null);
  const c = centroid(st.room.footprint);
  const floorBoxes = [...st.boxes].filter(([id, b]) => b.z <= 0.3 && !exemptPair(st, item, id) && !related.has(id)).map(([, b]) => b);
  const sup = item.support.startsWith("on:") ? st.boxes.get(item.support.slice(3)) : undefined;
  const backFam = ["monitor", "tv", "table_lamp", "books", "vase", "potted_plant", "speaker", "clock"].includes(fam);
  const approx = item.spec.approxCenter;
  const approxYaw = item.spec.approxYawDeg;
  return (box: Box): number => {
    view.box = box;
    let s = 0;
    for (const r of subjRels) {
      const ok = relationHolds(r, asMap, st.room);
      if (ok === null) continue;
      if (ok) {
        s += 10;
        const a = st.boxes.get(r.anchor);
        if (a && CLOSE_RELS.has(r.type)) {
          s -= 0.5 * footprintGap(box, a);
          if (r.type === "around" && SEAT_FAMILIES.has(fam) && isLongSide(box, a)) s += 1;
        }
      } else {
        const a = st.boxes.get(r.anchor);
        if (a) s -= Math.min(3, footprintGap(box, a) * 0.8 + (r.type === "on_top" ? Math.abs(box.z - a.z - a.h) : 0));
        else s -= 1;
      }
    }
    for (const r of anchorRels) if (relationHolds(r, asMap, st.room)) s += 6;
    if (approx) {
      s -= 2 * Math.hypot(box.x - approx[0], box.y - approx[1]);
      if (approxYaw !== null) s -= Math.abs(Math.sin(((box.yawDeg - approxYaw) * Math.PI) / 360)) * 1.5;
    }
    if (box.z < 0.3 && item.support === "floor") {
      const wd = Math.min(...wallDistances(box, st.walls));
      if ((WALL_FAMILIES.has(fam) || holdsWallArt) && !centerRel) {
        if (wd > 0.15) s -= 3;
        const rad = (box.yawDeg * Math.PI) / 180;
        const back: Box = { ...box, x: box.x - Math.sin(rad) * box.d * 0.5, y: box.y + Math.cos(rad) * box.d * 0.5, w: box.w * 0.5, d: 0.02 };
        let backD = Infinity;
        for (const w of st.walls) backD = Math.min(backD, boxSegmentDistance(back, w.a, w.b));
        if (backD <= 0.2) s += 1.5;
      } else if (CENTER_FAMILIES.has(fam) && !wallRel) {
        s -= Math.hypot(box.x - c[0], box.y - c[1]) * 0.6;
        if (wd < 0.3) s -= 1;
      } else if (!wallRel && !centerRel && item.info.route !== "thin_cover") {
        if (wd > 0.15 && subjRels.length === 0) s -= 0.5;
      }
      if (item.info.route !== "thin_cover") {
        for (const { o, seg } of segs) {
          const d = boxSegmentDistance(box, seg!.a, seg!.b);
          if (o.kind === "door" && d < 0.6 && !nearDoor) s -= 2;
          if (o.kind === "window" && d < 0.3 && box.h > o.sill + 0.05 && fam !== "curtains") s -= 1.5;
        }
        for (const b of floorBoxes) {
          if (Math.hypot(b.x - box.x, b.y - box.y) - (Math.hypot(b.w, b.d) + Math.hypot(box.w, box.d)) / 2 > 0.2) continue;
          if (footprintGap(box, b) < 0.2) s -= 0.4;
        }
      }
    }
    if (sup) {
      const [, ly] = toLocal(sup, box.x, box.y);
      s -= backFam ? Math.max(0, -ly) * 0.5 : Math.abs(ly) * 0.2;
    }
    return s;
  };
}
