"use client";
/**
 * The 3D preview (react-three-fiber + drei): room shell with a wall cutaway, every built object GLB by its
 * placement, orbit controls, grid, a top-down toggle, a transform gizmo, and soft hemisphere/directional lighting that
 * needs no network (no environment maps, no decoders from a CDN). Renders on demand to spare the CPU.
 */
import { useMemo } from "react";
import { Canvas } from "@react-three/fiber";
import { Grid, OrbitControls } from "@react-three/drei";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { CameraRig } from "./camera-rig";
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

function Toolbar() {
  const store = useEditorStore();
  const topDown = useEditor((s) => s.topDown);
  const cutaway = useEditor((s) => s.cutaway);
  const mode = useEditor((s) => s.gizmoMode);
  const hasSel = useEditor((s) => s.selectedId !== null);
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
    </div>
  );
}

/** The preview pane. */
export default function ScenePreview() {
  const groups = useMemo<GroupRegistry>(() => new Map(), []);
  const wallsHidden = useEditor((s) => s.wallsHidden);
  return (
    <div className="relative h-full w-full bg-gradient-to-b from-stone-200 to-stone-100" data-testid="preview" data-walls-hidden={wallsHidden.join(" ")}>
      <Canvas
        frameloop="demand"
        dpr={[1, 1.5]}
        camera={{ position: [4, 5, 6], fov: 45, near: 0.05, far: 200 }}
        gl={{ antialias: true, preserveDrawingBuffer: true }}
        aria-label="3D preview of the room"
      >
        <hemisphereLight args={["#ffffff", "#b8a88f", 1.6]} />
        <directionalLight position={[4, 8, 3]} intensity={1.6} />
        <directionalLight position={[-5, 4, -4]} intensity={0.5} />
        <ambientLight intensity={0.25} />
        <Grid args={[30, 30]} cellSize={0.5} sectionSize={1} cellColor="#d6d3d1" sectionColor="#a8a29e" fadeDistance={30} infiniteGrid position={[0, -0.03, 0]} />
        <RoomNode />
        <Objects groups={groups} />
        <Gizmo groups={groups} />
        <OrbitControls makeDefault enableDamping={false} maxPolarAngle={Math.PI / 2 - 0.02} />
        <CameraRig groups={groups} />
      </Canvas>
      <Toolbar />
    </div>
  );
}
