"use client";
/**
 * Transform gizmo on the selected object: moves on the floor plane (snapped to walls, edges and the grid, see
 * drag-session.ts) or rotates about the vertical axis (in 15 degree steps of the room frame while grid snapping is on
 * or Shift is held), with the live check while dragging; on release a clean spot
 * is saved with PATCH .../objects/:oid {placement} (no rebuild) and a spot with problems waits for the designer
 * (release.ts). With several objects selected, the same move or turn is applied to all of them as one batch.
 */
import { useEffect, useRef, useState } from "react";
import { TransformControls } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { Euler, type Group } from "three";
import { placementToThree, threeToPlacement } from "@/lib/frames";
import { snapYaw, turnSnapStep } from "@/lib/placement/snap";
import type { Placement } from "@/lib/scene";
import { moveSelected } from "../editor/actions";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { evaluateDrag } from "./drag-session";
import type { GroupRegistry } from "./object-node";
import { placementStore } from "./placement-store";
import { releaseMove } from "./release";

/** Attaches TransformControls to the selected object's group. */
export function Gizmo({ groups }: { groups: GroupRegistry }) {
  const store = useEditorStore();
  const selectedId = useEditor((s) => s.selectedId);
  const mode = useEditor((s) => s.gizmoMode);
  const topDown = useEditor((s) => s.topDown);
  const rev = useEditor((s) => s.scene?.objects.find((o) => o.id === s.selectedId)?.build.glbRev ?? null);
  const invalidate = useThree((s) => s.invalidate);
  const [target, setTarget] = useState<Group | null>(null);
  const from = useRef<Placement | null>(null);
  const shift = useRef(false);

  useEffect(() => {
    // TransformControls' change events carry no modifier keys: follow Shift on the window.
    const track = (e: KeyboardEvent) => {
      shift.current = e.shiftKey;
    };
    const clear = () => {
      shift.current = false;
    };
    window.addEventListener("keydown", track);
    window.addEventListener("keyup", track);
    window.addEventListener("blur", clear);
    return () => {
      window.removeEventListener("keydown", track);
      window.removeEventListener("keyup", track);
      window.removeEventListener("blur", clear);
    };
  }, []);

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

  const onDown = () => {
    from.current = store.getState().scene?.objects.find((o) => o.id === selectedId)?.placement ?? null;
    placementStore(store).getState().setPending(null);
  };

  const onChange = () => {
    if (!from.current) return;
    const raw = current();
    if (!raw) return;
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
