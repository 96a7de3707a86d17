"use client";
/**
 * Placement notices over the preview: while dragging, the gaps to the nearest walls and objects and what the
 * position snapped to, with a warning when the spot has problems; after a release into such a spot, the choice
 * (Snap back, Fix, Keep); and the server's issues of the selected object.
 */
import { useEffect } from "react";
import { useStore } from "zustand";
import type { SceneObject } from "@/lib/scene";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { displayName } from "../editor/messages";
import type { GroupRegistry } from "./object-node";
import { placementStore } from "./placement-store";
import { describeProblem, fixMove, keepMove, snapBack } from "./release";

/** A placement issue the server reports on an object (`issues` in the scene JSON). */
export interface ObjectIssue {
  kind: string;
  with?: string;
  message: string;
}

/** The server's issues of an object (none when the server does not report them). */
export function issuesOf(o: SceneObject | undefined): ObjectIssue[] {
  const list = (o as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(list) ? list.filter((i): i is ObjectIssue => !!i && typeof (i as ObjectIssue).message === "string") : [];
}

const BTN = "rounded border border-stone-300 bg-white px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50";
const m = (v: number) => `${v.toFixed(2)} m`;

/** The panel; `invalidate` redraws the canvas after the held object is put back. */
export function PlacementPanel({ groups, invalidate }: { groups: GroupRegistry; invalidate: () => void }) {
  const store = useEditorStore();
  const ps = placementStore(store);
  const drag = useStore(ps, (s) => s.drag);
  const pending = useStore(ps, (s) => s.pending);
  const objects = useEditor((s) => s.scene?.objects ?? []);
  const selectedId = useEditor((s) => s.selectedId);
  const selected = objects.find((o) => o.id === selectedId);
  const issues = issuesOf(selected);

  // Selecting another object puts a held object back: a broken spot never stays without a choice.
  useEffect(() => {
    const p = ps.getState().pending;
    if (p && p.id !== selectedId) snapBack(store, groups, invalidate);
  }, [selectedId, ps, store, groups, invalidate]);

  const name = (id: string) => {
    const o = objects.find((x) => x.id === id);
    return o ? displayName(o, objects) : id;
  };

  return (
    <div className="pointer-events-none absolute bottom-2 right-2 z-10 flex w-80 flex-col gap-1 text-xs">
      {drag && (
        <div data-testid="drag-readout" className="rounded border border-stone-200 bg-white/95 px-2 py-1 shadow">
          {drag.readout.walls.map((w) => (
            <div key={w.name}>
              {w.gap < 0 ? `${m(-w.gap)} into` : `${m(w.gap)} to`} the {w.name} wall
            </div>
          ))}
          {drag.readout.objects.map((o) => (
            <div key={o.id}>
              {m(o.gap)} to {name(o.id)}
            </div>
          ))}
          {drag.readout.guides.some((g) => g.kind !== "grid") && (
            <div className="text-sky-800" data-testid="drag-snapped">
              Snapped to{" "}
              {drag.readout.guides
                .filter((g) => g.kind !== "grid")
                .map((g) => (g.kind === "wall" ? `the ${g.name} wall` : `${name(g.with)}'s edge`))
                .join(" and ")}
            </div>
          )}
        </div>
      )}
      {drag && drag.problems.length > 0 && (
        <div role="alert" data-testid="placement-warning" className="rounded border border-red-200 bg-red-50 px-2 py-1 text-red-900 shadow">
          {name(drag.id)} {drag.problems.map((p) => describeProblem(p, objects)).join(", and ")}.
        </div>
      )}
      {pending && (
        <div role="alertdialog" aria-label="Placement problem" data-testid="placement-pending" className="pointer-events-auto rounded border border-red-200 bg-red-50 px-2 py-1 text-red-900 shadow">
          <div data-testid="placement-pending-text">
            {name(pending.id)} {pending.problems.map((p) => describeProblem(p, objects)).join(", and ")} here. It is not saved yet.
          </div>
          {pending.note && (
            <div className="mt-1 text-stone-800" data-testid="placement-note">
              {pending.note}
            </div>
          )}
          <div className="mt-1 flex gap-1">
            <button type="button" className={BTN} data-testid="placement-snap-back" disabled={pending.busy} onClick={() => snapBack(store, groups, invalidate)} title="Back to where the drag started">
              Snap back
            </button>
            <button type="button" className={BTN} data-testid="placement-fix" disabled={pending.busy} onClick={() => void fixMove(store, groups, invalidate)} title="Move it to the nearest valid spot">
              Fix
            </button>
            <button type="button" className={BTN} data-testid="placement-keep" disabled={pending.busy} onClick={() => void keepMove(store, groups, invalidate)} title="Save the spot as it is">
              Keep
            </button>
          </div>
        </div>
      )}
      {!drag && !pending && selected && issues.length > 0 && (
        <div data-testid="selection-issues" className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-amber-900 shadow">
          {issues.map((i, k) => (
            <div key={k} data-kind={i.kind}>
              {i.message}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
