"use client";
/**
 * One scene object in the preview: placed by its placement (via lib/frames), selectable (Shift-click adds), outlined
 * when selected, rebuilding or in a spot with problems (red), with dimension lines when it alone is selected and its
 * own lights inside its group. Registers its group and the part boxes of its GLB.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ThreeEvent } from "@react-three/fiber";
import { Box3, Box3Helper, Color, type Group, type Object3D } from "three";
import { placementToThree, roomToThree } from "@/lib/frames";
import type { SceneObject } from "@/lib/scene";
import { objectGlbUrl } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { GlbErrorBoundary, GlbModel } from "./glb-model";
import { LightBulb } from "./lighting";
import { withLampBulbs } from "@/lib/scene/lights";
import { DimensionLines } from "./dimension-lines";
import { partBoxes } from "./part-boxes";
import { partRegistry, placementStore } from "./placement-store";
import { useStore } from "zustand";
import { JointMotion } from "../joints/joint-motion";
import { jointsOf } from "../joints/joint-pose";

/** Pointer travel (CSS px) between press and release up to which a press on an object is a click, not a drag. */
const CLICK_SLOP_PX = 5;

/** Registry of object groups by id, so the gizmo and framing can reach the selected group. */
export type GroupRegistry = Map<string, Group>;

function Outline({ box, color }: { box: Box3; color: string }) {
  const helper = useMemo(() => {
    const b = box.clone().expandByScalar(0.02);
    const h = new Box3Helper(b, new Color(color));
    // Drawn over walls and other objects so the selection stays visible from any view.
    const m = h.material as { depthTest: boolean; transparent: boolean };
    m.depthTest = false;
    m.transparent = true;
    h.renderOrder = 999;
    return h;
  }, [box, color]);
  useEffect(() => () => helper.dispose(), [helper]);
  return <primitive object={helper} raycast={() => null} />;
}

/** Renders `obj` when it has a GLB revision; registers its group in `groups`. */
export function ObjectNode({ obj, groups }: { obj: SceneObject; groups: GroupRegistry }) {
  const store = useEditorStore();
  const selected = useEditor((s) => s.selectedIds.includes(obj.id));
  const pending = useEditor((s) => s.pending.includes(obj.id) || (s.pending.length > 0 && (obj.build.status === "coding" || obj.build.status === "building")));
  const ref = useRef<Group>(null);
  const allLights = useEditor((s) => s.scene?.decor?.lights);
  const ownLights = useMemo(() => withLampBulbs(allLights ?? [], [obj]).filter((l) => l.objectId === obj.id && l.local && l.kind !== "sun"), [allLights, obj]);
  const [box, setBox] = useState<Box3 | null>(null);
  const t = placementToThree(obj.placement);
  const rev = obj.build.glbRev;
  const url = rev !== null ? objectGlbUrl(store.getState().sceneId, obj.id, rev) : null;

  useEffect(() => {
    const g = ref.current;
    if (!g) return;
    groups.set(obj.id, g);
    return () => {
      if (groups.get(obj.id) === g) groups.delete(obj.id);
    };
  }, [groups, obj.id]);

  // Keep the group on its stored placement (also undoes a gizmo drag the server refused).
  useEffect(() => {
    const g = ref.current;
    if (!g) return;
    g.position.set(...t.position);
    g.rotation.set(0, t.rotationY, 0);
  }, [t.position[0], t.position[1], t.position[2], t.rotationY]); // eslint-disable-line react-hooks/exhaustive-deps

  const single = useEditor((s) => s.selectedId === obj.id && s.selectedIds.length === 1);
  const plan = useEditor((s) => s.topDown);
  const warn = useStore(placementStore(store), (s) => (s.drag?.id === obj.id && s.drag.problems.length > 0) || s.pending?.id === obj.id);
  const onLoaded = useCallback(
    (b: Box3, root?: Object3D) => {
      setBox(b);
      if (root) partRegistry(store).set(obj.id, partBoxes(root));
      if (rev !== null) store.getState().setLoaded(obj.id, rev);
    },
    [store, obj.id, rev],
  );
  const onError = useCallback(
    (e: Error) => store.getState().notify("error", `The 3D model of ${obj.id} could not be shown.`, e.message),
    [store, obj.id],
  );
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    // A press that moved further than a click (an orbit or pan drag ending on the object) selects nothing.
    if (e.delta > CLICK_SLOP_PX) return;
    if (e.shiftKey || e.nativeEvent.shiftKey) store.getState().toggleSelect(obj.id);
    else store.getState().select(obj.id);
  };

  return (
    <group ref={ref} name={obj.id} position={t.position} rotation={[0, t.rotationY, 0]} visible={!obj.hidden} onClick={onClick} userData={{ objectId: obj.id }}>
      {url && (
        <GlbErrorBoundary onError={onError} resetKey={url}>
          <Suspense fallback={null}>
            <GlbModel key={url} url={url} onLoaded={onLoaded} />
          </Suspense>
        </GlbErrorBoundary>
      )}
      {ownLights.map((l, i) => (
        <LightBulb key={i} light={l} position={roomToThree(...l.local!)} name={`light-of-${obj.id}-${i + 1}`} distance={12} />
      ))}
      <JointMotion objectId={obj.id} joints={jointsOf(obj)} selected={selected} />
      {box && (selected || pending || warn) && <Outline box={box} color={warn ? "#dc2626" : pending ? "#f59e0b" : "#0ea5e9"} />}
      {box && single && <DimensionLines box={box} plan={plan} />}
    </group>
  );
}
