"use client";
/** The scene title in the header: click (or Enter on it) to rename; Enter or leaving the field saves, Esc cancels. */
import { useState } from "react";
import { renameScene } from "./api";
import { useEditor, useEditorStore } from "./editor-context";

/** Editable scene title. */
export function SceneTitle() {
  const store = useEditorStore();
  const title = useEditor((s) => s.scene?.title ?? "");
  const [draft, setDraft] = useState<string | null>(null);
  const save = async () => {
    const t = draft?.trim() ?? "";
    setDraft(null);
    if (!t || t === title) return;
    const st = store.getState();
    const r = await renameScene(st.sceneId, t);
    if (r.ok) store.getState().setScene(r.value.scene);
    else store.getState().notify("error", `Could not rename the scene: ${r.error.message}`);
  };
  if (draft !== null)
    return (
      <input
        autoFocus
        aria-label="Scene title"
        data-testid="scene-title-input"
        value={draft}
        maxLength={120}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === "Enter") void save();
          if (e.key === "Escape") setDraft(null);
        }}
        className="w-80 rounded border border-sky-400 px-1 text-sm"
      />
    );
  return (
    <button type="button" data-testid="scene-title" title="Rename the scene" className="min-w-0 truncate rounded px-1 text-left text-sm hover:bg-stone-100" onClick={() => setDraft(title)}>
      <h1 className="truncate">{title}</h1>
    </button>
  );
}
