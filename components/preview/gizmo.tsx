"use client";
/**
 * Transform gizmo on the selected object: moves on the floor plane or rotates about the vertical axis;
 * on release the new placement (via lib/frames) is saved with PATCH .../objects/:oid {placement} (no rebuild), or,
 * with several objects selected, the same move or turn is applied to all of them as one batch.
 */
import { useEffect, useState } from "react";
import { TransformControls } from "@react-three/drei";
import type { Group } from "three";
import { threeToPlacement } from "@/lib/frames";
import { moveSelected } from "../editor/actions";
import { patchObject } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import type { GroupRegistry } from "./object-node";

/** Attaches TransformControls to the selected object's group. */
export function Gizmo({ groups }: { groups: GroupRegistry }) {
  const store = useEditorStore();
  const selectedId = useEditor((s) => s.selectedId);
  const mode = useEditor((s) => s.gizmoMode);
  const rev = useEditor((s) => s.scene?.objects.find((o) => o.id === s.selectedId)?.build.glbRev ?? null);
  const [target, setTarget] = useState<Group | null>(null);

  useEffect(() => {
    // The group registers in an effect of its own; look it up after the commit.
    const t = setTimeout(() => setTarget(selectedId ? (groups.get(selectedId) ?? null) : null), 0);
    return () => clearTimeout(t);
  }, [selectedId, groups, rev]);

  if (!target || !selectedId) return null;

  const onRelease = async () => {
    const { sceneId, scene, upsertObject, notify } = store.getState();
    const obj = scene?.objects.find((o) => o.id === selectedId);
    if (!obj) return;
    const next = threeToPlacement([target.position.x, target.position.y, target.position.z], target.rotation.y);
    const placement = { ...next, z: obj.placement.z };
    if (Math.abs(placement.x - obj.placement.x) < 1e-4 && Math.abs(placement.y - obj.placement.y) < 1e-4 && Math.abs(placement.yawDeg - obj.placement.yawDeg) < 1e-3) return;
    // Several selected: the same move or turn for all of them, as one undo step.
    if (store.getState().selectedIds.length > 1) {
      const dyaw = placement.yawDeg - obj.placement.yawDeg;
      const ok = await moveSelected(store, { dx: placement.x - obj.placement.x, dy: placement.y - obj.placement.y, dyaw: mode === "rotate" ? dyaw : 0 });
      if (!ok) upsertObject(obj);
      return;
    }
    upsertObject({ ...obj, placement });
    const r = await patchObject(sceneId, selectedId, { placement });
    if (r.ok) upsertObject(r.value.object);
    else {
      upsertObject(obj);
      notify("error", r.missing ? "Moving objects is not available on this server yet." : `Could not move ${selectedId}: ${r.error.message}`);
    }
  };

  return (
    <TransformControls
      object={target}
      mode={mode}
      showY={mode === "rotate"}
      showX={mode === "translate"}
      showZ={mode === "translate"}
      size={0.8}
      onMouseUp={() => void onRelease()}
    />
  );
}
