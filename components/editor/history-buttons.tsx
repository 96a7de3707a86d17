"use client";
/** Undo and redo buttons: disabled when there is nothing to do, titled with the step they would take. */
import { useEffect } from "react";
import { refreshHistory, runHistory } from "./actions";
import { useEditor, useEditorStore } from "./editor-context";

const BTN = "rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-40";

/** The two buttons; the history state refreshes on load and after every applied change or undo. */
export function HistoryButtons() {
  const store = useEditorStore();
  const history = useEditor((s) => s.history);
  const lastSeq = useEditor((s) => s.lastSeq);
  // Events arrive in bursts while a scene generates: refresh once they pause.
  useEffect(() => {
    const t = setTimeout(() => void refreshHistory(store), 250);
    return () => clearTimeout(t);
  }, [store, lastSeq]);
  return (
    <>
      <button type="button" aria-label="Undo" data-testid="undo-button" title={history.undo ? `Undo: ${history.undo} (Ctrl+Z)` : "Nothing to undo"} disabled={!history.undo} className={BTN} onClick={() => void runHistory(store, "undo")}>
        ↶
      </button>
      <button type="button" aria-label="Redo" data-testid="redo-button" title={history.redo ? `Redo: ${history.redo} (Shift+Ctrl+Z)` : "Nothing to redo"} disabled={!history.redo} className={BTN} onClick={() => void runHistory(store, "redo")}>
        ↷
      </button>
    </>
  );
}
