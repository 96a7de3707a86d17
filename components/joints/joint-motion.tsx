"use client";
/**
 * Moves an object's part nodes in the preview by its joint poses (client-side only: the GLB's part nodes are
 * named like the program's parts, under the object's root node), and draws each joint's axis when selected.
 * Joint axes and origins are in the object's local frame (Z-up, m) and map to three.js as (x, z, -y).
 */
import { useEffect, useMemo, useRef } from "react";
import { useFrame, useThree } from "@react-three/fiber";
import { ArrowHelper, Color, Group, Object3D, Quaternion, Vector3 } from "three";
import type { Joint } from "@/lib/scene";
import { poseKey, useJointPose } from "./joint-pose";

const DEG = Math.PI / 180;

/** Object-local (Z-up) vector to three.js (Y-up). */
function toThree(v: readonly number[]): Vector3 {
  return new Vector3(v[0], v[2], -v[1]);
}

interface Rest {
  position: Vector3;
  quaternion: Quaternion;
}

function partNode(root: Object3D, name: string): Object3D | null {
  let found: Object3D | null = null;
  root.traverse((o) => {
    if (!found && o.name === name && o.type !== "Group") found = o;
  });
  return found ?? root.getObjectByName(name) ?? null;
}

/** Props: object id, its validated joints and whether it is selected (axes shown). */
export function JointMotion({ objectId, joints, selected }: { objectId: string; joints: Joint[]; selected: boolean }) {
  const anchor = useRef<Group>(null);
  const rest = useRef(new Map<Object3D, Rest>());
  const applied = useRef<string>("");
  const q = useMemo(() => new Quaternion(), []);
  const invalidate = useThree((s) => s.invalidate);

  // The preview renders on demand: a pose change asks for a frame, in which the parts move.
  useEffect(() => useJointPose.subscribe((s, prev) => {
    if (s.values !== prev.values) invalidate();
  }), [invalidate]);

  useFrame(() => {
    const root = anchor.current?.parent;
    if (!root || !joints.length) return;
    const values = useJointPose.getState().values;
    const sig = joints.map((j) => values[poseKey(objectId, j.name)] ?? 0).join(",");
    if (sig === applied.current) return;
    const moved: Record<string, number> = {};
    for (const j of joints) {
      const value = values[poseKey(objectId, j.name)] ?? 0;
      const axis = toThree(j.axis).normalize();
      const origin = toThree(j.origin);
      for (const child of j.children) {
        const node = partNode(root, child);
        if (!node) continue;
        let r = rest.current.get(node);
        if (!r) {
          r = { position: node.position.clone(), quaternion: node.quaternion.clone() };
          rest.current.set(node, r);
        }
        if (j.type === "prismatic") {
          node.position.copy(r.position).addScaledVector(axis, value);
          node.quaternion.copy(r.quaternion);
        } else {
          q.setFromAxisAngle(axis, value * DEG);
          node.position.copy(r.position).sub(origin).applyQuaternion(q).add(origin);
          node.quaternion.copy(q).multiply(r.quaternion);
        }
        if (moved[poseKey(objectId, j.name)] === undefined) {
          node.updateMatrix();
          const at = new Vector3().setFromMatrixPosition(node.matrix);
          const corner = new Vector3(0.3, 0.3, 0.3);
          const far = corner.clone().applyQuaternion(node.quaternion).add(at);
          const farRest = corner.clone().applyQuaternion(r.quaternion).add(r.position);
          moved[poseKey(objectId, j.name)] = Math.max(at.distanceTo(r.position), far.distanceTo(farRest));
        }
      }
    }
    applied.current = sig;
    useJointPose.getState().setMoved(moved);
  });

  // A rebuilt GLB brings new nodes at their rest pose: forget the old ones.
  useEffect(() => {
    rest.current = new Map();
    applied.current = "";
    invalidate();
  }, [joints, invalidate]);

  const arrows = useMemo(
    () =>
      joints.map((j) => {
        const a = new ArrowHelper(toThree(j.axis).normalize(), toThree(j.origin), j.type === "revolute" ? 0.35 : 0.25, new Color(j.type === "revolute" ? "#e11d48" : "#2563eb"), 0.06, 0.04);
        a.name = `joint-axis-${j.name}`;
        for (const m of [a.line.material, a.cone.material] as { depthTest: boolean }[]) m.depthTest = false;
        a.renderOrder = 1000;
        return a;
      }),
    [joints],
  );
  useEffect(() => () => arrows.forEach((a) => a.dispose()), [arrows]);

  return (
    <group ref={anchor} name={`${objectId}-joints`}>
      {selected && arrows.map((a) => <primitive key={a.name} object={a} raycast={() => null} />)}
    </group>
  );
}
