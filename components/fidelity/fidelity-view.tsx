"use client";
/**
 * The fidelity view of an image scene (issue 16 item 4): the top-down render of the built room in the picture's
 * frame over the picture (opacity slider) or beside it, each built footprint against its picture box, the room
 * score, and the objects below the IoU threshold with fix actions (place, resize, relabel).
 */
import { useCallback, useEffect, useState } from "react";
import { FidelityView } from "@/lib/fidelity/schema";
import { useEditor } from "../editor/editor-context";

type Mode = "overlay" | "side";

async function call(url: string, init?: RequestInit): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, { cache: "no-store", ...init });
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!res.ok) return { ok: false, message: body?.error?.message ?? `HTTP ${res.status}` };
    return { ok: true, value: body };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const JSON_POST = (body: unknown): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/** Loads the scene's FidelityView, starts a render when there is none (or it shows an older state), and polls while one runs. */
function useFidelity(sceneId: string, open: boolean) {
  const [view, setView] = useState<FidelityView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (render: boolean) => {
    const r = await call(`/api/scenes/${encodeURIComponent(sceneId)}/fidelity`, render ? JSON_POST({}) : undefined);
    if (!r.ok) return setError(r.message);
    const parsed = FidelityView.safeParse(r.value);
    if (!parsed.success) return setError("The fidelity answer could not be read.");
    setError(null);
    setView(parsed.data);
    return parsed.data;
  }, [sceneId]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const tick = async (first: boolean) => {
      let v = await load(false);
      if (!live || !v) return;
      if (first && (!v.render || (v.render.stale && v.render.status !== "running"))) v = (await load(true)) ?? v;
      if (live && v.render?.status === "running") timer = setTimeout(() => void tick(false), 1500);
    };
    void tick(true);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [open, load]);
  return { view, error, setError, load };
}

function pct(v: number | null): string {
  return v === null ? "–" : `${Math.round(v * 100)}%`;
}

/** The picture boxes (dashed) and built footprints (solid; red below the threshold) drawn in picture pixels. */
function Outlines({ view }: { view: FidelityView }) {
  const { originPx, metersPerPx } = view.picture.frame;
  const px = ([x, y]: [number, number]) => `${originPx[0] + x / metersPerPx[0]},${originPx[1] - y / metersPerPx[1]}`;
  const w = Math.max(1, Math.round(view.picture.widthPx / 300));
  return (
    <svg viewBox={`0 0 ${view.picture.widthPx} ${view.picture.heightPx}`} className="pointer-events-none absolute inset-0 h-full w-full" data-testid="fidelity-outlines">
      {view.scores.objects.map((o) => {
        const b = o.pictureBox;
        const colour = o.status === "ok" ? "#16a34a" : "#dc2626";
        return (
          <g key={o.footprintId} data-footprint={o.footprintId}>
            <rect x={originPx[0] + (b.x - b.w / 2) / metersPerPx[0]} y={originPx[1] - (b.y + b.d / 2) / metersPerPx[1]} width={b.w / metersPerPx[0]} height={b.d / metersPerPx[1]} fill="none" stroke={colour} strokeWidth={w} strokeDasharray={`${4 * w} ${3 * w}`} />
            {o.builtFootprint && <polygon points={o.builtFootprint.map((p) => px(p as [number, number])).join(" ")} fill={colour} fillOpacity={0.15} stroke={colour} strokeWidth={w} />}
          </g>
        );
      })}
    </svg>
  );
}

function FixRow({ o, busy, onFix }: { o: FidelityView["scores"]["objects"][number]; busy: boolean; onFix: (body: Record<string, string>) => void }) {
  const [category, setCategory] = useState(o.category);
  const built = o.status === "low";
  const name = (o.objectCategory ?? o.category).replace(/_/g, " ");
  return (
    <li data-testid={`fidelity-row-${o.footprintId}`} data-status={o.status} data-iou={o.iou ?? ""} className="space-y-1 rounded border border-stone-200 p-1.5 text-xs">
      <div className="flex items-center gap-1">
        <span className="font-medium">{name}</span>
        <span className="text-stone-500">({o.footprintId})</span>
        <span className="ml-auto font-mono">{o.status === "missing" ? "missing" : o.status === "unbuilt" ? "not built" : `IoU ${pct(o.iou)}`}</span>
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <button type="button" disabled={busy || !built} data-testid={`fidelity-fix-place-${o.footprintId}`} title="Move the object onto its box in the picture" className="rounded border border-stone-300 px-1.5 py-0.5 hover:bg-stone-100 disabled:opacity-40" onClick={() => onFix({ footprintId: o.footprintId, action: "place" })}>
          Re-place
        </button>
        <button type="button" disabled={busy || !built} data-testid={`fidelity-fix-resize-${o.footprintId}`} title="Give the object its box's width and depth" className="rounded border border-stone-300 px-1.5 py-0.5 hover:bg-stone-100 disabled:opacity-40" onClick={() => onFix({ footprintId: o.footprintId, action: "resize" })}>
          Resize
        </button>
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            onFix({ footprintId: o.footprintId, action: "relabel", category: category.trim().toLowerCase().replace(/[\s-]+/g, "_") });
          }}
        >
          <input aria-label={`Category for ${o.footprintId}`} data-testid={`fidelity-relabel-${o.footprintId}`} value={category} onChange={(e) => setCategory(e.target.value)} className="w-24 rounded border border-stone-300 px-1 py-0.5" />
          <button type="submit" disabled={busy || !category.trim()} data-testid={`fidelity-fix-relabel-${o.footprintId}`} className="rounded border border-stone-300 px-1.5 py-0.5 hover:bg-stone-100 disabled:opacity-40">
            Relabel
          </button>
        </form>
      </div>
    </li>
  );
}

/** The panel: picture and render (overlay with opacity, or side by side), room score, objects below the threshold with fixes. */
export function FidelityPanel({ sceneId, onClose }: { sceneId: string; onClose: () => void }) {
  const { view, error, setError, load } = useFidelity(sceneId, true);
  const [mode, setMode] = useState<Mode>("overlay");
  const [opacity, setOpacity] = useState(0.5);
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const fix = async (body: Record<string, string>) => {
    setBusy(true);
    const r = await call(`/api/scenes/${encodeURIComponent(sceneId)}/fidelity/fix`, JSON_POST(body));
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setNotes((r.value as { notes?: string[] }).notes ?? []);
    await load(true);
  };
  const render = view?.render;
  const renderImg = render?.url ? (
    // eslint-disable-next-line @next/next/no-img-element
    <img src={render.url} alt="Top-down render of the built room in the picture's frame" data-testid="fidelity-render" className="h-full w-full" />
  ) : (
    <div className="flex h-full w-full items-center justify-center bg-stone-100 text-xs text-stone-500" data-testid="fidelity-render-pending">
      {render?.status === "failed" ? `Render failed: ${render.error}` : "Rendering the built room top-down…"}
    </div>
  );
  const aspect = view ? `${view.picture.widthPx} / ${view.picture.heightPx}` : "4 / 3";
  const listed = view?.scores.objects.filter((o) => o.status !== "ok") ?? [];
  return (
    <section role="dialog" aria-label="Fidelity to the picture" data-testid="fidelity-panel" className="fixed inset-x-6 bottom-6 top-14 z-40 flex flex-col rounded-lg border border-stone-200 bg-white shadow-2xl">
      <header className="flex items-center gap-3 border-b border-stone-100 px-3 py-1.5 text-sm">
        <h2 className="font-semibold">Fidelity to the picture</h2>
        <span data-testid="fidelity-score" data-score={view?.scores.roomScore ?? ""} className="rounded bg-stone-100 px-2 py-0.5 font-mono text-xs">
          room score {pct(view?.scores.roomScore ?? null)}
        </span>
        {render?.stale && render.status !== "running" && <span className="text-xs text-amber-700">the render shows an earlier state</span>}
        {render?.status === "running" && <span className="text-xs text-stone-500" data-testid="fidelity-rendering">rendering…</span>}
        <div className="ml-auto flex items-center gap-2 text-xs">
          <button type="button" data-testid="fidelity-mode-overlay" aria-pressed={mode === "overlay"} className={`rounded border px-2 py-0.5 ${mode === "overlay" ? "border-stone-800 bg-stone-800 text-white" : "border-stone-300"}`} onClick={() => setMode("overlay")}>
            Overlay
          </button>
          <button type="button" data-testid="fidelity-mode-side" aria-pressed={mode === "side"} className={`rounded border px-2 py-0.5 ${mode === "side" ? "border-stone-800 bg-stone-800 text-white" : "border-stone-300"}`} onClick={() => setMode("side")}>
            Side by side
          </button>
          <label className="flex items-center gap-1">
            render
            <input type="range" min={0} max={100} value={Math.round(opacity * 100)} disabled={mode !== "overlay"} aria-label="Render opacity" data-testid="fidelity-opacity" onChange={(e) => setOpacity(Number(e.target.value) / 100)} />
          </label>
          <button type="button" aria-label="Close the fidelity view" data-testid="fidelity-close" className="px-2 text-base text-stone-500" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      {error && (
        <p role="alert" data-testid="fidelity-error" className="border-b border-red-100 bg-red-50 px-3 py-1 text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 items-center justify-center gap-2 overflow-auto bg-stone-50 p-2">
          {view &&
            (mode === "overlay" ? (
              <div className="relative max-h-full max-w-full" style={{ aspectRatio: aspect, height: "100%" }} data-testid="fidelity-overlay">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={view.picture.url} alt="The uploaded picture" className="absolute inset-0 h-full w-full" />
                <div className="absolute inset-0" style={{ opacity }} data-testid="fidelity-render-layer" data-opacity={opacity}>
                  {renderImg}
                </div>
                <Outlines view={view} />
              </div>
            ) : (
              <div className="flex h-full w-full items-center gap-2" data-testid="fidelity-side">
                <div className="relative min-w-0 flex-1" style={{ aspectRatio: aspect }}>
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={view.picture.url} alt="The uploaded picture" className="absolute inset-0 h-full w-full" />
                  <Outlines view={view} />
                </div>
                <div className="relative min-w-0 flex-1" style={{ aspectRatio: aspect }}>
                  {renderImg}
                </div>
              </div>
            ))}
        </div>
        <aside className="w-72 shrink-0 overflow-auto border-l border-stone-100 p-2">
          <h3 className="mb-1 text-xs font-semibold text-stone-600">Below {pct(view?.scores.threshold ?? null)} IoU</h3>
          {view && listed.length === 0 && <p className="text-xs text-stone-500">Every object covers its box in the picture.</p>}
          <ul className="space-y-1.5" data-testid="fidelity-below">
            {listed.map((o) => (
              <FixRow key={`${o.footprintId}-${o.objectId}`} o={o} busy={busy} onFix={(b) => void fix(b)} />
            ))}
          </ul>
          {notes.length > 0 && (
            <ul className="mt-2 space-y-0.5 text-xs text-stone-500" data-testid="fidelity-notes">
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <h3 className="mb-1 mt-3 text-xs font-semibold text-stone-600">All objects</h3>
          <ul className="space-y-0.5 text-xs">
            {view?.scores.objects.map((o) => (
              <li key={o.footprintId} data-testid={`fidelity-iou-${o.footprintId}`} data-iou={o.iou ?? ""} className="flex">
                <span>{(o.objectCategory ?? o.category).replace(/_/g, " ")}</span>
                <span className="ml-auto font-mono">{pct(o.iou)}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </section>
  );
}

/** Header button that opens the fidelity view of a built image scene. */
export function FidelityButton() {
  const scene = useEditor((s) => s.scene);
  const [open, setOpen] = useState(false);
  if (!scene || scene.source.kind !== "image") return null;
  return (
    <>
      <button type="button" data-testid="fidelity-button" title="Compare the built room with the picture" disabled={scene.status !== "completed"} className="rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-40" onClick={() => setOpen((v) => !v)}>
        Fidelity
      </button>
      {open && <FidelityPanel sceneId={scene.id} onClose={() => setOpen(false)} />}
    </>
  );
}
