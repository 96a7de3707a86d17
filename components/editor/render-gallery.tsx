"use client";
/** The scene's render gallery (a panel over the preview): every render, newest first, refining while it runs; PNG downloads named after the scene. */
import { useEffect, useRef } from "react";
import { PRESET_LABEL, type RenderPreset } from "@/lib/render/cameras";
import { fetchRenders, type RenderView } from "./api";
import { useEditor, useEditorStore } from "./editor-context";
import type { RenderItem } from "./editor-store";
import { useDismiss } from "./use-dismiss";

/** A stored render as a gallery item. */
export function toItem(r: RenderView): RenderItem {
  const last = r.passes.at(-1);
  return { id: r.id, preset: r.preset, status: r.status, url: r.url, passesDone: r.passes.length, passesTotal: r.status === "completed" ? r.passes.length : null, samples: last?.samples ?? null, seconds: last?.seconds ?? null, error: r.error, createdAt: r.createdAt };
}

/** Load the stored renders once per editor. */
export function useRenderGallery(): void {
  const store = useEditorStore();
  useEffect(() => {
    void fetchRenders(store.getState().sceneId).then((r) => {
      if (!r.ok) return;
      const live = store.getState().renders;
      const stored = r.value.renders.map(toItem).filter((x) => !live.some((l) => l.id === x.id));
      store.getState().setRenders([...live, ...stored]);
    });
  }, [store]);
}

/** Shown while the store's panel is "gallery". */
export function RenderGallery() {
  const store = useEditorStore();
  const open = useEditor((s) => s.panel === "gallery");
  const renders = useEditor((s) => s.renders);
  const ref = useRef<HTMLElement>(null);
  useDismiss(ref, open, () => store.getState().setPanel(null));
  if (!open) return null;
  return (
    <aside ref={ref} aria-label="Renders" data-testid="render-gallery" className="absolute right-2 top-10 z-20 flex max-h-[80%] w-80 flex-col rounded-lg border border-stone-200 bg-white shadow-xl">
      <div className="flex items-center border-b border-stone-100 px-3 py-1.5">
        <h2 className="text-sm font-semibold">Renders</h2>
        <button type="button" aria-label="Close the gallery" className="ml-auto px-2 text-stone-500" onClick={() => store.getState().setPanel(null)}>
          ×
        </button>
      </div>
      <ul className="min-h-0 flex-1 space-y-2 overflow-auto p-2">
        {renders.length === 0 && <li className="text-xs text-stone-500">No renders yet: choose a view in the Render menu.</li>}
        {renders.map((r) => (
          <li key={r.id} data-testid={`render-item-${r.id}`} data-status={r.status} data-passes={r.passesDone} className="rounded border border-stone-200 p-1 text-xs">
            {r.url ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={r.url} alt={`${PRESET_LABEL[r.preset as RenderPreset] ?? r.preset} render`} className="aspect-video w-full rounded bg-stone-100 object-cover" />
            ) : (
              <div className="grid aspect-video w-full place-items-center rounded bg-stone-100 text-stone-500">{r.status === "failed" ? "failed" : "rendering the first image…"}</div>
            )}
            <div className="mt-1 flex items-center gap-2">
              <span className="font-medium">{PRESET_LABEL[r.preset as RenderPreset] ?? r.preset}</span>
              <span className="text-stone-500">
                {r.status === "running" ? `refining${r.passesTotal ? ` ${r.passesDone}/${r.passesTotal}` : ""}` : r.status === "superseded" ? "stopped" : r.status}
                {r.samples ? ` · ${r.samples} spp` : ""}
                {r.seconds !== null ? ` · ${r.seconds} s` : ""}
              </span>
              {r.url && (
                <a href={`${r.url}?download=1`} download data-testid={`render-download-${r.id}`} className="ml-auto text-sky-700 underline">
                  PNG
                </a>
              )}
            </div>
            {r.error && <p className="whitespace-normal break-words text-red-800">{r.error}</p>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
