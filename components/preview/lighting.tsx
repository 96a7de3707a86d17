"use client";
/**
 * Preview lighting that needs no network: an environment map generated from three's RoomEnvironment through
 * PMREM (so metal and glass have something to reflect), a shadow-casting key light sized to the room, soft
 * contact shadows on the floor, and the room's own decor lights as point lights with a small bulb. `quality`
 * "low" keeps the environment but drops shadows and contact shadows.
 */
import { useEffect, useMemo } from "react";
import { useThree } from "@react-three/fiber";
import { ContactShadows } from "@react-three/drei";
import { PMREMGenerator } from "three";
import { RoomEnvironment } from "three/examples/jsm/environments/RoomEnvironment.js";
import { roomToThree } from "@/lib/frames";
import { footprintBounds } from "@/lib/render/cameras";
import type { Light } from "@/lib/scene";
import { useEditor } from "../editor/editor-context";

/** scene.environment from RoomEnvironment (generated once per renderer, disposed on unmount). */
function RoomEnvironmentMap({ intensity }: { intensity: number }) {
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const scene = get().scene;
    const pmrem = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    const target = pmrem.fromScene(room, 0.04);
    scene.environment = target.texture;
    scene.environmentIntensity = intensity;
    invalidate();
    return () => {
      if (scene.environment === target.texture) scene.environment = null;
      target.dispose();
      room.dispose();
      pmrem.dispose();
    };
  }, [gl, get, invalidate, intensity]);
  return null;
}

/**
 * Blender light power (W) to a three.js point-light intensity (cd). Blender's watts are not radiometric and the
 * preview also has an environment map and a key light, so this is a ratio tuned by eye against the Cycles renders
 * (a 400 W room light gives about 2.7 cd), not 683 lm/W.
 */
export function lightIntensity(watts: number): number {
  return watts / 150;
}

/**
 * One decor light as a point light with a small bulb at `position` (three.js coordinates of its parent, m). An
 * object's own light is drawn inside that object's group, so every move of the object carries it.
 */
export function LightBulb({ light, position, name, distance }: { light: Light; position: [number, number, number]; name: string; distance: number }) {
  return (
    <group position={position} name={name} userData={{ decorLight: true, objectId: light.objectId ?? null }}>
      <pointLight color={light.color} intensity={lightIntensity(light.power)} distance={distance} decay={2} />
      <mesh raycast={() => null}>
        <sphereGeometry args={[0.04, 12, 8]} />
        <meshBasicMaterial color={light.color} toneMapped={false} />
      </mesh>
    </group>
  );
}

/** All preview lights for the current scene and quality (lights that belong to an object are drawn by its ObjectNode). */
export function PreviewLighting() {
  const quality = useEditor((s) => s.quality);
  const footprint = useEditor((s) => s.scene?.room?.footprint);
  const lights = useEditor((s) => s.scene?.decor?.lights);
  const high = quality === "high";
  const bounds = useMemo(() => (footprint ? footprintBounds(footprint) : ([-3, -3, 3, 3] as const)), [footprint]);
  const extent = Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1], 2);
  const cx = (bounds[0] + bounds[2]) / 2;
  const cy = (bounds[1] + bounds[3]) / 2;
  const [tx, , tz] = roomToThree(cx, cy, 0);
  return (
    <>
      <RoomEnvironmentMap intensity={high ? 0.35 : 0.5} />
      <hemisphereLight args={["#ffffff", "#b8a88f", high ? 0.35 : 0.8]} />
      <directionalLight
        position={[tx + extent * 0.6, extent * 1.6, tz + extent * 0.4]}
        intensity={high ? 1.3 : 1.1}
        castShadow={high}
        shadow-mapSize={[2048, 2048]}
        shadow-bias={-0.0004}
        shadow-normalBias={0.02}
        shadow-radius={4}
        shadow-camera-left={-extent}
        shadow-camera-right={extent}
        shadow-camera-top={extent}
        shadow-camera-bottom={-extent}
        shadow-camera-near={0.5}
        shadow-camera-far={extent * 5}
      />
      <directionalLight position={[-5, 4, -4]} intensity={0.25} />
      {(lights ?? [])
        .filter((l) => !l.objectId && (l.kind === "point" || l.kind === "spot" || l.kind === "area"))
        .map((l, i) => (
          <LightBulb key={i} light={l} position={roomToThree(...l.position)} name={`decor-light-${i + 1}`} distance={extent * 2} />
        ))}
      {high && <ContactShadows position={[tx, 0.002, tz]} scale={extent * 1.4} resolution={512} blur={2.4} opacity={0.55} far={1.2} frames={Infinity} />}
    </>
  );
}
