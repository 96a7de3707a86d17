"use client";
/**
 * A read-only probe of the preview for end-to-end tests, installed as `window.__roomcodePreview` only when the page
 * URL carries `?e2e` (never in normal use): the three.js camera, room-frame points to client pixels and back, and
 * the client pixel of a transform-gizmo handle as the gizmo's own picking resolves it, so that a test presses
 * exactly on a handle instead of guessing pixels.
 */
import { useEffect } from "react";
import { useThree } from "@react-three/fiber";
import { Box3, type Camera, type Mesh, type Object3D, Raycaster, Vector2, Vector3 } from "three";
import { roomToThree, threeToRoom } from "@/lib/frames";
import { useEditorStore } from "../editor/editor-context";
import { pickFloor } from "./view-camera";

/** What a test reads of the camera: three.js type, whether the projection is orthographic, view direction (room frame). */
export interface CameraProbe {
  type: string;
  orthographic: boolean;
  /** `projectionMatrix.elements` (column-major): an orthographic projection has [11] = 0 and [15] = 1. */
  projection: number[];
  /** Unit view direction in the room frame (Z-up). */
  look: [number, number, number];
}

/** The probe on `window.__roomcodePreview`; pixels are client (page viewport) pixels. */
export interface PreviewTestHook {
  camera(): CameraProbe;
  /** Client pixel of a room-frame point (m). */
  toScreen(x: number, y: number, z: number): { x: number; y: number };
  /** Room-frame floor point (m) under a client pixel, or null above the horizon. */
  floorAt(clientX: number, clientY: number): [number, number] | null;
  /**
   * Client pixel of gizmo handle `name` ("XZ", "X", "Y", ...) of the active mode where the gizmo picks that handle
   * (an axis ring: the point of the ring lowest on screen), or null when no gizmo is shown or nothing there picks it.
   */
  gizmoHandle(name: string): { x: number; y: number } | null;
  /** Id of the scene object nearest the camera under a client pixel (the object a click there reaches), or null. */
  objectAt(clientX: number, clientY: number): string | null;
}

/** The query flag that installs the probe. */
export const TEST_HOOK_FLAG = "e2e";

type Gizmo = Object3D & {
  mode: string;
  raycaster: Raycaster;
  gizmo: { picker: Record<string, Object3D> };
  intersectObjectWithRay(o: Object3D, r: Raycaster, invisible?: boolean): { object: Object3D } | false;
};

/** Installs the probe while mounted (inside the Canvas). */
export function PreviewTestHook() {
  const get = useThree((s) => s.get);
  const store = useEditorStore();
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has(TEST_HOOK_FLAG)) return;
    const rect = () => get().gl.domElement.getBoundingClientRect();
    const toClient = (p: Vector3, camera: Camera) => {
      const r = rect();
      const v = p.clone().project(camera);
      return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
    };
    const ndc = (cx: number, cy: number) => {
      const r = rect();
      return new Vector2(((cx - r.left) / r.width) * 2 - 1, -((cy - r.top) / r.height) * 2 + 1);
    };
    const hook: PreviewTestHook = {
      camera() {
        const { camera } = get();
        const d = camera.getWorldDirection(new Vector3());
        const look = threeToRoom(d.x, d.y, d.z);
        return { type: camera.type, orthographic: (camera as { isOrthographicCamera?: boolean }).isOrthographicCamera === true, projection: [...camera.projectionMatrix.elements], look };
      },
      toScreen(x, y, z) {
        return toClient(new Vector3(...roomToThree(x, y, z)), get().camera);
      },
      floorAt: (cx, cy) => pickFloor(store, cx, cy),
      gizmoHandle(name) {
        const { scene, camera } = get();
        let gizmo: Gizmo | null = null;
        scene.traverse((o) => {
          if ((o as { isTransformControls?: boolean }).isTransformControls && o.visible) gizmo = o as Gizmo;
        });
        const g = gizmo as Gizmo | null;
        if (!g) return null;
        // Lays the handles out for the current camera, as a render would.
        scene.updateMatrixWorld();
        const picker = g.gizmo.picker[g.mode];
        const handle = picker?.children.find((c) => c.name === name) as Mesh | undefined;
        if (!handle) return null;
        const geometry = handle.geometry;
        geometry.computeBoundingBox();
        const size = (geometry.boundingBox ?? new Box3()).getSize(new Vector3());
        const centre = (geometry.boundingBox ?? new Box3()).getCenter(new Vector3());
        // A turn ring (radius 1, its box about 2.2 wide in the ring's plane): points along it; else the handle's centre.
        const local: Vector3[] = [];
        if ([size.x, size.y, size.z].sort((p, q) => q - p)[1] > 1.5) {
          const flat = size.x < size.y && size.x < size.z ? "x" : size.y < size.z ? "y" : "z";
          for (let i = 0; i < 72; i++) {
            const t = (i / 72) * Math.PI * 2;
            const [a, b] = [Math.cos(t), Math.sin(t)];
            local.push(flat === "x" ? new Vector3(0, a, b) : flat === "y" ? new Vector3(a, 0, b) : new Vector3(a, b, 0));
          }
        } else local.push(centre);
        const picks = local
          .map((p) => toClient(p.applyMatrix4(handle.matrixWorld), camera))
          .filter((s) => {
            g.raycaster.setFromCamera(ndc(s.x, s.y), camera);
            const hit = g.intersectObjectWithRay(picker, g.raycaster);
            return hit && hit.object === handle;
          });
        if (!picks.length) return null;
        return picks.reduce((a, b) => (b.y > a.y ? b : a));
      },
      objectAt(cx, cy) {
        const { scene, camera } = get();
        const ray = new Raycaster();
        ray.setFromCamera(ndc(cx, cy), camera);
        for (const hit of ray.intersectObjects(scene.children, true)) {
          if (!hit.object.visible) continue;
          for (let o: Object3D | null = hit.object; o; o = o.parent) if (typeof o.userData?.objectId === "string") return o.userData.objectId;
        }
        return null;
      },
    };
    (window as unknown as { __roomcodePreview?: PreviewTestHook }).__roomcodePreview = hook;
    return () => {
      delete (window as unknown as { __roomcodePreview?: PreviewTestHook }).__roomcodePreview;
    };
  }, [get, store]);
  return null;
}
