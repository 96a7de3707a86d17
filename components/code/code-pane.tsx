"use client";
/**
 * Code pane: the selected object's program in Monaco (Python), its revision, and its PARAMS as
 * controls. Unsaved text is a draft per object in the editor store (kept across selection changes and,
 * through use-persistence, reloads); the Save button or Ctrl/Cmd+S saves through PUT .../objects/:oid/program,
 * Discard asks first. When that route is not on the server the editor is read-only and says so. Build errors
 * become Monaco markers on their line and are named by kind (syntax, policy, runtime, timeout).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { parseParams, type ParamValue } from "@/lib/program/params";
import { patchObject, putProgram } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { displayName, errorSentence } from "../editor/messages";
import type { CodeMarker } from "./monaco-code";
import { ParamsForm } from "./params-form";
import { JointsSection } from "../joints/joints-section";

const MonacoCode = dynamic(() => import("./monaco-code"), {
  ssr: false,
  loading: () => <p className="p-2 text-xs text-stone-500">Loading the code editor…</p>,
});

type SaveSupport = "unknown" | "yes" | "no";

/** Whether PUT .../program exists: GET on a PUT-only route answers 405, a missing route 404. */
function useSaveSupport(sceneId: string, objectId: string | null): SaveSupport {
  const [state, setState] = useState<SaveSupport>("unknown");
  useEffect(() => {
    if (!objectId || state !== "unknown") return;
    let live = true;
    fetch(`/api/scenes/${encodeURIComponent(sceneId)}/objects/${encodeURIComponent(objectId)}/program`, { method: "GET" })
      .then((r) => live && setState(r.status === 404 ? "no" : "yes"))
      .catch(() => live && setState("no"));
    return () => {
      live = false;
    };
  }, [sceneId, objectId, state]);
  return state;
}

/** The right pane. */
export function CodePane() {
  const store = useEditorStore();
  const sceneId = useEditor((s) => s.sceneId);
  const obj = useEditor((s) => s.scene?.objects.find((o) => o.id === s.selectedId) ?? null);
  const busy = useEditor((s) => (obj ? s.pending.includes(obj.id) : false));
  const streamed = useEditor((s) => (obj ? s.streaming[obj.id] : undefined));
  const support = useSaveSupport(sceneId, obj?.id ?? null);
  const draft = useEditor((s) => (obj ? s.drafts[obj.id] : undefined));
  const objects = useEditor((s) => s.scene?.objects);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [saveMarkers, setSaveMarkers] = useState<{ doc: string; markers: CodeMarker[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const source = obj?.program?.source ?? "";
  const rev = obj?.program?.rev ?? null;

  const program = obj?.program ?? null;
  const buildError = obj?.build.error ?? null;
  const docKey = `${obj?.id}@${rev}`;
  const params = useMemo<Record<string, ParamValue>>(() => {
    if (!program) return {};
    const r = parseParams(program.source);
    return r.ok ? r.value : (program.params as Record<string, ParamValue>);
  }, [program]);
  const buildMarkers = useMemo<CodeMarker[]>(() => (buildError && buildError.line !== null ? [{ line: buildError.line, message: errorSentence(buildError) }] : []), [buildError]);
  const name = obj ? displayName(obj, objects) : "";
  const onChange = useCallback(
    (text: string) => {
      if (obj?.program) store.getState().setDraft(obj.id, text, { source: obj.program.source, rev: obj.program.rev });
    },
    [obj, store],
  );
  const markers = saveMarkers && saveMarkers.doc === docKey ? saveMarkers.markers : buildMarkers;

  // A value chosen while the previous one still builds is sent at once with every value not yet confirmed: the
  // server cancels the older build (answering `superseded`), so only the newest becomes a revision.
  const unconfirmed = useRef<Record<string, ParamValue>>({});
  const sent = useRef(0);
  const commitParam = useCallback(
    async (paramName: string, value: ParamValue) => {
      if (!obj) return;
      const params = { ...unconfirmed.current, [paramName]: value };
      unconfirmed.current = params;
      const mine = ++sent.current;
      store.getState().setPending([obj.id]);
      const r = await patchObject(sceneId, obj.id, { params });
      const now = store.getState();
      if (!r.ok && r.error.code === "superseded") return;
      if (mine === sent.current) now.setPending([]);
      for (const [k, v] of Object.entries(params)) if (unconfirmed.current[k] === v) delete unconfirmed.current[k];
      if (r.ok) {
        now.upsertObject(r.value.object);
        now.requestResubscribe();
      } else {
        const d = r.error.details as { line?: number | null; type?: string } | undefined;
        const why = d?.type ? errorSentence({ type: d.type, message: r.error.message, line: d.line ?? null }, r.error.code) : r.error.message;
        now.notify("error", r.missing ? "Changing parameters is not available on this server yet." : `Could not change ${Object.keys(params).join(", ")} of ${displayName(obj, now.scene?.objects)}: ${why}`, JSON.stringify(r.error.details ?? {}));
      }
    },
    [obj, sceneId, store],
  );

  const save = useCallback(
    async (text: string) => {
      if (!obj || support !== "yes" || saving) return;
      setSaving(true);
      store.getState().setPending([obj.id]);
      const r = await putProgram(sceneId, obj.id, text);
      setSaving(false);
      const st = store.getState();
      st.setPending([]);
      if (r.ok) {
        st.clearDraft(obj.id);
        st.upsertObject(r.value.object);
        st.requestResubscribe();
        st.notify("info", `Saved ${displayName(obj, st.scene?.objects)} (revision ${r.value.object.program?.rev ?? "?"}).`);
      } else {
        const d = r.error.details as { line?: number | null; type?: string; traceback?: string } | undefined;
        const sentence = errorSentence({ type: d?.type ?? "", message: r.error.message, line: d?.line ?? null }, r.error.code);
        if (d?.line) setSaveMarkers({ doc: docKey, markers: [{ line: d.line, message: sentence }] });
        st.notify("error", r.error.code === "policy" || r.error.code === "build_failed" ? `Not saved. ${sentence} Your draft is kept.` : `Not saved: ${r.error.message}`, d?.traceback);
      }
    },
    [obj, sceneId, store, support, saving, docKey],
  );

  if (!obj) {
    return (
      <section aria-label="Code" className="p-3 text-sm text-stone-500" data-testid="code-pane">
        Select an object in the list or the preview to see its program.
      </section>
    );
  }

  return (
    <section aria-label="Code" className="flex h-full min-h-0 flex-col" data-testid="code-pane" data-object={obj.id} data-rev={rev ?? ""}>
      <header className="flex flex-wrap items-baseline gap-2 border-b border-stone-200 px-2 py-1 text-sm">
        <h2 className="font-semibold">{name}</h2>
        <span className="text-xs text-stone-500">{obj.id}</span>
        <span className="text-xs text-stone-600" data-testid="program-rev">
          {rev !== null ? `revision ${rev}` : "no program yet"}
        </span>
        {(saving || busy) && <span className="text-xs text-sky-700">rebuilding…</span>}
        {draft && support === "yes" && (
          <span className="ml-auto flex items-center gap-1" data-testid="draft-bar">
            <span className="text-xs text-amber-700" data-testid="draft-state">
              {draft.baseRev !== null && draft.baseRev !== rev ? `unsaved draft (written on revision ${draft.baseRev})` : "unsaved changes"}
            </span>
            {confirmDiscard ? (
              <>
                <span className="text-xs">Discard your changes?</span>
                <button type="button" data-testid="code-discard-confirm" className="rounded border border-red-300 px-1.5 text-xs text-red-800 hover:bg-red-50" onClick={() => {
                  store.getState().clearDraft(obj.id);
                  setConfirmDiscard(false);
                }}>
                  Discard
                </button>
                <button type="button" className="rounded border border-stone-300 px-1.5 text-xs" onClick={() => setConfirmDiscard(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" data-testid="code-discard" className="rounded border border-stone-300 px-1.5 text-xs hover:bg-stone-100" onClick={() => setConfirmDiscard(true)}>
                Discard…
              </button>
            )}
            <button type="button" data-testid="code-save" title="Save (Ctrl+S)" disabled={saving} className="rounded bg-stone-900 px-2 text-xs text-white disabled:opacity-50" onClick={() => void save(draft.source)}>
              {saving ? "Saving…" : "Save"}
            </button>
          </span>
        )}
      </header>
      {obj.program && (
        <details open className="border-b border-stone-200 px-2 py-1">
          <summary className="cursor-pointer text-xs font-medium text-stone-700">Parameters</summary>
          <div className="mt-1 max-h-64 overflow-auto pr-1">
            <ParamsForm params={params} busy={busy || saving} onCommit={(n, v) => void commitParam(n, v)} />
          </div>
        </details>
      )}
      <JointsSection obj={obj} />
      {support === "no" && (
        <p className="border-b border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="code-readonly-note">
          Read-only: saving code is not available on this server yet. Parameters and text edits still work.
        </p>
      )}
      <div className="min-h-0 flex-1">
        {obj.program ? (
          <MonacoCode value={draft?.source ?? source} docKey={docKey} readOnly={support !== "yes"} onSave={(t) => void save(t)} onDirty={() => undefined} onChange={onChange} markers={markers} />
        ) : streamed ? (
          <MonacoCode value={streamed} docKey={`${obj.id}@streaming`} readOnly onSave={() => undefined} onDirty={() => undefined} markers={[]} />
        ) : (
          <p className="p-2 text-xs text-stone-500">The program for this object is being written.</p>
        )}
      </div>
    </section>
  );
}
