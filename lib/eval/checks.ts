/**
 * SceneEval relation words -> geometric checks (thresholds in lib/geometry/relations `REL`). Object-object
 * words (oo_rel) and object-architecture words (oa_rel) of the SceneEval-500 annotations
 * (Tam et al., WACV 2026). Unknown words fall back to "near".
 */
import { footprintGap, type Box } from "../geometry/box";
import * as R from "../geometry/relations";

/** An object-object check: does `t` (target) stand in the relation to `a` (anchor)? */
export type PairCheck = (t: Box, a: Box, room: R.RoomGeom) => boolean;

const onOrIn: PairCheck = (t, a) => R.isOn(t, a) || R.isInside(t, a);

/** Object-object relation words. */
export const OO_CHECKS: Readonly<Record<string, PairCheck>> = {
  on: onOrIn, top_region: onOrIn, on_top: onOrIn, atop: onOrIn,
  within: R.isInside, inside: R.isInside, in: R.isInside,
  next: R.isNextTo, next_to: R.isNextTo, beside: R.isNextTo, adjacent: R.isNextTo, side_by_side: R.isNextTo, close_to: R.isNextTo, by: R.isNextTo,
  near: R.isNear,
  right: R.isRightOf, left: R.isLeftOf,
  front: (t, a) => R.isInFront(t, a), in_front: (t, a) => R.isInFront(t, a), foot: (t, a) => R.isInFront(t, a, 1.2), at_the_foot: (t, a) => R.isInFront(t, a, 1.2),
  behind: R.isBehind,
  facing: R.isFacing, face: R.isFacing,
  opposite: (t, a, room) => R.isAcross(t, a, room), across: (t, a, room) => R.isAcross(t, a, room),
  above: R.isAbove, over: R.isAbove,
  under: R.isUnder, below: R.isUnder, beneath: R.isUnder, under_region: R.isUnder, bottom_region: R.isUnder,
  surround: R.isAround, around: R.isAround,
  long_side: R.isLongSide, short_side: R.isShortSide,
  center: R.isCenterOf, at_the_center: R.isCenterOf, middle_of: R.isCenterOf, center_of: R.isCenterOf, middle: R.isCenterOf,
  away: (t, a) => footprintGap(t, a) >= R.REL.near,
  against: (t, a) => footprintGap(t, a) <= 0.1, lean_against: (t, a) => footprintGap(t, a) <= 0.1,
};

/** Check for an object-object relation word (unknown words -> near). */
export function ooCheck(relation: string): PairCheck {
  return OO_CHECKS[relation.toLowerCase()] ?? R.isNear;
}

/** Object-architecture check of one object box. */
export function oaHolds(relation: string, element: string, b: Box, room: R.RoomGeom, support: string | null): boolean {
  const rel = relation.toLowerCase();
  const el = element.toLowerCase();
  if (el === "wall") {
    if (rel === "on" || rel === "hang" || rel === "mount") return R.isOnWall(b, room) || (support === "wall" && R.isAgainstWall(b, room));
    if (rel === "near" || rel === "next" || rel === "next_to" || rel === "beside" || rel === "by") return Math.min(...R.wallDistances(b, R.roomWalls(room))) <= 0.5;
    return R.isAgainstWall(b, room);
  }
  if (el === "ceiling") return R.isAtCeiling(b, room);
  if (el === "door" || el === "window") {
    const kind = el;
    if (rel === "under" || rel === "beneath" || rel === "below") return kind === "window" ? R.isUnderWindow(b, room) : R.isNearOpening(b, room, kind);
    if (rel === "against") return kind === "window" ? R.isUnderWindow(b, room) || R.isNearOpening(b, room, kind) : R.isNearOpening(b, room, kind);
    if (rel === "front" || rel === "in_front") return R.isInFrontOfOpening(b, room, kind);
    if (rel === "across" || rel === "opposite") return R.isAcrossFromOpening(b, room, kind);
    if (rel === "facing" || rel === "face") return R.isFacingOpening(b, room, kind);
    return R.isNearOpening(b, room, kind);
  }
  if (rel === "corner") return R.isInCorner(b, room);
  if (rel === "center" || rel === "middle" || rel === "at_the_center" || rel === "center_of") return R.isInMiddle(b, room);
  return R.isInMiddle(b, room);
}
