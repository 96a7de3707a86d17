"use client";
/**
 * Object library panel: every program family with its variants, each with a thumbnail rendered by its own program
 * (GET /api/library). Click an item to add it at the room's centre, or drag it onto the preview to drop it on the
 * floor there; either is one batch (one undo step), nudged off collisions by the server.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { footprintBounds } from "@/lib/render/cameras";
import { runBatch } from "../editor/actions";
import { fetchLibrary, type LibraryItemView } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import type { EditorStore } from "../editor/editor-store";
import { useDismiss } from "../editor/use-dismiss";
import { pickFloor } from "../preview/view-camera";

/** MIME type of a dragged library item (its key). */
export const LIBRARY_MIME = "application/x-roomcode-library";

/** Add library item `key` at room-frame point (x, y) (m), or at the room's centre. */
export function addFromLibrary(store: EditorStore, item: Pick<LibraryItemView, "key" | "label" | "family">, at?: [number, number] | null): Promise<boolean> {
  const fp = store.getState().scene?.room?.footprint;
  const [x0, y0, x1, y1] = fp ? footprintBounds(fp) : [0, 0, 0, 0];
  const [x, y] = at ?? [(x0 + x1) / 2, (y0 + y1) / 2];
  const name = item.label === item.family.replace(/_/g, " ") ? item.label : `${item.label} ${item.family.replace(/_/g, " ")}`;
  return runBatch(store, `add ${name}`, [{ kind: "library", key: item.key, placement: { x, y, z: 0, yawDeg: 0 } }], { select: (c) => c });
}

/** Drop handlers for the preview: a library item dropped there lands on the floor under the pointer. */
export function libraryDropHandlers(store: EditorStore): { onDragOver: (e: DragEvent) => void; onDrop: (e: DragEvent) => void } {
  return {
    onDragOver: (e) => {
      if (e.dataTransfer.types.includes(LIBRARY_MIME)) e.preventDefault();
    },
    onDrop: (e) => {
      const raw = e.dataTransfer.getData(LIBRARY_MIME);
      if (!raw) return;
      e.preventDefault();
      const item = JSON.parse(raw) as LibraryItemView;
      void addFromLibrary(store, item, pickFloor(store, e.clientX, e.clientY));
    },
  };
}

/** Shown while the store's panel is "library". */
export function LibraryPanel() {
  const store = useEditorStore();
  const open = useEditor((s) => s.panel === "library");
  const [items, setItems] = useState<LibraryItemView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const ref = useRef<HTMLElement>(null);
  useDismiss(ref, open, () => store.getState().setPanel(null));
  useEffect(() => {
    if (!open || items) return;
    void fetchLibrary().then((r) => (r.ok ? setItems(r.value.items) : setError(r.error.message)));
  }, [open, items]);
  const groups = useMemo(() => {
    const m = new Map<string, LibraryItemView[]>();
    for (const i of items ?? []) {
      if (q && !`${i.family} ${i.label}`.toLowerCase().includes(q.toLowerCase().trim())) continue;
      m.set(i.family, [...(m.get(i.family) ?? []), i]);
    }
    return [...m.entries()];
  }, [items, q]);
  if (!open) return null;
  return (
    <aside ref={ref} aria-label="Object library" data-testid="library-panel" className="absolute left-2 top-10 z-20 flex max-h-[85%] w-96 flex-col rounded-lg border border-stone-200 bg-white shadow-xl">
      <div className="flex items-center gap-2 border-b border-stone-100 px-3 py-1.5">
        <h2 className="text-sm font-semibold">Library</h2>
        <input type="search" aria-label="Search the library" data-testid="library-search" placeholder="sofa, lamp, round…" value={q} onChange={(e) => setQ(e.target.value)} className="min-w-0 flex-1 rounded border border-stone-300 px-1 text-xs" />
        <button type="button" aria-label="Close the library" className="px-1 text-stone-500" onClick={() => store.getState().setPanel(null)}>
          ×
        </button>
      </div>
      <p className="px-3 pt-1 text-[11px] text-stone-500">Click to add in the middle of the room, or drag onto the floor.</p>
      <div className="min-h-0 flex-1 overflow-auto p-2">
        {error && <p className="text-xs text-red-700">{error}</p>}
        {!items && !error && <p className="text-xs text-stone-500">Loading…</p>}
        {groups.map(([family, list]) => (
          <section key={family} className="mb-2">
            <h3 className="mb-1 text-xs font-medium capitalize text-stone-700">{family.replace(/_/g, " ")}</h3>
            <ul className="grid grid-cols-3 gap-1">
              {list.map((i) => (
                <li key={i.key}>
                  <button
                    type="button"
                    draggable
                    data-testid={`library-item-${i.key}`}
                    title={`${i.label} (${i.targetSize.w} x ${i.targetSize.d} x ${i.targetSize.h} m)`}
                    onDragStart={(e) => e.dataTransfer.setData(LIBRARY_MIME, JSON.stringify(i))}
                    onClick={() => void addFromLibrary(store, i)}
                    className="w-full rounded border border-stone-200 p-0.5 text-[11px] hover:border-sky-400"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={i.thumbnailUrl} alt="" loading="lazy" className="aspect-[4/3] w-full rounded bg-stone-100 object-cover" />
                    <span className="block truncate capitalize">{i.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
