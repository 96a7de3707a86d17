"use client";
/**
 * Structure review for image scenes (status `needs_review`): the uploaded image with the detected
 * footprint boxes; labels are editable in place, boxes can be moved (drag), resized (corner handle),
 * deleted (×), and new boxes drawn by dragging on empty image. "Generate" sends the changes as a
 * StructurePatch (PATCH .../structure) and then POST .../continue. Corrections are saved in localStorage as they
 * are made (`roomcode.review.<sceneId>`), so a reload keeps them until Generate sends them.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent as RPointerEvent } from "react";
import type { Scene } from "@/lib/scene";
import { api } from "../editor/api";
import { useEditorStore } from "../editor/editor-context";
import { boxesFromFootprints, diffToOps, type ReviewBox } from "./review-boxes";

type Drag = { kind: "move" | "resize" | "draw"; id: string; startX: number; startY: number; orig: ReviewBox["box"] } | null;

function loadReview(key: string): ReviewBox[] | null {
  if (typeof window === "undefined") return null;
  try {
    const v = JSON.parse(window.localStorage.getItem(key) ?? "null") as ReviewBox[] | null;
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** The review step; `scene.source` must be an image. */
export function StructureReview({ scene }: { scene: Extract<Scene, { source: { kind: "image" } }> | Scene }) {
  const store = useEditorStore();
  const src = scene.source.kind === "image" ? scene.source : null;
  const W = src?.widthPx ?? 1;
  const H = src?.heightPx ?? 1;
  const footprints = useMemo(() => scene.structure?.footprints ?? [], [scene.structure]);
  const saveKey = `roomcode.review.${scene.id}`;
  const [boxes, setBoxes] = useState<ReviewBox[]>(() => loadReview(saveKey) ?? boxesFromFootprints(footprints));
  useEffect(() => {
    try {
      window.localStorage.setItem(saveKey, JSON.stringify(boxes));
    } catch {
      // storage unavailable: corrections live until the page closes
    }
  }, [saveKey, boxes]);
  const [drag, setDrag] = useState<Drag>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imgSrc, setImgSrc] = useState(`/scenes/${encodeURIComponent(scene.id)}/source-image`);
  const frame = useRef<HTMLDivElement>(null);
  const nextNew = useRef(1 + Math.max(0, ...boxes.map((b) => Number(/^new-(\d+)$/.exec(b.id)?.[1] ?? 0))));

  const toPx = (e: { clientX: number; clientY: number }) => {
    const r = frame.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
  };
  const clamp = (b: ReviewBox["box"]) => {
    const w = Math.min(Math.max(b.w, 4), W);
    const h = Math.min(Math.max(b.h, 4), H);
    return { x: Math.min(Math.max(b.x, 0), W - w), y: Math.min(Math.max(b.y, 0), H - h), w, h };
  };

  const startDrag = (e: RPointerEvent, kind: "move" | "resize", b: ReviewBox) => {
    e.stopPropagation();
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const p = toPx(e);
    setDrag({ kind, id: b.id, startX: p.x, startY: p.y, orig: { ...b.box } });
  };
  const startDraw = (e: RPointerEvent) => {
    if (e.target !== e.currentTarget && !(e.target as HTMLElement).dataset.bg) return;
    const p = toPx(e);
    const id = `new-${nextNew.current++}`;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    setBoxes((bs) => [...bs, { id, category: "", confidence: null, box: { x: p.x, y: p.y, w: 1, h: 1 }, isNew: true }]);
    setDrag({ kind: "draw", id, startX: p.x, startY: p.y, orig: { x: p.x, y: p.y, w: 1, h: 1 } });
  };
  const onMove = (e: RPointerEvent) => {
    if (!drag) return;
    const p = toPx(e);
    const dx = p.x - drag.startX;
    const dy = p.y - drag.startY;
    setBoxes((bs) =>
      bs.map((b) => {
        if (b.id !== drag.id) return b;
        if (drag.kind === "move") return { ...b, box: clamp({ ...drag.orig, x: drag.orig.x + dx, y: drag.orig.y + dy }) };
        if (drag.kind === "resize") return { ...b, box: clamp({ ...drag.orig, w: drag.orig.w + dx, h: drag.orig.h + dy }) };
        return { ...b, box: clamp({ x: Math.min(drag.startX, p.x), y: Math.min(drag.startY, p.y), w: Math.abs(dx), h: Math.abs(dy) }) };
      }),
    );
  };
  const endDrag = () => {
    if (drag?.kind === "draw") {
      setBoxes((bs) => bs.filter((b) => b.id !== drag.id || (b.box.w > 6 && b.box.h > 6)));
      setTimeout(() => document.querySelector<HTMLInputElement>(`[data-testid="footprint-label-${drag.id}"]`)?.focus(), 0);
    }
    setDrag(null);
  };

  const generate = async () => {
    setBusy(true);
    setError(null);
    const ops = diffToOps(footprints, boxes);
    const id = encodeURIComponent(scene.id);
    if (ops.length > 0) {
      const r = await api<{ scene: Scene }>("PATCH", `/api/scenes/${id}/structure`, { ops });
      if (!r.ok) {
        setBusy(false);
        setError(r.missing ? "Correcting the structure is not available on this server yet." : `The corrections were not accepted: ${r.error.message}`);
        return;
      }
      store.getState().setScene(r.value.scene);
    }
    const c = await api<{ scene: Scene }>("POST", `/api/scenes/${id}/continue`);
    setBusy(false);
    if (!c.ok) {
      setError(c.missing ? "Continuing generation is not available on this server yet." : c.error.message);
      return;
    }
    try {
      window.localStorage.removeItem(saveKey);
    } catch {}
    store.getState().setScene(c.value.scene);
    store.getState().requestResubscribe();
  };

  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  return (
    <section aria-label="Review the detected objects" data-testid="structure-review" className="flex h-full min-h-0 flex-col gap-2 overflow-auto p-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">Check what was found</h2>
        <p className="text-sm text-stone-600">Rename boxes, drag to move, pull the corner to resize, × to delete, drag on empty floor to add an object. Then generate.</p>
        <button type="button" data-testid="review-generate" onClick={() => void generate()} disabled={busy} className="ml-auto rounded bg-emerald-700 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {busy ? "Starting…" : "Generate"}
        </button>
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {scene.structure?.notes && scene.structure.notes.length > 0 && <p className="text-xs text-stone-500">{scene.structure.notes.join(" ")}</p>}
      <div className="relative mx-auto w-full max-w-[1100px] touch-none select-none" style={{ aspectRatio: `${W} / ${H}` }} ref={frame} onPointerDown={startDraw} onPointerMove={onMove} onPointerUp={endDrag} data-testid="review-canvas">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={imgSrc} alt="Uploaded top-down image" data-bg="1" draggable={false} className="absolute inset-0 h-full w-full" onError={() => setImgSrc(`/api/scenes/${encodeURIComponent(scene.id)}/structure.png`)} />
        {boxes.map((b) => (
          <div
            key={b.id}
            data-testid={`footprint-${b.id}`}
            className="absolute border-2 border-sky-500 bg-sky-400/10"
            style={{ left: pct(b.box.x, W), top: pct(b.box.y, H), width: pct(b.box.w, W), height: pct(b.box.h, H) }}
            onPointerDown={(e) => startDrag(e, "move", b)}
          >
            <div className="absolute -top-6 left-0 flex items-center gap-0.5" onPointerDown={(e) => e.stopPropagation()}>
              <input
                aria-label={`Label of box ${b.id}`}
                data-testid={`footprint-label-${b.id}`}
                value={b.category}
                placeholder="what is it?"
                onChange={(e) => setBoxes((bs) => bs.map((x) => (x.id === b.id ? { ...x, category: e.target.value } : x)))}
                className="w-24 rounded border border-sky-500 bg-white/95 px-1 text-xs"
              />
              {b.confidence !== null && <span className="rounded bg-white/80 px-0.5 text-[10px] text-stone-600">{Math.round(b.confidence * 100)}%</span>}
              <button type="button" aria-label={`Delete box ${b.id}`} data-testid={`footprint-delete-${b.id}`} className="rounded bg-white/90 px-1 text-xs text-red-700" onClick={() => setBoxes((bs) => bs.filter((x) => x.id !== b.id))}>
                ×
              </button>
            </div>
            <div aria-label={`Resize box ${b.id}`} role="slider" aria-valuenow={Math.round(b.box.w)} tabIndex={-1} className="absolute -bottom-1.5 -right-1.5 h-3 w-3 cursor-nwse-resize rounded-sm bg-sky-600" onPointerDown={(e) => startDrag(e, "resize", b)} />
          </div>
        ))}
      </div>
      <p className="text-xs text-stone-500">{boxes.length} objects</p>
    </section>
  );
}
