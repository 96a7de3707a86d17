"use client";
/** With several objects selected: how many, and the verbs that apply to all of them as one undo step (duplicate, rotate, recolour, delete). */
import { useState } from "react";
import { colourParam, duplicateSelected, moveSelected, recolourSelected, removeSelected } from "./actions";
import { useEditor, useEditorStore } from "./editor-context";

const BTN = "rounded border border-stone-300 bg-white px-2 py-0.5 text-xs hover:bg-stone-100";

/** Floating bar at the bottom of the preview. */
export function SelectionBar() {
  const store = useEditorStore();
  const count = useEditor((s) => s.selectedIds.length);
  const colourable = useEditor((s) => s.selectedIds.some((id) => {
    const o = s.scene?.objects.find((x) => x.id === id);
    return !!o && !!colourParam(o);
  }));
  const [colour, setColour] = useState("#8a5a33");
  if (count < 2) return null;
  return (
    <div role="toolbar" aria-label="Selection" data-testid="selection-bar" data-count={count} className="absolute bottom-2 left-2 z-10 flex items-center gap-1 rounded border border-stone-200 bg-white/95 px-2 py-1 text-xs shadow">
      <span className="mr-1 font-medium">{count} selected</span>
      <button type="button" className={BTN} data-testid="selection-duplicate" onClick={() => void duplicateSelected(store)}>
        Duplicate
      </button>
      <button type="button" className={BTN} data-testid="selection-rotate" onClick={() => void moveSelected(store, { dx: 0, dy: 0, dyaw: 90 })}>
        Rotate 90°
      </button>
      {colourable && (
        <label className="flex items-center gap-1">
          <input
            type="color"
            aria-label="Colour of the selection"
            data-testid="selection-colour"
            value={colour}
            onChange={(e) => setColour(e.target.value)}
            ref={(el) => {
              if (!el || el.dataset.bound) return;
              el.dataset.bound = "1";
              // Commit once when the picker closes (the native change event), as the PARAMS form does.
              el.addEventListener("change", () => void recolourSelected(store, el.value.toLowerCase()));
            }}
            className="h-5 w-8"
          />
          Recolour
        </label>
      )}
      <button type="button" className={`${BTN} text-red-800`} data-testid="selection-delete" onClick={() => void removeSelected(store)}>
        Delete
      </button>
      <button type="button" className={BTN} onClick={() => store.getState().select(null)}>
        Clear
      </button>
    </div>
  );
}
