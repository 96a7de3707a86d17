"use client";
/**
 * Camera side effects: an initial view fitted to the room (once, so later scene updates never make the
 * camera jump) and framing the selection on request (key F). The plan view is plan-camera.tsx.
 */
import { useEffect, useRef } from "react";
import { useThree } from "@react-three/fiber";
import { Box3, Vector3 } from "three";
import type { OrbitControls as OrbitControlsImpl } from "three-stdlib";
import { useEditor, useEditorStore } from "../editor/editor-context";
import type { GroupRegistry } from "./object-node";

function roomExtent(footprint: [number, number][] | undefined): number {
  if (!footprint || footprint.length === 0) return 5;
  const xs = footprint.map((p) => p[0]);
  const ys = footprint.map((p) => p[1]);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 2);
}

/** The default three-quarter view for a room of extent `e` (m): high enough (about 50 degrees down) to see over the near walls of small rooms too. */
const HOME_VIEW = (e: number): [number, number, number] => [e * 0.3, e * 1.3 + 2.5, e * 1.0 + 1.5];

/** Moves the camera only on the first room and on a frame request. */
export function CameraRig({ groups }: { groups: GroupRegistry }) {
  const store = useEditorStore();
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;
  const invalidate = useThree((s) => s.invalidate);
  const footprint = useEditor((s) => s.scene?.room?.footprint);
  const frameRequest = useEditor((s) => s.frameRequest);
  const fitted = useRef(false);

  useEffect(() => {
    if (fitted.current || !controls || !footprint) return;
    fitted.current = true;
    const e = roomExtent(footprint);
    camera.position.set(...HOME_VIEW(e));
    controls.target.set(0, 0, 0);
    controls.update();
    invalidate();
  }, [footprint, controls, camera, invalidate]);

  useEffect(() => {
    if (frameRequest === 0 || !controls) return;
    const id = store.getState().selectedId;
    const g = id ? groups.get(id) : undefined;
    if (!g) return;
    const box = new Box3().setFromObject(g);
    if (box.isEmpty()) return;
    const center = box.getCenter(new Vector3());
    const size = box.getSize(new Vector3()).length();
    const dir = camera.position.clone().sub(controls.target).normalize();
    controls.target.copy(center);
    camera.position.copy(center).addScaledVector(dir, Math.max(size * 1.8, 1.2));
    controls.update();
    invalidate();
  }, [frameRequest, controls, camera, invalidate, groups, store]);

  return null;
}
