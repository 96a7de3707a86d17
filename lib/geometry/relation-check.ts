/** Check a scene-model Relation (lib/scene RelationType) geometrically against placed boxes. */
import type { Relation } from "../scene/schema";
import type { Box } from "./box";
import * as R from "./relations";

const archAnchorOf = (a: string) => a === "wall" || a === "room" || a === "door" || a === "window";

/**
 * True/false when the relation holds/fails for the given boxes, null when a box it needs is missing.
 * Thresholds: see `REL` in ./relations.
 */
export function relationHolds(rel: Relation, boxes: ReadonlyMap<string, Box>, room: R.RoomGeom): boolean | null {
  const t = boxes.get(rel.subject);
  if (!t) return null;
  const archAnchor = archAnchorOf(rel.anchor);
  switch (rel.type) {
    case "against_wall":
      return R.isAgainstWall(t, room);
    case "corner":
      return R.isInCorner(t, room);
    case "middle": {
      // "at the center of the table": centred on the named object; "in the middle" alone: the room's middle.
      if (rel.anchor === "room" || archAnchorOf(rel.anchor)) return R.isInMiddle(t, room);
      const a = boxes.get(rel.anchor);
      return a ? R.isCenterOf(t, a) : null;
    }
    case "near_window":
      return R.isNearOpening(t, room, "window");
    case "near_door":
      return R.isNearOpening(t, room, "door");
    case "under_window":
      return R.isUnderWindow(t, room);
    default:
      break;
  }
  if (archAnchor) {
    const kind = rel.anchor === "door" ? "door" : "window";
    if (rel.type === "facing") return R.isFacingOpening(t, room, kind);
    if (rel.type === "across") return R.isAcrossFromOpening(t, room, kind);
    if (rel.type === "front") return R.isInFrontOfOpening(t, room, kind);
    return R.isNearOpening(t, room, kind);
  }
  const a = boxes.get(rel.anchor);
  if (!a) return null;
  switch (rel.type) {
    case "near":
      return R.isNear(t, a);
    case "next_to":
      return R.isNextTo(t, a);
    case "left":
      return R.isLeftOf(t, a);
    case "right":
      return R.isRightOf(t, a);
    case "front":
      return R.isInFront(t, a);
    case "behind":
      return R.isBehind(t, a);
    case "facing":
      return R.isFacing(t, a);
    case "across":
      return R.isAcross(t, a, room);
    case "on_top":
      return R.isOn(t, a);
    case "above":
      return R.isAbove(t, a);
    case "under":
      return R.isUnder(t, a);
    case "around":
      return R.isAround(t, a);
    case "between": {
      const b = rel.anchor2 ? boxes.get(rel.anchor2) : undefined;
      if (!b) return R.isNear(t, a);
      return R.isBetween(t, a, b);
    }
    default:
      return null;
  }
}
