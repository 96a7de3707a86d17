"use client";
/**
 * The plan view: a true orthographic camera looking straight down (north up), fitted to the room, with pan (left or
 * right drag on the floor) and zoom (wheel) and no orbit. Toggling it off gives the perspective camera back exactly
 * as it was, orbit target included. The preview element carries `data-camera` ("perspective" | "orthographic") and,
 * in plan view, `data-plan-view` = "cx cy pxPerMeter" (room-frame point at the canvas centre, m; screen scale).
 */
import { useEffect, useRef, useState } from "react";
import { useThree } from "@react-three/fiber";
import { MOUSE, OrthographicCamera, Vector3, type Camera } from "three";
import type { OrbitControls as OrbitControlsImpl } from "three-stdlib";
import { roomToThree, threeToRoom } from "@/lib/frames";
import { footprintBounds } from "@/lib/render/cameras";
import { useEditor, useEditorStore } from "../editor/editor-context";

/** Pixels per meter that fit a room of `w` x `d` m into a canvas of `pw` x `ph` px with a 6% margin on each side. */
export function fitZoom(w: number, d: number, pw: number, ph: number): number {
  return Math.max(1, Math.min(pw / (Math.max(w, 0.5) * 1.12), ph / (Math.max(d, 0.5) * 1.12)));
}

/** Frustum in pixels, so that `zoom` is pixels per meter. */
function setFrustum(c: OrthographicCamera, width: number, height: number): void {
  c.left = -width / 2;
  c.right = width / 2;
  c.top = height / 2;
  c.bottom = -height / 2;
  c.updateProjectionMatrix();
}

/** Look straight down on the room from above its walls, zoomed to fit, north up. */
function fitPlan(c: OrthographicCamera, controls: OrbitControlsImpl, footprint: [number, number][] | undefined, wallHeight: number, width: number, height: number): void {
  const b = footprint ? footprintBounds(footprint) : ([-3, -3, 3, 3] as const);
  const [cx, , cz] = roomToThree((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 0);
  // A tiny offset keeps the view's up vector (room north) well defined when looking straight down.
  c.position.set(cx, wallHeight + 20, cz + 1e-4);
  c.zoom = fitZoom(b[2] - b[0], b[3] - b[1], width, height);
  c.updateProjectionMatrix();
  controls.target.set(cx, 0, cz);
}

/** Plan view: pan with either button, no orbit; otherwise the orbit controls as they were. */
function configureControls(controls: OrbitControlsImpl, plan: boolean, target: Vector3 | null): void {
  if (target) controls.target.copy(target);
  controls.enableRotate = !plan;
  controls.mouseButtons = { LEFT: plan ? MOUSE.PAN : MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
  controls.screenSpacePanning = true;
  controls.update();
}

/** Write the camera type and, in plan view, "cx cy pxPerMeter" on the preview element. */
function reportCamera(host: HTMLElement | null, camera: Camera, ortho: OrthographicCamera): void {
  if (!host) return;
  host.dataset.camera = camera === ortho ? "orthographic" : "perspective";
  if (camera === ortho) {
    const [x, y] = threeToRoom(ortho.position.x, 0, ortho.position.z);
    host.dataset.planView = `${x.toFixed(4)} ${y.toFixed(4)} ${ortho.zoom.toFixed(4)}`;
  } else delete host.dataset.planView;
}

/** Switches the default camera between the perspective orbit and the orthographic plan camera. */
export function PlanCamera() {
  const store = useEditorStore();
  const set = useThree((s) => s.set);
  const size = useThree((s) => s.size);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const topDown = useEditor((s) => s.topDown);
  const [ortho] = useState(() => {
    const c = new OrthographicCamera(-1, 1, 1, -1, 0.05, 200);
    c.name = "plan-camera";
    return c;
  });
  const persp = useRef<typeof camera | null>(null);
  const perspTarget = useRef(new Vector3());
  const planFitted = useRef(false);

  useEffect(() => {
    setFrustum(ortho, size.width, size.height);
    invalidate();
  }, [ortho, size.width, size.height, invalidate]);

  useEffect(() => {
    if (camera !== ortho && !persp.current) persp.current = camera;
    if (topDown && camera !== ortho) {
      if (controls) perspTarget.current.copy(controls.target);
      persp.current = camera;
      planFitted.current = false;
      set({ camera: ortho });
    } else if (!topDown && camera === ortho && persp.current) {
      set({ camera: persp.current });
    }
  }, [topDown, camera, ortho, controls, set]);

  // Controls follow the camera (drei's OrbitControls makes new controls for a new default camera).
  useEffect(() => {
    if (!controls) return;
    const host = gl.domElement.closest<HTMLElement>("[data-testid=preview]");
    const plan = camera === ortho;
    if (plan && !planFitted.current) {
      planFitted.current = true;
      const room = store.getState().scene?.room;
      fitPlan(ortho, controls, room?.footprint, room?.wallHeight ?? 2.7, size.width, size.height);
    }
    configureControls(controls, plan, plan ? null : perspTarget.current);
    invalidate();
    const report = () => reportCamera(host, camera, ortho);
    report();
    controls.addEventListener("change", report);
    return () => controls.removeEventListener("change", report);
  }, [camera, controls, ortho, store, gl, size.width, size.height, invalidate]);

  // The perspective camera keeps its own orbit target while the plan view is on.
  useEffect(() => {
    if (!controls || camera === ortho) return;
    const keep = () => perspTarget.current.copy(controls.target);
    controls.addEventListener("change", keep);
    return () => controls.removeEventListener("change", keep);
  }, [controls, camera, ortho]);

  return null;
}
