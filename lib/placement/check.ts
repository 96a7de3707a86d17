/**
 * The live placement check of one object being moved: interpenetration with other objects part by part (so a chair
 * under a table or a lamp on a nightstand is fine, two sofas in one another are not), and parts inside a wall or
 * outside the room.
 */
import type { Placement, Point2 } from "../scene/schema";
import { outsideDepth, partsPenetration, placeBox, type OrientedBox } from "./boxes";

/** Depth (m) below which parts count as touching, not interpenetrating (mesh seams, a rug's thickness under a leg). */
export const TOUCH_TOLERANCE = 0.02;

/** An object for the check: its parts in its local frame and where it stands. */
export interface CheckedObject {
  id: string;
  parts: OrientedBox[];
  placement: Placement;
  /** `floor`, `wall`, `ceiling` or `on:<id>`. */
  support?: string;
  /** Floor covers (route `thin_cover`: rugs, mats) lie under furniture by design and never collide. */
  route?: string;
}

/** One problem of a placement: kind, the other object for collisions, and the depth (m). */
export interface PlacementProblem {
  kind: "collision" | "wall" | "outside";
  with?: string;
  depth: number;
}

/** The room as the check needs it: inner footprint polygon (m, room frame) and wall thickness (m). */
export interface CheckedRoom {
  footprint: Point2[];
  wallThickness: number;
}

/**
 * Problems of `subject` at `placement` against `others` (at their own placements) and the room, deepest first.
 * Pairs where one rests on the other (`on:`) are skipped: the support keeps them apart; floor covers never collide.
 */
export function checkPlacement(subject: CheckedObject, placement: Placement, others: CheckedObject[], room: CheckedRoom | null, tol = TOUCH_TOLERANCE): PlacementProblem[] {
  const mine = subject.parts.map((b) => placeBox(b, placement));
  const out: PlacementProblem[] = [];
  if (subject.route !== "thin_cover") {
    for (const o of others) {
      if (o.id === subject.id || o.route === "thin_cover") continue;
      if (o.support === `on:${subject.id}` || subject.support === `on:${o.id}`) continue;
      const depth = partsPenetration(
        mine,
        o.parts.map((b) => placeBox(b, o.placement)),
      );
      if (depth > tol) out.push({ kind: "collision", with: o.id, depth });
    }
  }
  if (room && room.footprint.length >= 3) {
    const depth = outsideDepth(mine, room.footprint);
    if (depth > tol) out.push({ kind: depth <= room.wallThickness + tol ? "wall" : "outside", depth });
  }
  return out.sort((a, b) => b.depth - a.depth);
}
