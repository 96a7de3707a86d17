"use client";
/**
 * Box select in plan view: with the top view on, Shift+drag on the canvas draws a rectangle (orbiting paused) and
 * selects every object whose centre projects inside it (Shift held at release adds to the selection); a press on a
 * gizmo handle stays the gizmo's.
 */
import { useEffect } from "react";
import { useThree } from "@react-three/fiber";
import { Box3, Vector3 } from "three";
import type { OrbitControls as OrbitControlsImpl } from "three-stdlib";
import { useEditorStore } from "../editor/editor-context";
import { placementStore } from "./placement-store";
import type { GroupRegistry } from "./object-node";

/** Installs the pointer handlers on the canvas element. */
export function BoxSelect({ groups }: { groups: GroupRegistry }) {
  const store = useEditorStore();
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;
  useEffect(() => {
    const el = gl.domElement;
    const host = el.parentElement;
    if (!host) return;
    let start: { x: number; y: number } | null = null;
    let rect: HTMLDivElement | null = null;
    const local = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const down = (e: PointerEvent) => {
      if (!e.shiftKey || !store.getState().topDown || e.button !== 0) return;
      // Shift on a gizmo handle is a snapped turn, not a box.
      if (placementStore(store).getState().gizmoHover) return;
      e.stopPropagation();
      e.preventDefault();
      start = local(e);
      if (controls) controls.enabled = false;
      rect = document.createElement("div");
      rect.dataset.testid = "box-select-rect";
      rect.style.cssText = "position:absolute;border:1px solid #0284c7;background:rgba(14,165,233,.12);pointer-events:none;z-index:5";
      host.appendChild(rect);
      el.setPointerCapture?.(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (!start || !rect) return;
      const p = local(e);
      Object.assign(rect.style, { left: `${Math.min(p.x, start.x)}px`, top: `${Math.min(p.y, start.y)}px`, width: `${Math.abs(p.x - start.x)}px`, height: `${Math.abs(p.y - start.y)}px` });
    };
    const up = (e: PointerEvent) => {
      if (!start) return;
      const p = local(e);
      const [x0, x1] = [Math.min(p.x, start.x), Math.max(p.x, start.x)];
      const [y0, y1] = [Math.min(p.y, start.y), Math.max(p.y, start.y)];
      start = null;
      rect?.remove();
      rect = null;
      if (controls) controls.enabled = true;
      if (x1 - x0 < 4 && y1 - y0 < 4) return;
      const w = el.clientWidth;
      const h = el.clientHeight;
      const hits: string[] = [];
      const v = new Vector3();
      for (const [id, g] of groups) {
        if (!g.visible) continue;
        new Box3().setFromObject(g).getCenter(v);
        v.project(camera);
        const sx = ((v.x + 1) / 2) * w;
        const sy = ((1 - v.y) / 2) * h;
        if (sx >= x0 && sx <= x1 && sy >= y0 && sy <= y1) hits.push(id);
      }
      const st = store.getState();
      st.setSelection(e.shiftKey ? [...new Set([...st.selectedIds, ...hits])] : hits);
    };
    el.addEventListener("pointerdown", down, true);
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
    return () => {
      el.removeEventListener("pointerdown", down, true);
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
      rect?.remove();
    };
  }, [gl, camera, controls, groups, store]);
  return null;
}
