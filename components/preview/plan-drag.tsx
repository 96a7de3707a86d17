"use client";
/**
 * Direct drag in plan view: with the top view on and the Move tool, pressing on an object and dragging moves it on
 * the floor (panning paused), snapped and checked live like the gizmo (drag-session.ts); release saves or holds
 * the spot (release.ts). Shift+drag stays box select.
 */
import { useEffect } from "react";
import { useThree } from "@react-three/fiber";
import { Plane, Raycaster, Vector2, Vector3, type Object3D } from "three";
import type { OrbitControls as OrbitControlsImpl } from "three-stdlib";
import { placementToThree, threeToRoom } from "@/lib/frames";
import type { Placement } from "@/lib/scene";
import { useEditorStore } from "../editor/editor-context";
import { evaluateDrag } from "./drag-session";
import type { GroupRegistry } from "./object-node";
import { placementStore } from "./placement-store";
import { releaseMove } from "./release";

function objectIdOf(o: Object3D | null): string | null {
  for (let p: Object3D | null = o; p; p = p.parent) if (typeof p.userData?.objectId === "string") return p.userData.objectId;
  return null;
}

/** Installs the pointer handlers on the canvas element. */
export function PlanDrag({ groups }: { groups: GroupRegistry }) {
  const store = useEditorStore();
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const el = gl.domElement;
    const floor = new Plane(new Vector3(0, 1, 0), 0);
    const ray = new Raycaster();
    const ndc = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return new Vector2(((e.clientX - r.left) / r.width) * 2 - 1, -((e.clientY - r.top) / r.height) * 2 + 1);
    };
    const floorAt = (e: PointerEvent): [number, number] | null => {
      ray.setFromCamera(ndc(e), camera);
      const hit = ray.ray.intersectPlane(floor, new Vector3());
      if (!hit) return null;
      const [x, y] = threeToRoom(hit.x, hit.y, hit.z);
      return [x, y];
    };
    let drag: { id: string; from: Placement; offset: [number, number]; pointer: number; moved: boolean } | null = null;

    const down = (e: PointerEvent) => {
      const st = store.getState();
      if (!st.topDown || st.gizmoMode !== "translate" || e.button !== 0 || e.shiftKey) return;
      ray.setFromCamera(ndc(e), camera);
      const visible = [...groups.values()].filter((g) => g.visible);
      const hit = ray.intersectObjects(visible, true).find((h) => objectIdOf(h.object) !== null);
      const id = hit ? objectIdOf(hit.object) : null;
      const obj = id ? st.scene?.objects.find((o) => o.id === id) : undefined;
      const at = floorAt(e);
      if (!id || !obj || !at) return;
      e.preventDefault();
      if (controls) controls.enabled = false;
      const ps = placementStore(store).getState();
      ps.setPending(null);
      if (st.selectedId !== id || st.selectedIds.length > 1) st.select(id);
      drag = { id, from: obj.placement, offset: [obj.placement.x - at[0], obj.placement.y - at[1]], pointer: e.pointerId, moved: false };
      el.setPointerCapture?.(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointer) return;
      const at = floorAt(e);
      if (!at) return;
      const raw = { ...drag.from, x: at[0] + drag.offset[0], y: at[1] + drag.offset[1] };
      const d = evaluateDrag(store, drag.id, raw, true);
      if (!d) return;
      drag.moved = true;
      const g = groups.get(drag.id);
      if (g) {
        const t = placementToThree(d.placement);
        g.position.set(...t.position);
      }
      placementStore(store).getState().setDrag(d);
      invalidate();
    };
    const up = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointer) return;
      const done = drag;
      drag = null;
      if (controls) controls.enabled = true;
      el.releasePointerCapture?.(e.pointerId);
      const ps = placementStore(store).getState();
      const d = ps.drag;
      ps.setDrag(null);
      if (!done.moved || !d || d.id !== done.id) return;
      void releaseMove(store, done.id, done.from, d.placement, d.problems);
    };
    el.addEventListener("pointerdown", down, true);
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
    el.addEventListener("pointercancel", up);
    return () => {
      el.removeEventListener("pointerdown", down, true);
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
      el.removeEventListener("pointercancel", up);
    };
  }, [gl, camera, controls, groups, store, invalidate]);
  return null;
}
