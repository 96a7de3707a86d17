"use client";
/** React context carrying the per-editor zustand store, and the selector hook components read through. */
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { EditorState, EditorStore } from "./editor-store";

const EditorContext = createContext<EditorStore | null>(null);

/** Provides one editor store to the tree below. */
export const EditorStoreProvider = EditorContext.Provider;

/** The store API itself (for `getState()` in handlers and per-frame code). Throws outside a provider. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("ui: useEditorStore outside EditorStoreProvider");
  return store;
}

/** Read a slice of the editor state; re-renders only when the selected slice changes. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
