"use client";
/** Toolbar toggle: every joint of every object to its upper limit ("Open all"); once anything is open, "Close all" returns every joint to the built pose. */
import { useEditor } from "../editor/editor-context";
import { jointsOf, useJointPose } from "./joint-pose";

/** The "Open all" button; disabled while no object has joints. */
export function OpenAllButton() {
  const objects = useEditor((s) => s.scene?.objects ?? null);
  const open = useJointPose((s) => Object.values(s.values).some((v) => v !== 0));
  const setAll = useJointPose((s) => s.setAll);
  const any = !!objects?.some((o) => jointsOf(o).length > 0);
  return (
    <button
      type="button"
      data-testid="open-all-button"
      aria-pressed={open}
      title={open ? "Close every door, drawer and lid" : "Open every door, drawer and lid"}
      disabled={!any}
      className="rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-40"
      onClick={() => objects && setAll(objects, !open)}
    >
      {open ? "Close all" : "Open all"}
    </button>
  );
}
