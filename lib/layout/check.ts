/** Collision and bounds checks of placed objects (used by the layout solver, the edits and the evaluation). */
import { boxOf, boxesIntersect, outsideDepth, type Box } from "../geometry/box";
import type { Placement, Point2, Size3, Support } from "../scene/schema";

/** Tolerance (m): overlaps and protrusions up to 1 cm are not conflicts. */
export const CONFLICT_TOLERANCE = 0.01;

/** One object as the checks see it. */
export interface CheckObject {
  id: string;
  placement: Placement;
  size: Size3;
  support: Support | string;
  /** Thin covers (rugs, mats) lie under other objects and never collide; default false. */
  thin?: boolean;
}

/** True when the pair may touch/intersect by design: an object and what it stands on (transitively), or a thin cover. */
function exempt(a: CheckObject, b: CheckObject, byId: ReadonlyMap<string, CheckObject>): boolean {
  if (a.thin || b.thin) return true;
  const supports = (x: CheckObject, y: CheckObject) => {
    let cur: string | undefined = x.support;
    for (let i = 0; i < 8 && cur?.startsWith("on:"); i++) {
      const id = cur.slice(3);
      if (id === y.id) return true;
      cur = byId.get(id)?.support;
    }
    return false;
  };
  return supports(a, b) || supports(b, a);
}

/**
 * Conflicts of a set of placed objects: pairs whose bounding boxes intersect by more than 1 cm (excluding an
 * object and its support chain, and thin covers), and objects whose footprint leaves the room footprint by more
 * than 1 cm. Pairs are sorted ids `[a, b]` with a < b.
 */
export function findConflicts(objects: readonly CheckObject[], footprint: readonly Point2[]): { collisions: [string, string][]; outOfBounds: string[] } {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const boxes: Box[] = objects.map((o) => boxOf(o.placement, o.size));
  const collisions: [string, string][] = [];
  for (let i = 0; i < objects.length; i++) {
    for (let j = i + 1; j < objects.length; j++) {
      if (exempt(objects[i], objects[j], byId)) continue;
      if (boxesIntersect(boxes[i], boxes[j], CONFLICT_TOLERANCE)) {
        const pair = [objects[i].id, objects[j].id].sort() as [string, string];
        collisions.push(pair);
      }
    }
  }
  const outOfBounds = objects.filter((_, i) => outsideDepth(boxes[i], footprint) > CONFLICT_TOLERANCE).map((o) => o.id);
  return { collisions, outOfBounds };
}
