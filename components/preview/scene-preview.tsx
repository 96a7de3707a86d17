"use client";
/**
 * The 3D preview (react-three-fiber + drei): room shell with a wall cutaway, every built object GLB by its
 * placement, orbit controls, grid, a top-down toggle, a transform gizmo, box select in plan view, and lighting that
 * needs no network (environment from three's RoomEnvironment, soft shadows, contact shadows, the room's own
 * lights; see lighting.tsx) with a quality toggle for slow machines. Renders on demand to spare the CPU.
 */
import { useEffect, useMemo } from "react";
import { Canvas, useThree } from "@react-three/fiber";
import { Grid, OrbitControls } from "@react-three/drei";
import { useEditor, useEditorStore } from "../editor/editor-context";
import type { OrbitControls as OrbitControlsImpl } from "three-stdlib";
import { BoxSelect } from "./box-select";
import { CameraRig } from "./camera-rig";
import { PreviewLighting } from "./lighting";
import { Plane, Raycaster, Vector2, Vector3 } from "three";
import { threeToRoom } from "@/lib/frames";
import { registerFloorPicker, registerViewCamera } from "./view-camera";
import { Gizmo } from "./gizmo";
import { ObjectNode, type GroupRegistry } from "./object-node";
import { RoomNode } from "./room-node";

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
    const floor = new Plane(new Vector3(0, 1, 0), 0);
    registerFloorPicker(store, (cx, cy) => {
      const r = gl.domElement.getBoundingClientRect();
      const ray = new Raycaster();
      ray.setFromCamera(new Vector2(((cx - r.left) / r.width) * 2 - 1, -((cy - r.top) / r.height) * 2 + 1), camera);
      const hit = ray.ray.intersectPlane(floor, new Vector3());
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
      return { position: [camera.position.x, camera.position.y, camera.position.z], target: t ? [t.x, t.y, t.z] : [0, 0, 0], fovDeg: fov };
    });
    return () => registerViewCamera(store, null);
  }, [store, camera, controls]);
  return null;
}

function Toolbar() {
  const store = useEditorStore();
  const topDown = useEditor((s) => s.topDown);
  const cutaway = useEditor((s) => s.cutaway);
  const mode = useEditor((s) => s.gizmoMode);
  const hasSel = useEditor((s) => s.selectedId !== null);
  const quality = useEditor((s) => s.quality);
  const btn = "rounded border border-stone-300 bg-white/90 px-2 py-0.5 text-xs shadow-sm hover:bg-white aria-pressed:bg-sky-100";
  return (
    <div className="absolute left-2 top-2 flex gap-1" role="toolbar" aria-label="Preview tools">
      <button type="button" className={btn} aria-pressed={topDown} data-testid="toggle-topdown" onClick={() => store.getState().toggleTopDown()}>
        Top view
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
        <ViewCameraProbe />
        <BoxSelect groups={groups} />
      </Canvas>
      <Toolbar />
    </div>
  );
}
