"use client";
/** The keyboard-shortcut sheet (`?`): a dialog listing SHORTCUTS; Esc, the close button or a click outside closes it. */
import { useRef } from "react";
import { useEditor, useEditorStore } from "./editor-context";
import { useDismiss } from "./use-dismiss";
import { SHORTCUTS } from "./use-editor-keys";

/** Shown while the store's panel is "shortcuts". */
export function ShortcutSheet() {
  const store = useEditorStore();
  const open = useEditor((s) => s.panel === "shortcuts");
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => store.getState().setPanel(null));
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40 grid place-items-center bg-stone-900/30">
      <div ref={ref} role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-sheet" className="w-[28rem] rounded-lg bg-white p-4 shadow-xl">
        <div className="mb-2 flex items-center">
          <h2 className="font-semibold">Keyboard shortcuts</h2>
          <button type="button" aria-label="Close" className="ml-auto px-2 text-stone-500" onClick={() => store.getState().setPanel(null)}>
            ×
          </button>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {SHORTCUTS.map(([k, what]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-stone-300 bg-stone-50 px-1 font-mono text-xs">{k}</kbd>
              </dt>
              <dd className="text-stone-700">{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
