"use client";
/**
 * Keyboard shortcuts of the editor (ignored while typing in a field or in Monaco, which has its own undo):
 * Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Delete removes the selected object,
 * F frames the selection, Esc deselects.
 */
import { useEffect } from "react";
import { postEdit, postHistory } from "./api";
import type { EditorStore } from "./editor-store";

/** Undo or redo through POST /api/scenes/:id/undo|redo; says so plainly when the route is missing. */
export async function runHistory(store: EditorStore, which: "undo" | "redo"): Promise<void> {
  const st = store.getState();
  const r = await postHistory(st.sceneId, which);
  const now = store.getState();
  if (r.ok) {
    now.setScene(r.value.scene);
    now.requestResubscribe();
  } else if (r.missing) now.notify("info", `${which === "undo" ? "Undo" : "Redo"} is not available on this server yet.`);
  else now.notify(r.error.code === "nothing_to_undo" ? "info" : "error", r.error.code === "nothing_to_undo" ? `Nothing to ${which}.` : r.error.message);
}

/** Remove the selected object through the edits route. */
export async function removeSelected(store: EditorStore): Promise<void> {
  const st = store.getState();
  const obj = st.scene?.objects.find((o) => o.id === st.selectedId);
  if (!obj) return;
  st.setPending([obj.id]);
  const r = await postEdit(st.sceneId, `remove the ${obj.name}`, [obj.id]);
  const now = store.getState();
  now.setPending([]);
  if (r.ok) {
    now.setScene(r.value.scene);
    now.requestResubscribe();
  } else now.notify("error", r.missing ? "Removing objects is not available on this server yet." : `Could not remove ${obj.id}: ${r.error.message}`);
}

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
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === "z") {
        e.preventDefault();
        void runHistory(store, e.shiftKey ? "redo" : "undo");
      } else if (mod && k === "y") {
        e.preventDefault();
        void runHistory(store, "redo");
      } else if (!mod && e.key === "Delete" && store.getState().selectedId) {
        e.preventDefault();
        void removeSelected(store);
      } else if (!mod && k === "f" && store.getState().selectedId) {
        store.getState().requestFrame();
      } else if (e.key === "Escape") {
        store.getState().select(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);
}
