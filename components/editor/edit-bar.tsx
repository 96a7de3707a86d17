"use client";
/**
 * Edit bar: a text instruction sent to POST /api/scenes/:id/edits with the current selection; affected objects are
 * highlighted while they rebuild. The result says what changed by object name (added, removed, moved, recoloured,
 * room changed); a refusal lists what can be asked for. Long messages wrap and fold out.
 */
import { useState, type FormEvent } from "react";
import type { Scene } from "@/lib/scene";
import { refreshHistory } from "./actions";
import { postEdit } from "./api";
import { useEditor, useEditorStore } from "./editor-context";
import { describeChanges, displayName, errorSentence, nameIds } from "./messages";

/** Objects whose program, GLB revision or placement differs between two snapshots, or that are new. */
function changedObjects(before: Scene | null, after: Scene): string[] {
  const prev = new Map((before?.objects ?? []).map((o) => [o.id, o]));
  return after.objects
    .filter((o) => {
      const p = prev.get(o.id);
      return !p || p.program?.rev !== o.program?.rev || p.build.glbRev !== o.build.glbRev || JSON.stringify(p.placement) !== JSON.stringify(o.placement);
    })
    .map((o) => o.id);
}

/** A message of the edit bar: a headline, optional lines (notes, capabilities) and whether it is an error. */
interface BarMessage {
  text: string;
  lines: string[];
  error: boolean;
}

/** The bottom edit bar. */
export function EditBar() {
  const store = useEditorStore();
  const selectedIds = useEditor((s) => s.selectedIds);
  const selectedName = useEditor((s) => {
    const o = s.scene?.objects.find((x) => x.id === s.selectedId);
    return o ? displayName(o, s.scene?.objects) : null;
  });
  const ready = useEditor((s) => s.scene?.status === "completed" || s.scene?.status === "failed");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<BarMessage | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const instruction = text.trim();
    if (!instruction || busy) return;
    setBusy(true);
    setMessage(null);
    const st = store.getState();
    const before = st.scene;
    st.setPending(selectedIds);
    const r = await postEdit(st.sceneId, instruction, selectedIds);
    const now = store.getState();
    const names = [...(before?.objects ?? []), ...(r.ok ? r.value.scene.objects : [])];
    if (r.ok) {
      const ids = changedObjects(before, r.value.scene);
      now.setPending(ids);
      now.setScene(r.value.scene);
      now.requestResubscribe();
      const changes = describeChanges(before, r.value.scene);
      const notes = ((r.value.plan as { notes?: string[] } | null)?.notes ?? []).map((n) => nameIds(n, names));
      setMessage({ text: changes.length ? `${changes.join("; ")}.` : "Nothing needed to change.", lines: notes, error: false });
      setText("");
      setTimeout(() => store.getState().setPending([]), 2500);
      void refreshHistory(store);
    } else {
      now.setPending([]);
      const d = (r.error.details ?? {}) as { capabilities?: string[]; candidates?: { id: string; name: string }[]; type?: string; line?: number | null };
      const text = r.missing
        ? "Text edits are not available on this server yet."
        : r.error.code === "ambiguous"
          ? `Which one? ${nameIds(r.error.message, names)}`
          : r.error.code === "unsupported_edit"
            ? `That edit is not supported: ${nameIds(r.error.message, names)}`
            : d.type
              ? errorSentence({ type: d.type, message: r.error.message, line: d.line ?? null }, r.error.code)
              : nameIds(r.error.message, names);
      const lines = d.capabilities?.length ? ["You can ask for:", ...d.capabilities] : (d.candidates ?? []).map((c) => `${c.name} (${c.id})`);
      setMessage({ text, lines, error: true });
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
        placeholder={selectedName ? `Describe a change to the ${selectedName.toLowerCase()}${selectedIds.length > 1 ? ` and ${selectedIds.length - 1} more` : ""} or the room, e.g. "make it navy and a bit longer"` : 'Describe a change, e.g. "make the sofa navy and a bit longer"'}
        disabled={!ready || busy}
        className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm"
      />
      <button type="submit" disabled={!ready || busy || !text.trim()} className="rounded bg-stone-900 px-3 py-1 text-sm text-white disabled:opacity-40" data-testid="edit-submit">
        {busy ? "Applying…" : "Apply"}
      </button>
      {message && (
        <div className={`max-h-40 max-w-[45%] overflow-auto text-xs ${message.error ? "text-red-800" : "text-stone-700"}`} role="status" data-testid="edit-message">
          <p className="whitespace-normal break-words">{message.text}</p>
          {message.lines.length > 0 && (
            <details data-testid="edit-message-more">
              <summary className="cursor-pointer text-stone-500">{message.error ? "More" : "Notes"}</summary>
              <ul className="list-disc pl-4">
                {message.lines.map((l) => (
                  <li key={l} className="whitespace-normal break-words">
                    {l}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </form>
  );
}
