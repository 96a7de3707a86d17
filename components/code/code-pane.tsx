"use client";
/**
 * Code pane: the selected object's program in Monaco (Python), its revision, and its PARAMS as
 * controls. Ctrl/Cmd+S saves through PUT .../objects/:oid/program; when that route is not on the
 * server the editor is read-only and says so. Build errors become Monaco markers on their line.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { parseParams, type ParamValue } from "@/lib/program/params";
import { patchObject, putProgram } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import type { CodeMarker } from "./monaco-code";
import { ParamsForm } from "./params-form";

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
  const [dirty, setDirty] = useState(false);
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
  const buildMarkers = useMemo<CodeMarker[]>(() => (buildError && buildError.line !== null ? [{ line: buildError.line, message: `${buildError.type}: ${buildError.message}` }] : []), [buildError]);
  const markers = saveMarkers && saveMarkers.doc === docKey ? saveMarkers.markers : buildMarkers;

  const commitParam = useCallback(
    async (name: string, value: ParamValue) => {
      if (!obj) return;
      const st = store.getState();
      st.setPending([obj.id]);
      const r = await patchObject(sceneId, obj.id, { params: { [name]: value } });
      const now = store.getState();
      now.setPending([]);
      if (r.ok) {
        now.upsertObject(r.value.object);
        now.requestResubscribe();
      } else now.notify("error", r.missing ? "Changing parameters is not available on this server yet." : `Could not change ${name}: ${r.error.message}`, JSON.stringify(r.error.details ?? {}));
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
        st.upsertObject(r.value.object);
        st.requestResubscribe();
        st.notify("info", `Saved ${obj.id} (revision ${r.value.object.program?.rev ?? "?"}).`);
      } else {
        const d = r.error.details as { line?: number | null; type?: string; traceback?: string } | undefined;
        if (d?.line) setSaveMarkers({ doc: docKey, markers: [{ line: d.line, message: `${d.type ?? r.error.code}: ${r.error.message}` }] });
        st.notify("error", r.error.code === "policy" ? `Not saved: the program uses something the sandbox does not allow. ${r.error.message}` : `Not saved: the program did not build. ${r.error.message}`, d?.traceback);
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
        <h2 className="font-semibold">{obj.name}</h2>
        <span className="text-xs text-stone-500">{obj.id}</span>
        <span className="text-xs text-stone-600" data-testid="program-rev">
          {rev !== null ? `revision ${rev}` : "no program yet"}
        </span>
        {dirty && <span className="text-xs text-amber-700">unsaved (Ctrl+S)</span>}
        {(saving || busy) && <span className="text-xs text-sky-700">rebuilding…</span>}
      </header>
      {obj.program && (
        <details open className="border-b border-stone-200 px-2 py-1">
          <summary className="cursor-pointer text-xs font-medium text-stone-700">Parameters</summary>
          <div className="mt-1 max-h-64 overflow-auto pr-1">
            <ParamsForm params={params} busy={busy || saving} onCommit={(n, v) => void commitParam(n, v)} />
          </div>
        </details>
      )}
      {support === "no" && (
        <p className="border-b border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="code-readonly-note">
          Read-only: saving code is not available on this server yet. Parameters and text edits still work.
        </p>
      )}
      <div className="min-h-0 flex-1">
        {obj.program ? (
          <MonacoCode value={source} docKey={docKey} readOnly={support !== "yes"} onSave={(t) => void save(t)} onDirty={setDirty} markers={markers} />
        ) : streamed ? (
          <MonacoCode value={streamed} docKey={`${obj.id}@streaming`} readOnly onSave={() => undefined} onDirty={() => undefined} markers={[]} />
        ) : (
          <p className="p-2 text-xs text-stone-500">The program for this object is being written.</p>
        )}
      </div>
    </section>
  );
}
