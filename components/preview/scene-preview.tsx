"use client";
/**
 * The 3D preview (react-three-fiber + drei): room shell with a wall cutaway, every built object GLB by its
 * placement, orbit controls, grid, an orthographic plan view with direct drag, a transform gizmo, snapping (grid,
 * walls, edges) with live distances and placement warnings, dimension lines, box select in plan view, and lighting that
 * needs no network (environment from three's RoomEnvironment, soft shadows, contact shadows, the room's own
 * lights; see lighting.tsx) with a quality toggle for slow machines. Renders on demand to spare the CPU.
 */
import { useEffect, useMemo, useRef } from "react";
import { Canvas, useFrame, useThree } from "@react-three/fiber";
import { useStore } from "zustand";
import { Grid, OrbitControls } from "@react-three/drei";
import { useEditor, useEditorStore } from "../editor/editor-context";
import type { OrbitControls as OrbitControlsImpl } from "three-stdlib";
import { BoxSelect } from "./box-select";
import { CameraRig } from "./camera-rig";
import { PreviewLighting } from "./lighting";
import { Plane, Raycaster, Vector2, Vector3 } from "three";
import { threeToRoom } from "@/lib/frames";
import { registerFloorPicker, registerViewCamera } from "./view-camera";
import type { OrthographicCamera } from "three";
import { Gizmo } from "./gizmo";
import { PlanCamera } from "./plan-camera";
import { PlanDrag } from "./plan-drag";
import { PlacementPanel } from "./placement-panel";
import { GRID_STEP, placementStore } from "./placement-store";
import { ObjectNode, type GroupRegistry } from "./object-node";
import { RoomNode } from "./room-node";
import { PreviewTestHook } from "./test-hook";

function Objects({ groups }: { groups: GroupRegistry }) {
  const objects = useEditor((s) => s.scene?.objects ?? []);
  return (
    <>
      {objects.map((o) => (
        <ObjectNode key={o.id} obj={o} groups={groups} />
      ))}
    </>
  );
}

/** Lets the Render menu read the preview camera (position, orbit target, vertical fov) and the library drop find the floor. */
function ViewCameraProbe() {
  const store = useEditorStore();
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    registerFloorPicker(store, (cx, cy, height) => {
      const r = gl.domElement.getBoundingClientRect();
      const ray = new Raycaster();
      ray.setFromCamera(new Vector2(((cx - r.left) / r.width) * 2 - 1, -((cy - r.top) / r.height) * 2 + 1), camera);
      const hit = ray.ray.intersectPlane(new Plane(new Vector3(0, 1, 0), -height), new Vector3());
      if (!hit) return null;
      const [x, y] = threeToRoom(hit.x, hit.y, hit.z);
      return [x, y];
    });
    return () => registerFloorPicker(store, null);
  }, [store, camera, gl]);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;
  useEffect(() => {
    registerViewCamera(store, () => {
      const t = controls?.target;
      const fov = (camera as { fov?: number }).fov ?? 45;
      const position: [number, number, number] = [camera.position.x, camera.position.y, camera.position.z];
      const o = camera as Partial<OrthographicCamera>;
      if (o.isOrthographicCamera && o.zoom && o.right !== undefined && o.left !== undefined && o.top !== undefined && o.bottom !== undefined) {
        // The plan view looks straight down: the target is the floor point under the camera.
        return { position, target: [position[0], 0, position[2]], fovDeg: fov, ortho: { w: (o.right - o.left) / o.zoom, h: (o.top - o.bottom) / o.zoom } };
      }
      return { position, target: t ? [t.x, t.y, t.z] : [0, 0, 0], fovDeg: fov };
    });
    return () => registerViewCamera(store, null);
  }, [store, camera, controls]);
  return null;
}

/**
 * Hands the canvas's invalidate to code outside it, and writes the room-frame positions of the lights that belong to
 * objects, read from the scene graph, to the preview's `data-object-lights` ("objectId x y z;..." in m) at each frame.
 */
function PreviewProbe({ invalidateRef }: { invalidateRef: { current: () => void } }) {
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    invalidateRef.current = invalidate;
  }, [invalidate, invalidateRef]);
  const v = useMemo(() => new Vector3(), []);
  useFrame(({ scene }) => {
    const host = gl.domElement.closest<HTMLElement>("[data-testid=preview]");
    if (!host) return;
    const out: string[] = [];
    scene.traverse((o) => {
      if (!o.userData?.decorLight || !o.userData.objectId) return;
      o.getWorldPosition(v);
      const [x, y, z] = threeToRoom(v.x, v.y, v.z);
      out.push(`${o.userData.objectId} ${x.toFixed(4)} ${y.toFixed(4)} ${z.toFixed(4)}`);
    });
    const text = out.join(";");
    if (host.dataset.objectLights !== text) host.dataset.objectLights = text;
  });
  return null;
}

function Toolbar() {
  const store = useEditorStore();
  const ps = placementStore(store);
  const grid = useStore(ps, (s) => s.grid);
  const smart = useStore(ps, (s) => s.smart);
  const topDown = useEditor((s) => s.topDown);
  const cutaway = useEditor((s) => s.cutaway);
  const mode = useEditor((s) => s.gizmoMode);
  const hasSel = useEditor((s) => s.selectedId !== null);
  const quality = useEditor((s) => s.quality);
  const btn = "whitespace-nowrap rounded border border-stone-300 bg-white/90 px-2 py-0.5 text-xs shadow-sm hover:bg-white aria-pressed:bg-sky-100";
  return (
    <div className="absolute left-2 right-2 top-2 flex flex-wrap gap-1" role="toolbar" aria-label="Preview tools">
      <button
        type="button"
        className={btn}
        aria-pressed={topDown}
        data-testid="toggle-topdown"
        title="Plan view: orthographic, straight down, north up; drag objects to move them, drag the floor to pan, wheel to zoom"
        onClick={() => store.getState().toggleTopDown()}
      >
        Plan view
      </button>
      <button
        type="button"
        className={btn}
        aria-pressed={cutaway}
        data-testid="toggle-cutaway"
        title="Hide the walls between the camera and the room"
        onClick={() => store.getState().toggleCutaway()}
      >
        Cut away walls
      </button>
      <button type="button" className={btn} aria-pressed={mode === "translate"} onClick={() => store.getState().setGizmoMode("translate")}>
        Move
      </button>
      <button type="button" className={btn} aria-pressed={mode === "rotate"} onClick={() => store.getState().setGizmoMode("rotate")}>
        Rotate
      </button>
      <button
        type="button"
        className={btn}
        aria-pressed={grid !== null}
        data-testid="toggle-grid-snap"
        title={`Snap positions to a ${GRID_STEP} m grid while dragging`}
        onClick={() => ps.getState().setGrid(grid === null ? GRID_STEP : null)}
      >
        Grid {GRID_STEP} m
      </button>
      <button
        type="button"
        className={btn}
        aria-pressed={smart}
        data-testid="toggle-smart-snap"
        title="Snap to walls (the side facing the wall flush against it) and to other objects' edges while dragging"
        onClick={() => ps.getState().setSmart(!smart)}
      >
        Snap to walls, edges
      </button>
      <button type="button" className={btn} disabled={!hasSel} onClick={() => store.getState().requestFrame()} title="Frame selection (F)">
        Frame
      </button>
      <button
        type="button"
        className={btn}
        aria-pressed={quality === "high"}
        data-testid="toggle-quality"
        title={quality === "high" ? "High quality: shadows and contact shadows (turn off on a slow machine)" : "Low quality: no shadows"}
        onClick={() => store.getState().setQuality(quality === "high" ? "low" : "high")}
      >
        {quality === "high" ? "High quality" : "Fast preview"}
      </button>
    </div>
  );
}

/** The preview pane. */
export default function ScenePreview() {
  const groups = useMemo<GroupRegistry>(() => new Map(), []);
  const wallsHidden = useEditor((s) => s.wallsHidden);
  const quality = useEditor((s) => s.quality);
  const invalidateRef = useRef<() => void>(() => {});
  const invalidate = useMemo(() => () => invalidateRef.current(), []);
  return (
    <div className="relative h-full w-full bg-gradient-to-b from-stone-200 to-stone-100" data-testid="preview" data-walls-hidden={wallsHidden.join(" ")} data-quality={quality}>
      <Canvas
        frameloop="demand"
        shadows={quality === "high" ? "soft" : false}
        dpr={[1, 1.5]}
        camera={{ position: [4, 5, 6], fov: 45, near: 0.05, far: 200 }}
        gl={{ antialias: true, preserveDrawingBuffer: true }}
        aria-label="3D preview of the room"
      >
        <PreviewLighting />
        <Grid args={[30, 30]} cellSize={0.5} sectionSize={1} cellColor="#d6d3d1" sectionColor="#a8a29e" fadeDistance={30} infiniteGrid position={[0, -0.03, 0]} />
        <RoomNode />
        <Objects groups={groups} />
        <Gizmo groups={groups} />
        <OrbitControls makeDefault enableDamping={false} maxPolarAngle={Math.PI / 2 - 0.02} />
        <CameraRig groups={groups} />
        <PlanCamera />
        <ViewCameraProbe />
        <BoxSelect groups={groups} />
        <PlanDrag groups={groups} />
        <PreviewProbe invalidateRef={invalidateRef} />
        <PreviewTestHook />
      </Canvas>
      <Toolbar />
      <PlacementPanel groups={groups} invalidate={invalidate} />
    </div>
  );
}
