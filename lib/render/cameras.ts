/**
 * Render cameras in the room frame (m, Z-up, DESIGN.md section 2): the presets (top plan, corner perspective,
 * eye level) framed on the room's footprint, and the preview's own camera converted from three.js (Y-up).
 */
import { threeToRoom } from "../frames";
import type { Point2 } from "../scene/schema";

/** A camera for `render_scene`: perspective with vertical `fovDeg`, or orthographic with `orthoScale` (m, across the wider image side). */
export interface RoomCamera {
  position: [number, number, number];
  target: [number, number, number];
  fovDeg?: number;
  orthoScale?: number;
}

/** Preset names; `current` is the preview's camera. */
export const RENDER_PRESETS = ["current", "top", "corner", "eye"] as const;
/** A preset name. */
export type RenderPreset = (typeof RENDER_PRESETS)[number];

/** Words for each preset, as the Render menu shows them. */
export const PRESET_LABEL: Record<RenderPreset, string> = { current: "Current view", top: "Top plan", corner: "Corner perspective", eye: "Eye level" };

/** Bounds of a footprint polygon: [minX, minY, maxX, maxY] (m). */
export function footprintBounds(points: readonly Point2[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Camera of a preset for a room footprint and wall height (m), for an image `aspect` = width / height.
 * top: orthographic straight down, the footprint plus 6% margin; corner: from above the south-west corner,
 * looking at the floor centre; eye: 1.6 m high just inside the south wall, looking north.
 */
export function presetCamera(preset: Exclude<RenderPreset, "current">, footprint: readonly Point2[], wallHeight: number, aspect = 16 / 9): RoomCamera {
  const [x0, y0, x1, y1] = footprintBounds(footprint);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const w = x1 - x0;
  const d = y1 - y0;
  switch (preset) {
    case "top":
      // Blender's ortho_scale spans the wider side of the image (sensor fit AUTO).
      return { position: [cx, cy, wallHeight + 20], target: [cx, cy, 0], orthoScale: Math.max(w, d * aspect) * 1.06 * (aspect >= 1 ? 1 : 1 / aspect) };
    case "corner": {
      const reach = Math.max(w, d);
      return { position: [x0 - 0.35 * reach, y0 - 0.35 * reach, wallHeight + 0.9 * reach], target: [cx, cy, 0.3], fovDeg: 45 };
    }
    case "eye":
      return { position: [cx, y0 + 0.25, 1.6], target: [cx, y1, 1.0], fovDeg: 62 };
  }
}

/** The preview camera (three.js position and orbit target, vertical fov in degrees) as a room-frame camera; with `ortho` (visible width and height, m) an orthographic one whose `orthoScale` spans the wider side of an `aspect` image, as Blender's sensor fit AUTO does. */
export function cameraFromThree(position: [number, number, number], target: [number, number, number], fovDeg: number, ortho?: { w: number; h: number }, aspect = 16 / 9): RoomCamera {
  if (ortho) return { position: threeToRoom(...position), target: threeToRoom(...target), orthoScale: Math.max(ortho.w, ortho.h * aspect) * (aspect >= 1 ? 1 : 1 / aspect) };
  return { position: threeToRoom(...position), target: threeToRoom(...target), fovDeg };
}
