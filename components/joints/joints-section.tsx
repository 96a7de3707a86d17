"use client";
/** The selected object's joints as sliders (deg or m) that move its parts in the preview; not saved. */
import type { SceneObject } from "@/lib/scene";
import { jointsOf, poseKey, useJointPose } from "./joint-pose";

/** Props: the object whose joints are shown (nothing renders without joints). */
export function JointsSection({ obj }: { obj: SceneObject }) {
  const joints = jointsOf(obj);
  const values = useJointPose((s) => s.values);
  const moved = useJointPose((s) => s.moved);
  const set = useJointPose((s) => s.set);
  if (!joints.length) return null;
  return (
    <details open className="border-b border-stone-200 px-2 py-1" data-testid="joints-section">
      <summary className="cursor-pointer text-xs font-medium text-stone-700">Joints</summary>
      <div className="mt-1 space-y-1">
        {joints.map((j) => {
          const v = values[poseKey(obj.id, j.name)] ?? 0;
          const unit = j.type === "revolute" ? "°" : "m";
          return (
            <label key={j.name} className="flex items-center gap-2 text-xs text-stone-700">
              <span className="w-28 truncate" title={`${j.type}: ${j.children.join(", ")} on ${j.parent}`}>
                {j.name}
              </span>
              <input
                type="range"
                data-testid={`joint-slider-${j.name}`}
                aria-label={`${j.name} joint`}
                min={j.limits[0]}
                max={j.limits[1]}
                step={j.type === "revolute" ? 1 : 0.005}
                value={v}
                onChange={(e) => set(obj.id, j.name, Number(e.target.value))}
                className="min-w-0 flex-1"
              />
              <span className="w-12 text-right tabular-nums" data-testid={`joint-value-${j.name}`} data-moved={(moved[poseKey(obj.id, j.name)] ?? 0).toFixed(4)}>
                {j.type === "revolute" ? Math.round(v) : v.toFixed(2)}
                {unit}
              </span>
            </label>
          );
        })}
      </div>
    </details>
  );
}
