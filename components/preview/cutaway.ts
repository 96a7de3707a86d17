/**
 * Wall cutaway for the preview, as room planners do it: a room-shell part whose outer side faces the
 * camera (the camera is outside the plane of that wall) is hidden so the interior stays in view; the
 * ceiling is hidden while the camera is above it. Pure three.js, no React.
 */
import { Box3, Vector3, type Object3D } from "three";

/**
 * Room-shell parts that stand in a wall: wall pieces, doors, windows and window frames, named as
 * server/engines/offline/programs/room_shell.py names them (`wall_3`, `door_0`, `window_1_frame_2`).
 */
export const WALL_PART = /^(wall|door|window)_\d+(_frame_\d+)?$/i;
/** The ceiling slab of the room shell. */
export const CEILING_PART = /^ceiling$/i;

/** A part that may be cut away: its object, outward horizontal normal and center (three.js frame, Y-up, m). */
export interface CutawayPart {
  object: Object3D;
  kind: "wall" | "ceiling";
  normal: Vector3;
  center: Vector3;
}

/**
 * Finds the cutaway parts under `root` (a loaded room GLB). A wall part's thickness runs along its local Z
 * axis in glTF (the local Y of the Blender box, converted to Y-up); its normal points away from the room's
 * bounding-box center. Parts without a horizontal thickness axis are left out.
 */
export function findCutawayParts(root: Object3D): CutawayPart[] {
  root.updateMatrixWorld(true);
  const roomCenter = new Box3().setFromObject(root).getCenter(new Vector3());
  const parts: CutawayPart[] = [];
  root.traverse((o) => {
    if (o === root) return;
    const wall = WALL_PART.test(o.name);
    if (!wall && !CEILING_PART.test(o.name)) return;
    const box = new Box3().setFromObject(o);
    if (box.isEmpty()) return;
    const center = box.getCenter(new Vector3());
    if (!wall) {
      parts.push({ object: o, kind: "ceiling", normal: new Vector3(0, 1, 0), center });
      return;
    }
    const normal = new Vector3(0, 0, 1).transformDirection(o.matrixWorld);
    normal.y = 0;
    if (normal.length() < 0.5) return;
    normal.normalize();
    if (normal.dot(center.clone().sub(roomCenter)) < 0) normal.negate();
    parts.push({ object: o, kind: "wall", normal, center });
  });
  return parts;
}

/** True when `part` stands between a camera at `camera` (m) and the room: outside a wall's plane, above the ceiling. */
export function blocksView(part: CutawayPart, camera: Vector3): boolean {
  if (part.kind === "ceiling") return camera.y > part.center.y;
  return part.normal.x * (camera.x - part.center.x) + part.normal.z * (camera.z - part.center.z) > 0;
}

/**
 * Shows or hides each part for a camera at `camera`; with `enabled` false every part is shown.
 * Returns the names of the hidden parts, sorted.
 */
export function applyCutaway(parts: readonly CutawayPart[], camera: Vector3, enabled: boolean): string[] {
  const hidden: string[] = [];
  for (const p of parts) {
    const hide = enabled && blocksView(p, camera);
    p.object.visible = !hide;
    if (hide) hidden.push(p.object.name);
  }
  return hidden.sort();
}
