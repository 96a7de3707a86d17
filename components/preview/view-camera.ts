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

const pickers = new WeakMap<EditorStore, (clientX: number, clientY: number) => [number, number] | null>();

/** Register (or with null, remove) the floor picker of `store`: client pixel -> room-frame floor point (m). */
export function registerFloorPicker(store: EditorStore, pick: ((clientX: number, clientY: number) => [number, number] | null) | null): void {
  if (pick) pickers.set(store, pick);
  else pickers.delete(store);
}

/** The room-frame floor point (x, y in m) under a client pixel, or null (no preview, or above the horizon). */
export function pickFloor(store: EditorStore, clientX: number, clientY: number): [number, number] | null {
  return pickers.get(store)?.(clientX, clientY) ?? null;
}
