"use client";
/** Transient messages for the designer, bottom right; errors keep a folded technical detail. */
import { useEditor, useEditorStore } from "./editor-context";

/** The notice stack. */
export function Notices() {
  const store = useEditorStore();
  const notices = useEditor((s) => s.notices);
  return (
    <div className="pointer-events-none fixed bottom-14 right-3 z-30 flex w-96 flex-col gap-1" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} role={n.kind === "error" ? "alert" : "status"} className={`pointer-events-auto rounded border px-3 py-2 text-sm shadow ${n.kind === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-stone-200 bg-white"}`}>
          <div className="flex gap-2">
            <span className="flex-1">{n.text}</span>
            <button type="button" aria-label="Dismiss" className="text-stone-500" onClick={() => store.getState().dismiss(n.id)}>
              ×
            </button>
          </div>
          {n.detail && (
            <details className="text-xs">
              <summary className="cursor-pointer">Technical detail</summary>
              <pre className="max-h-40 overflow-auto whitespace-pre-wrap">{n.detail}</pre>
            </details>
          )}
        </div>
      ))}
    </div>
  );
}
