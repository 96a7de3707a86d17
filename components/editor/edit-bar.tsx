"use client";
/** Edit bar: a text instruction sent to POST /api/scenes/:id/edits with the current selection; affected objects are highlighted while they rebuild. */
import { useState, type FormEvent } from "react";
import type { Scene } from "@/lib/scene";
import { postEdit } from "./api";
import { useEditor, useEditorStore } from "./editor-context";

/** Object ids named by an edit plan, read loosely (`objects[].id`, `targets`, `objectIds`, `steps[].objectId`). */
function planTargets(plan: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 3 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if ((k === "objectId" || k === "id" || k === "target") && typeof x === "string") out.add(x);
      else if ((k === "objectIds" || k === "targets") && Array.isArray(x)) x.forEach((y) => typeof y === "string" && out.add(y));
      else visit(x, depth + 1);
    }
  };
  visit(plan, 0);
  return [...out];
}

/** Objects whose program or GLB revision differs between two snapshots. */
function changedObjects(before: Scene | null, after: Scene): string[] {
  const prev = new Map((before?.objects ?? []).map((o) => [o.id, o]));
  return after.objects
    .filter((o) => {
      const p = prev.get(o.id);
      return !p || p.program?.rev !== o.program?.rev || p.build.glbRev !== o.build.glbRev || JSON.stringify(p.placement) !== JSON.stringify(o.placement);
    })
    .map((o) => o.id);
}

/** The bottom edit bar. */
export function EditBar() {
  const store = useEditorStore();
  const selectedId = useEditor((s) => s.selectedId);
  const ready = useEditor((s) => s.scene?.status === "completed" || s.scene?.status === "failed");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const instruction = text.trim();
    if (!instruction || busy) return;
    setBusy(true);
    setMessage(null);
    const st = store.getState();
    const before = st.scene;
    st.setPending(selectedId ? [selectedId] : []);
    const r = await postEdit(st.sceneId, instruction, selectedId ? [selectedId] : []);
    const now = store.getState();
    if (r.ok) {
      const ids = [...new Set([...planTargets(r.value.plan), ...changedObjects(before, r.value.scene)])].filter((id) => r.value.scene.objects.some((o) => o.id === id));
      now.setPending(ids);
      now.setScene(r.value.scene);
      now.requestResubscribe();
      setMessage(ids.length ? `Changed: ${ids.join(", ")}` : "Nothing needed to change.");
      setText("");
      setTimeout(() => store.getState().setPending([]), 2500);
    } else {
      now.setPending([]);
      setMessage(
        r.missing
          ? "Text edits are not available on this server yet."
          : r.error.code === "ambiguous"
            ? `Which one? ${r.error.message}`
            : r.error.code === "unsupported_edit"
              ? `That edit is not supported: ${r.error.message}`
              : r.error.message,
      );
    }
    setBusy(false);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex items-center gap-2 border-t border-stone-200 bg-white px-2 py-1.5" aria-label="Edit the scene">
      <input
        type="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Edit instruction"
        data-testid="edit-input"
        placeholder={selectedId ? `Describe a change to ${selectedId} or the room, e.g. "make it navy and a bit longer"` : 'Describe a change, e.g. "make the sofa navy and a bit longer"'}
        disabled={!ready || busy}
        className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm"
      />
      <button type="submit" disabled={!ready || busy || !text.trim()} className="rounded bg-stone-900 px-3 py-1 text-sm text-white disabled:opacity-40" data-testid="edit-submit">
        {busy ? "Applying…" : "Apply"}
      </button>
      {message && (
        <span className="max-w-[40%] truncate text-xs text-stone-600" role="status" title={message}>
          {message}
        </span>
      )}
    </form>
  );
}
