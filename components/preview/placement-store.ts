/**
 * State of direct manipulation in the preview, one store per editor store (like view-camera.ts): snapping options
 * (grid step, walls and edges), the live readout and problems of the object being dragged, a release into a spot
 * with problems that waits for the designer's choice, whether the pointer is on a gizmo handle, and the part boxes of
 * every loaded GLB.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { OrientedBox } from "@/lib/placement/boxes";
import type { PlacementProblem } from "@/lib/placement/check";
import type { SnapGuide } from "@/lib/placement/snap";
import type { Placement } from "@/lib/scene";
import type { EditorStore } from "../editor/editor-store";

/** Live figures while dragging: gaps (m) to the nearest walls and objects, what the position snapped to. */
export interface DragReadout {
  walls: { name: string; gap: number }[];
  objects: { id: string; gap: number }[];
  guides: SnapGuide[];
}

/** The object being dragged now. */
export interface DragState {
  id: string;
  placement: Placement;
  problems: PlacementProblem[];
  readout: DragReadout;
}

/** A release into a spot with problems: the object is shown at `to`, the scene still has it at `from`. */
export interface PendingMove {
  id: string;
  from: Placement;
  to: Placement;
  problems: PlacementProblem[];
  /** A message after an attempt to fix (e.g. the server cannot fix placements yet). */
  note: string | null;
  busy: boolean;
}

/** Placement state and its actions. */
export interface PlacementState {
  /** Grid step (m) when the grid snap is on, else null. */
  grid: number | null;
  /** Snap to walls and to other objects' edges. */
  smart: boolean;
  drag: DragState | null;
  pending: PendingMove | null;
  /** The pointer is over a handle of the transform gizmo (a press there belongs to the gizmo). */
  gizmoHover: boolean;
  setGrid: (g: number | null) => void;
  setSmart: (on: boolean) => void;
  setDrag: (d: DragState | null) => void;
  setPending: (p: PendingMove | null) => void;
  setGizmoHover: (on: boolean) => void;
}

/** Grid step (m) of the toolbar's grid toggle. */
export const GRID_STEP = 0.1;

const stores = new WeakMap<EditorStore, StoreApi<PlacementState>>();
const parts = new WeakMap<EditorStore, Map<string, OrientedBox[]>>();

/** The placement store of an editor (created on first use). */
export function placementStore(editor: EditorStore): StoreApi<PlacementState> {
  let s = stores.get(editor);
  if (!s) {
    s = createStore<PlacementState>()((set) => ({
      grid: null,
      smart: true,
      drag: null,
      pending: null,
      gizmoHover: false,
      setGrid: (grid) => set({ grid }),
      setSmart: (smart) => set({ smart }),
      setDrag: (drag) => set({ drag }),
      setPending: (pending) => set({ pending }),
      setGizmoHover: (gizmoHover) => set({ gizmoHover }),
    }));
    stores.set(editor, s);
  }
  return s;
}

/** Object id -> part boxes (local frame, m) of the GLB shown in the preview for that object. */
export function partRegistry(editor: EditorStore): Map<string, OrientedBox[]> {
  let m = parts.get(editor);
  if (!m) {
    m = new Map();
    parts.set(editor, m);
  }
  return m;
}
