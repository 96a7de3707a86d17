/**
 * Frame conversion between the room frame (Z-up, DESIGN.md section 2) and three.js / glTF (Y-up).
 * The glTF exporter maps Blender (x, y, z) to glTF (x, z, -y) (glTF 2.0 spec section 3.4: +Y up,
 * +Z forward; Blender glTF-IO "Y up" option). This is the only place that conversion is derived.
 */
import type { Placement } from "./scene/schema";

/** Position [x, y, z] (m) in three.js Y-up coordinates and rotation about three.js +Y (radians). */
export interface ThreeTransform {
  position: [number, number, number];
  rotationY: number;
}

/** Convert a room-frame point (m, Z-up) to three.js coordinates (m, Y-up). */
export function roomToThree(x: number, y: number, z: number): [number, number, number] {
  return [x, z, -y];
}

/** Convert a three.js point (m, Y-up) back to the room frame (m, Z-up). */
export function threeToRoom(x: number, y: number, z: number): [number, number, number] {
  return [x, -z, y];
}

/** Convert a placement (m, yaw in degrees about room +Z) to a three.js transform (yaw about +Y in radians; same sense since -Y(three z) flips handedness consistently). */
export function placementToThree(p: Placement): ThreeTransform {
  return { position: roomToThree(p.x, p.y, p.z), rotationY: (p.yawDeg * Math.PI) / 180 };
}

/** Convert a three.js position and rotation about +Y (radians) back to a placement (m, deg, normalised to (-180, 180]). */
export function threeToPlacement(position: [number, number, number], rotationY: number): Placement {
  const [x, y, z] = threeToRoom(position[0], position[1], position[2]);
  return { x, y, z, yawDeg: normalizeYaw((rotationY * 180) / Math.PI) };
}

/** Normalise an angle in degrees to (-180, 180]. */
export function normalizeYaw(deg: number): number {
  let a = deg % 360;
  if (a <= -180) a += 360;
  if (a > 180) a -= 360;
  return Object.is(a, -0) ? 0 : a;
}
