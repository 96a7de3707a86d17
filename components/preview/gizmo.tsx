"use client";
/**
 * Transform gizmo on the selected object: moves on the floor plane (snapped to walls, edges and the grid, see
 * drag-session.ts) or rotates about the vertical axis (in 15 degree steps of the room frame while grid snapping is on
 * or Shift is held; the ring follows the angle the pointer sweeps around the object on its level plane, in the plan
 * view as in perspective), with the live check while dragging; on release a clean spot
 * is saved with PATCH .../objects/:oid {placement} (no rebuild) and a spot with problems waits for the designer
 * (release.ts). With several objects selected, the same move or turn is applied to all of them as one batch.
 */
import { useEffect, useRef, useState } from "react";
import { TransformControls } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { Euler, type EventDispatcher, type Group } from "three";
import type { TransformControls as TransformControlsImpl } from "three-stdlib";
import { normalizeYaw, placementToThree, threeToPlacement } from "@/lib/frames";
import { snapYaw, turnAround, turnSnapStep } from "@/lib/placement/snap";
import type { Placement, Point2 } from "@/lib/scene";
import { moveSelected } from "../editor/actions";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { evaluateDrag } from "./drag-session";
import type { GroupRegistry } from "./object-node";
import { placementStore } from "./placement-store";
import { releaseMove } from "./release";
import { pickFloor } from "./view-camera";

/** Attaches TransformControls to the selected object's group. */
export function Gizmo({ groups }: { groups: GroupRegistry }) {
  const store = useEditorStore();
  const selectedId = useEditor((s) => s.selectedId);
  const mode = useEditor((s) => s.gizmoMode);
  const topDown = useEditor((s) => s.topDown);
  const rev = useEditor((s) => s.scene?.objects.find((o) => o.id === s.selectedId)?.build.glbRev ?? null);
  const invalidate = useThree((s) => s.invalidate);
  const [target, setTarget] = useState<Group | null>(null);
  const [controls, setControls] = useState<TransformControlsImpl | null>(null);
  const from = useRef<Placement | null>(null);
  const shift = useRef(false);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  /** Where a turn began: the pointer's point on the object's level plane (room frame, m) and the yaw (deg). */
  const turnFrom = useRef<{ at: Point2; yawDeg: number } | null>(null);

  useEffect(() => {
    // TransformControls' change events carry neither modifier keys nor the pointer: follow both on the window,
    // in the capture phase so they are current when the controls handle the same event.
    const track = (e: KeyboardEvent) => {
      shift.current = e.shiftKey;
    };
    const clear = () => {
      shift.current = false;
    };
    const follow = (e: PointerEvent) => {
      pointer.current = { x: e.clientX, y: e.clientY };
    };
    window.addEventListener("keydown", track);
    window.addEventListener("keyup", track);
    window.addEventListener("blur", clear);
    window.addEventListener("pointerdown", follow, true);
    window.addEventListener("pointermove", follow, true);
    return () => {
      window.removeEventListener("keydown", track);
      window.removeEventListener("keyup", track);
      window.removeEventListener("blur", clear);
      window.removeEventListener("pointerdown", follow, true);
      window.removeEventListener("pointermove", follow, true);
    };
  }, []);

  useEffect(() => {
    // Box select (Shift+drag in the plan view) leaves a press on a handle to the gizmo.
    if (!controls) return;
    const ps = placementStore(store).getState();
    const hover = (e: { value: string | null }) => ps.setGizmoHover(e.value !== null);
    const events = controls as unknown as EventDispatcher<{ "axis-changed": { value: string | null } }>;
    events.addEventListener("axis-changed", hover);
    return () => {
      events.removeEventListener("axis-changed", hover);
      ps.setGizmoHover(false);
    };
  }, [controls, store]);

  useEffect(() => {
    // The group registers in an effect of its own; look it up after the commit.
    const t = setTimeout(() => setTarget(selectedId ? (groups.get(selectedId) ?? null) : null), 0);
    return () => clearTimeout(t);
  }, [selectedId, groups, rev]);

  // In plan view objects are dragged directly (plan-drag.tsx); the move gizmo would only hide them.
  if (!target || !selectedId || (topDown && mode === "translate")) return null;

  const current = (): Placement | null => {
    const obj = store.getState().scene?.objects.find((o) => o.id === selectedId);
    if (!obj) return null;
    // WARNING: rotation.y (XYZ order) folds a turn past 90 degrees into (x = pi, y = 180 - yaw, z = pi); the YXZ
    // order reads a turn about the vertical axis over the whole circle.
    const yaw = new Euler().setFromQuaternion(target.quaternion, "YXZ").y;
    return { ...threeToPlacement([target.position.x, target.position.y, target.position.z], yaw), z: obj.placement.z };
  };

  /** The pointer's point on the level plane through the object (room frame, m), or null. */
  const pointerAt = (p: Placement): Point2 | null => (pointer.current ? pickFloor(store, pointer.current.x, pointer.current.y, p.z) : null);

  const onDown = () => {
    const start = store.getState().scene?.objects.find((o) => o.id === selectedId)?.placement ?? null;
    from.current = start;
    const at = start && mode === "rotate" ? pointerAt(start) : null;
    turnFrom.current = start && at ? { at, yawDeg: start.yawDeg } : null;
    placementStore(store).getState().setPending(null);
  };

  /**
   * The yaw (deg) the pointer has turned the ring to: the start yaw plus the angle swept around the object's centre.
   * WARNING: TransformControls turns by the drag's length across a direction fixed by the view (in the plan view,
   * a direction set by where the object sits in the view), so a drag along the ring may not turn it at all.
   */
  const ringYaw = (p: Placement): number | null => {
    const start = turnFrom.current;
    const now = pointerAt(p);
    const d = start && now ? turnAround([p.x, p.y], start.at, now) : null;
    return start && d !== null ? normalizeYaw(start.yawDeg + d) : null;
  };

  const onChange = () => {
    if (!from.current) return;
    let raw = current();
    if (!raw) return;
    if (mode === "rotate") {
      const yaw = ringYaw(raw);
      if (yaw !== null) {
        raw = { ...raw, yawDeg: yaw };
        target.rotation.set(0, placementToThree(raw).rotationY, 0);
      }
    }
    const step = mode === "rotate" ? turnSnapStep(placementStore(store).getState().grid !== null, shift.current) : null;
    if (store.getState().selectedIds.length > 1) {
      // Several selected: the turn they all share is snapped on the selected object's yaw.
      if (step) target.rotation.set(0, placementToThree({ ...raw, yawDeg: snapYaw(raw.yawDeg, step) }).rotationY, 0);
      return;
    }
    const d = evaluateDrag(store, selectedId, raw, mode === "translate", step);
    if (!d) return;
    const t = placementToThree(d.placement);
    if (mode === "translate") target.position.set(t.position[0], target.position.y, t.position[2]);
    else target.rotation.set(0, t.rotationY, 0);
    placementStore(store).getState().setDrag(d);
    invalidate();
  };

  const onRelease = async () => {
    const start = from.current;
    from.current = null;
    const ps = placementStore(store).getState();
    const drag = ps.drag;
    ps.setDrag(null);
    const { scene, upsertObject } = store.getState();
    const obj = scene?.objects.find((o) => o.id === selectedId);
    const placement = current();
    if (!obj || !placement || !start) return;
    // Several selected: the same move or turn for all of them, as one undo step.
    if (store.getState().selectedIds.length > 1) {
      if (Math.abs(placement.x - obj.placement.x) < 1e-4 && Math.abs(placement.y - obj.placement.y) < 1e-4 && Math.abs(placement.yawDeg - obj.placement.yawDeg) < 1e-3) return;
      const dyaw = placement.yawDeg - obj.placement.yawDeg;
      const ok = await moveSelected(store, { dx: placement.x - obj.placement.x, dy: placement.y - obj.placement.y, dyaw: mode === "rotate" ? dyaw : 0 });
      if (!ok) upsertObject(obj);
      return;
    }
    const final = drag && drag.id === selectedId ? drag : evaluateDrag(store, selectedId, placement, false);
    await releaseMove(store, selectedId, start, final?.placement ?? placement, final?.problems ?? []);
  };

  return (
    <TransformControls
      ref={setControls}
      object={target}
      mode={mode}
      showY={mode === "rotate"}
      showX={mode === "translate"}
      showZ={mode === "translate"}
      size={0.8}
      onMouseDown={onDown}
      onObjectChange={onChange}
      onMouseUp={() => void onRelease()}
    />
  );
}
