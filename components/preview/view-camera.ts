/**
 * The preview camera, readable outside the canvas (the Render menu renders "the current view"): the preview
 * registers a getter per editor store; nothing re-renders when the camera moves.
 */
import type { EditorStore } from "../editor/editor-store";

/** The preview camera in three.js coordinates (m, Y-up) with its orbit target and vertical fov (deg); `ortho` is the visible width and height (m) of an orthographic camera (the plan view). */
export interface ViewCamera {
  position: [number, number, number];
  target: [number, number, number];
  fovDeg: number;
  ortho?: { w: number; h: number };
}

const getters = new WeakMap<EditorStore, () => ViewCamera | null>();

/** Register (or with null, remove) the getter of the preview camera of `store`. */
export function registerViewCamera(store: EditorStore, get: (() => ViewCamera | null) | null): void {
  if (get) getters.set(store, get);
  else getters.delete(store);
}

/** The current preview camera of `store`, or null when no preview is mounted. */
export function getViewCamera(store: EditorStore): ViewCamera | null {
  return getters.get(store)?.() ?? null;
}

/** Client pixel and height (m above the floor) -> room-frame point (x, y in m) at that height under the pixel, or null. */
export type FloorPicker = (clientX: number, clientY: number, height: number) => [number, number] | null;

const pickers = new WeakMap<EditorStore, FloorPicker>();

/** Register (or with null, remove) the floor picker of `store`. */
export function registerFloorPicker(store: EditorStore, pick: FloorPicker | null): void {
  if (pick) pickers.set(store, pick);
  else pickers.delete(store);
}

/** The room-frame point (x, y in m) under a client pixel on the level plane `height` m above the floor, or null (no preview, or above the horizon). */
export function pickFloor(store: EditorStore, clientX: number, clientY: number, height = 0): [number, number] | null {
  return pickers.get(store)?.(clientX, clientY, height) ?? null;
}
