"use client";
/**
 * Transform gizmo on the selected object: moves on the floor plane (snapped to walls, edges and the grid, see
 * drag-session.ts) or rotates about the vertical axis, with the live check while dragging; on release a clean spot
 * is saved with PATCH .../objects/:oid {placement} (no rebuild) and a spot with problems waits for the designer
 * (release.ts). With several objects selected, the same move or turn is applied to all of them as one batch.
 */
import { useEffect, useRef, useState } from "react";
import { TransformControls } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import type { Group } from "three";
import { placementToThree, threeToPlacement } from "@/lib/frames";
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
    return { ...threeToPlacement([target.position.x, target.position.y, target.position.z], target.rotation.y), z: obj.placement.z };
  };

  const onDown = () => {
    from.current = store.getState().scene?.objects.find((o) => o.id === selectedId)?.placement ?? null;
    placementStore(store).getState().setPending(null);
  };

  const onChange = () => {
    if (!from.current || store.getState().selectedIds.length > 1) return;
    const raw = current();
    if (!raw) return;
    const d = evaluateDrag(store, selectedId, raw, mode === "translate");
    if (!d) return;
    if (mode === "translate") {
      const t = placementToThree(d.placement);
      target.position.set(t.position[0], target.position.y, t.position[2]);
    }
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
