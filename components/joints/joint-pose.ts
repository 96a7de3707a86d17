/**
 * Joint poses shown in the preview: `"<objectId>/<joint>"` -> value (deg for revolute, m for prismatic joints).
 * A view-only state (never saved, no history): the program's built pose is 0 for every joint.
 * WARNING: one store per page, not per editor; keys carry the object id and the page shows one scene.
 */
import { create } from "zustand";
import type { Joint, SceneObject } from "@/lib/scene";

/** Pose state and its setters. */
export interface JointPoseState {
  values: Record<string, number>;
  /** How far (m) each joint's first child node sits from its rest position in the preview, as last drawn. */
  moved: Record<string, number>;
  setMoved: (moved: Record<string, number>) => void;
  set: (objectId: string, joint: string, value: number) => void;
  /** Every joint of `objects` to its upper limit (open) when `open`, else back to the built pose. */
  setAll: (objects: SceneObject[], open: boolean) => void;
}

/** Key of one joint's value. */
export function poseKey(objectId: string, joint: string): string {
  return `${objectId}/${joint}`;
}

const NONE: Joint[] = [];

/** Validated joints of an object's current build (one shared empty list without JOINTS). */
export function jointsOf(obj: Pick<SceneObject, "build">): Joint[] {
  return obj.build.stats?.joints ?? NONE;
}

/** The page's joint pose store (zustand). */
export const useJointPose = create<JointPoseState>((set) => ({
  values: {},
  moved: {},
  setMoved: (moved) => set((s) => ({ moved: { ...s.moved, ...moved } })),
  set: (objectId, joint, value) => set((s) => ({ values: { ...s.values, [poseKey(objectId, joint)]: value } })),
  setAll: (objects, open) =>
    set(() => {
      const values: Record<string, number> = {};
      if (open) for (const o of objects) for (const j of jointsOf(o)) values[poseKey(o.id, j.name)] = j.limits[1];
      return { values };
    }),
}));
