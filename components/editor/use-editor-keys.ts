"use client";
/**
 * Keyboard shortcuts of the editor (ignored while typing in a field or in Monaco, which has its own undo and
 * Ctrl+S): the list is SHORTCUTS, shown by the sheet that `?` opens.
 */
import { useEffect } from "react";
import { copySelected, duplicateSelected, pasteClipboard, removeSelected, runHistory } from "./actions";
import type { EditorStore } from "./editor-store";

export { runHistory, removeSelected } from "./actions";

/** Every shortcut as [keys, what it does], for the shortcut sheet. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ["Ctrl+Z", "Undo"],
  ["Shift+Ctrl+Z or Ctrl+Y", "Redo"],
  ["Ctrl+D", "Duplicate the selection"],
  ["Ctrl+C / Ctrl+V", "Copy / paste objects (also into another scene)"],
  ["Delete", "Delete the selection"],
  ["Shift+click", "Add to or take out of the selection"],
  ["Ctrl+A", "Select every object"],
  ["Shift+drag (top view)", "Box select"],
  ["Shift while turning", "Turn in 15 degree steps (always, while grid snapping is on)"],
  ["F", "Frame the selection"],
  ["T", "Plan view (orthographic, from above) on or off"],
  ["Ctrl+S (in the code)", "Save the program"],
  ["B (image review)", "Draw a new box, also over other boxes"],
  ["S (image review)", "Set the scale: drag across something, type its length"],
  ["Tab / Delete (image review)", "Next box / remove the selected box"],
  ["Type, Enter (image review)", "Filter the categories, pick the highlighted one"],
  ["Esc", "Deselect, close menus and panels"],
  ["?", "This sheet"],
];

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest("input, textarea, select, [contenteditable=true], .monaco-editor");
}

/** Install the shortcuts on the window for the lifetime of the editor. */
export function useEditorKeys(store: EditorStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const st = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const has = st.selectedIds.length > 0;
      if (mod && k === "z") {
        e.preventDefault();
        void runHistory(store, e.shiftKey ? "redo" : "undo");
      } else if (mod && k === "y") {
        e.preventDefault();
        void runHistory(store, "redo");
      } else if (mod && k === "d") {
        e.preventDefault();
        if (has) void duplicateSelected(store);
      } else if (mod && k === "c" && has && !window.getSelection()?.toString()) {
        copySelected(store);
      } else if (mod && k === "v") {
        e.preventDefault();
        void pasteClipboard(store);
      } else if (mod && k === "a") {
        e.preventDefault();
        st.setSelection(st.scene?.objects.map((o) => o.id) ?? []);
      } else if (!mod && (e.key === "Delete" || e.key === "Backspace") && has) {
        e.preventDefault();
        void removeSelected(store);
      } else if (!mod && k === "f" && has) {
        st.requestFrame();
      } else if (!mod && k === "t") {
        st.toggleTopDown();
      } else if (e.key === "?") {
        st.setPanel(st.panel === "shortcuts" ? null : "shortcuts");
      } else if (e.key === "Escape") {
        if (st.panel) st.setPanel(null);
        else st.select(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);
}
