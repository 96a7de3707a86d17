"use client";
/**
 * Structure review for image scenes (status `needs_review`): the uploaded image with the detected footprint
 * boxes. Select a box (click, Tab) to move it, pull a corner to resize, turn it by the knob above it (yaw),
 * pick its category (type to filter, Enter) or delete it (Delete); draw a new box on empty floor or anywhere with
 * the Draw tool (B); set the scale from one known length with the Scale tool (S). Every correction is saved on
 * the server as it is made (PATCH .../structure, one undoable step each), so a reload keeps it and Ctrl+Z undoes it.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as RKeyboardEvent, type PointerEvent as RPointerEvent } from "react";
import type { Scene } from "@/lib/scene";
import type { StructurePatchOp } from "@/lib/structure-patch/schema";
import { api } from "../editor/api";
import { useEditorStore } from "../editor/editor-context";
import { CategoryPicker } from "./category-picker";
import { boxesFromFootprints, cssTurn, parseLength, resizeBox, yawTowards, type Corner, type ReviewBox } from "./review-boxes";
import { useReviewSaves } from "./use-review-saves";

type Pt = { x: number; y: number };
type Gesture =
  | { kind: "move"; id: string; start: Pt; orig: ReviewBox }
  | { kind: "resize"; id: string; corner: Corner; start: Pt; orig: ReviewBox }
  | { kind: "rotate"; id: string; orig: ReviewBox }
  | { kind: "draw"; start: Pt }
  | { kind: "measure"; start: Pt };
type Tool = "select" | "draw" | "scale";

const DRAFT = "draft";
const CORNERS: { key: string; c: Corner; cls: string }[] = [
  { key: "nw", c: { sx: -1, sy: -1 }, cls: "-left-2 -top-2 cursor-nwse-resize" },
  { key: "ne", c: { sx: 1, sy: -1 }, cls: "-right-2 -top-2 cursor-nesw-resize" },
  { key: "sw", c: { sx: -1, sy: 1 }, cls: "-bottom-2 -left-2 cursor-nesw-resize" },
  { key: "se", c: { sx: 1, sy: 1 }, cls: "-bottom-2 -right-2 cursor-nwse-resize" },
];
const human = (c: string) => c.replace(/_/g, " ");
const same = (a: ReviewBox["box"], b: ReviewBox["box"]) => ["x", "y", "w", "h"].every((k) => Math.round(a[k as "x"]) === Math.round(b[k as "x"]));
const roundBox = (b: ReviewBox["box"]) => ({ x: Math.max(0, Math.round(b.x)), y: Math.max(0, Math.round(b.y)), w: Math.max(1, Math.round(b.w)), h: Math.max(1, Math.round(b.h)) });

/** The review step; `scene.source` must be an image. */
export function StructureReview({ scene }: { scene: Scene }) {
  const store = useEditorStore();
  const src = scene.source.kind === "image" ? scene.source : null;
  const W = src?.widthPx ?? 1;
  const H = src?.heightPx ?? 1;
  const footprints = useMemo(() => scene.structure?.footprints ?? [], [scene.structure]);
  const base = useMemo(() => boxesFromFootprints(footprints), [footprints]);
  const { save, flush, pending, error, setError } = useReviewSaves(scene.id);
  const [view, setView] = useState<ReviewBox[] | null>(null);
  const [live, setLive] = useState<ReviewBox | null>(null);
  const [draft, setDraft] = useState<ReviewBox | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [tool, setTool] = useState<Tool>("select");
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [line, setLine] = useState<{ a: Pt; b: Pt } | null>(null);
  const [lengthText, setLengthText] = useState("");
  const [busy, setBusy] = useState(false);
  const [imgSrc, setImgSrc] = useState(`/scenes/${encodeURIComponent(scene.id)}/source-image`);
  const frame = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const lengthInput = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const shown = useMemo(() => {
    const list = (view ?? base).map((b) => (live && b.id === live.id ? live : b));
    return draft ? [...list, live?.id === DRAFT ? live : draft] : list;
  }, [view, base, live, draft]);
  const current = shown.find((b) => b.id === selected) ?? null;
  const mpp = scene.structure?.imageFrame?.metersPerPx?.[0] ?? null;

  const toPx = (e: { clientX: number; clientY: number }): Pt => {
    const r = frame.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
  };
  const focusBox = (id: string) => setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="footprint-${id}"]`)?.focus(), 0);

  /** Show `next` at once and save `ops`; the server's answer replaces the view when the last save is done. */
  const correct = async (next: ReviewBox[], ops: StructurePatchOp[]): Promise<Scene | null> => {
    const mine = ++seq.current;
    setView(next);
    const saved = await save(ops);
    if (seq.current === mine) setView(null);
    return saved;
  };
  const listNow = () => view ?? base;
  const removeBox = (id: string) => {
    if (id === DRAFT) return setDraft(null);
    const list = listNow();
    const i = list.findIndex((b) => b.id === id);
    const after = list.filter((b) => b.id !== id);
    setSelected(after[Math.min(i, after.length - 1)]?.id ?? null);
    void correct(after, [{ op: "delete", footprintId: id }]);
  };
  const relabel = async (id: string, category: string) => {
    if (id === DRAFT && draft) {
      const box = roundBox(draft.box);
      setDraft(null);
      const before = new Set(listNow().map((b) => b.id));
      const saved = await correct([...listNow(), { ...draft, category }], [{ op: "add", category, boxPx: box }]);
      const added = saved?.structure?.footprints.find((f) => !before.has(f.id));
      if (added) {
        setSelected(added.id);
        focusBox(added.id);
      }
      return;
    }
    void correct(listNow().map((b) => (b.id === id ? { ...b, category } : b)), [{ op: "relabel", footprintId: id, category }]);
  };
  /** Escape (or Enter with nothing typed) in the picker of a drawn box: the box is dropped, nothing is saved. */
  const dropDraft = () => {
    setDraft(null);
    setSelected((id) => (id === DRAFT ? null : id));
  };
  const tab = (dir: 1 | -1) => {
    const ids = shown.map((b) => b.id);
    if (!ids.length) return;
    const i = selected ? ids.indexOf(selected) : -1;
    const next = ids[(i + dir + ids.length) % ids.length];
    setSelected(next);
    focusBox(next);
  };

  const begin = (e: RPointerEvent, g: Gesture) => {
    e.stopPropagation();
    e.preventDefault();
    frame.current?.setPointerCapture?.(e.pointerId);
    setGesture(g);
  };
  const onFramePointerDown = (e: RPointerEvent) => {
    if (e.button !== 0) return;
    const p = toPx(e);
    if (tool === "scale") return begin(e, { kind: "measure", start: p });
    const onImage = e.target === e.currentTarget || (e.target as HTMLElement).dataset.bg === "1";
    if (tool === "draw" || onImage) {
      setSelected(null);
      setLine(null);
      return begin(e, { kind: "draw", start: p });
    }
  };
  const onMove = (e: RPointerEvent) => {
    if (!gesture) return;
    const p = toPx(e);
    if (gesture.kind === "measure") return setLine({ a: gesture.start, b: p });
    if (gesture.kind === "draw") {
      const b = { x: Math.min(gesture.start.x, p.x), y: Math.min(gesture.start.y, p.y), w: Math.abs(p.x - gesture.start.x), h: Math.abs(p.y - gesture.start.y) };
      return setLive({ id: DRAFT, category: "", confidence: null, box: b, yawDeg: 0, alternatives: [] });
    }
    const o = gesture.orig;
    if (gesture.kind === "move") {
      const x = Math.min(Math.max(o.box.x + p.x - gesture.start.x, -o.box.w / 2), W - o.box.w / 2);
      const y = Math.min(Math.max(o.box.y + p.y - gesture.start.y, -o.box.h / 2), H - o.box.h / 2);
      setLive({ ...o, box: { ...o.box, x, y } });
    } else if (gesture.kind === "resize") setLive({ ...o, box: resizeBox(o.box, o.yawDeg, gesture.corner, p.x - gesture.start.x, p.y - gesture.start.y) });
    else setLive({ ...o, yawDeg: yawTowards(o.box, p.x, p.y) });
  };
  const onUp = () => {
    const g = gesture;
    const l = live;
    setGesture(null);
    setLive(null);
    if (!g) return;
    if (g.kind === "measure") {
      setTool("select");
      setTimeout(() => lengthInput.current?.focus(), 0);
      return;
    }
    if (g.kind === "draw") {
      setTool("select");
      if (l && l.box.w > 6 && l.box.h > 6) {
        setDraft(l);
        setSelected(DRAFT);
        setTimeout(() => picker.current?.focus(), 0);
      }
      return;
    }
    if (!l) return;
    if (l.id === DRAFT) return setDraft(l);
    const next = listNow().map((b) => (b.id === l.id ? l : b));
    if (g.kind === "rotate") {
      if (l.yawDeg !== g.orig.yawDeg) void correct(next, [{ op: "rotate", footprintId: l.id, yawDeg: l.yawDeg }]);
    } else if (!same(l.box, g.orig.box)) void correct(next, [{ op: "resize", footprintId: l.id, boxPx: roundBox(l.box) }]);
  };

  const onBoxKey = (e: RKeyboardEvent, b: ReviewBox) => {
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      e.stopPropagation();
      removeBox(b.id);
    } else if (e.key === "Enter") {
      e.preventDefault();
      picker.current?.focus();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && /[a-z]/i.test(e.key)) {
      // Typing on a selected box starts filtering its category; the key lands in the picker.
      e.stopPropagation();
      picker.current?.focus();
    }
  };
  // Tool keys anywhere on the page except in text fields and on a box (where letters filter its category).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t?.closest?.('input, textarea, [contenteditable=true], [data-testid^="footprint-"]') || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === "b") setTool((x) => (x === "draw" ? "select" : "draw"));
      else if (k === "s") setTool((x) => (x === "scale" ? "select" : "scale"));
      else if (e.key === "Escape") {
        setTool("select");
        setDraft(null);
        setLine(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const submitLength = () => {
    if (!line) return;
    const m = parseLength(lengthText);
    const px = Math.hypot(line.b.x - line.a.x, line.b.y - line.a.y);
    if (m === null) return setError(`"${lengthText}" is not a length; type one such as 2.0 m, 180 cm or 6 ft.`);
    if (px < 4) return setError("The line is too short to set the scale; drag it across something whose length you know.");
    setLine(null);
    setLengthText("");
    void correct(listNow(), [{ op: "scale", metersPerPx: m / px }]);
  };
  const generate = async () => {
    setBusy(true);
    setError(null);
    await flush();
    const c = await api<{ scene: Scene }>("POST", `/api/scenes/${encodeURIComponent(scene.id)}/continue`);
    setBusy(false);
    if (!c.ok) return setError(c.missing ? "Continuing generation is not available on this server yet." : c.error.message);
    store.getState().setScene(c.value.scene);
    store.getState().requestResubscribe();
  };

  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  const place = (b: ReviewBox) => ({ left: pct(b.box.x, W), top: pct(b.box.y, H), width: pct(b.box.w, W), height: pct(b.box.h, H), transform: `rotate(${cssTurn(b.yawDeg)}deg)` });
  const toolBtn = (t: Tool, label: string, key: string) => (
    <button type="button" data-testid={`review-tool-${t}`} aria-pressed={tool === t} title={`${label} (${key})`} onClick={() => setTool((x) => (x === t ? "select" : t))} className={`rounded border px-2 py-1 text-sm ${tool === t ? "border-sky-700 bg-sky-700 text-white" : "border-stone-300 bg-white hover:bg-stone-100"}`}>
      {label}
    </button>
  );
  return (
    <section aria-label="Review the detected objects" data-testid="structure-review" data-pending={pending} data-tool={tool} className="flex h-full min-h-0 flex-col gap-2 overflow-auto p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">Check what was found</h2>
        {toolBtn("draw", "Draw box", "B")}
        {toolBtn("scale", "Set scale", "S")}
        <span data-testid="review-scale" className="text-xs text-stone-600">
          {mpp ? `1 px = ${(mpp * 100).toFixed(2)} cm · room ${scene.structure?.roomSize.w.toFixed(2)} × ${scene.structure?.roomSize.d.toFixed(2)} m` : "no scale yet"}
        </span>
        <span data-testid="review-saved" className="text-xs text-stone-500">
          {pending > 0 ? "Saving…" : "All corrections saved"}
        </span>
        <button type="button" data-testid="review-generate" onClick={() => void generate()} disabled={busy} className="ml-auto rounded bg-emerald-700 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {busy ? "Starting…" : "Generate"}
        </button>
      </div>
      <div className="flex min-h-9 flex-wrap items-center gap-2 text-sm" data-testid="review-inspector">
        {line && !gesture ? (
          <>
            <label htmlFor="review-scale-length">Length of the line ({Math.round(Math.hypot(line.b.x - line.a.x, line.b.y - line.a.y))} px):</label>
            <input id="review-scale-length" ref={lengthInput} data-testid="review-scale-length" value={lengthText} placeholder="2.0 m" onChange={(e) => setLengthText(e.target.value)} onKeyDown={(e) => (e.key === "Enter" ? submitLength() : e.key === "Escape" ? setLine(null) : undefined)} className="w-28 rounded border border-stone-400 px-2 py-1" />
            <button type="button" data-testid="review-scale-apply" onClick={submitLength} className="rounded border border-stone-300 px-2 py-1">
              Set scale
            </button>
          </>
        ) : current ? (
          <>
            <CategoryPicker key={current.id} box={current} inputRef={picker} onPick={(c) => void relabel(current.id, c)} onLeave={() => (current.id === DRAFT ? dropDraft() : focusBox(current.id))} onTab={tab} />
            {current.confidence !== null && <span className="text-xs text-stone-500">{Math.round(current.confidence * 100)}% sure</span>}
            {current.id !== DRAFT && <span data-testid="review-yaw" className="text-xs text-stone-600">turned {Math.round(current.yawDeg)}°</span>}
            <button type="button" aria-label={`Delete box ${current.id}`} data-testid={`footprint-delete-${current.id}`} onClick={() => removeBox(current.id)} className="rounded border border-red-300 px-2 py-1 text-red-700 hover:bg-red-50">
              Delete
            </button>
          </>
        ) : (
          <span className="text-stone-500">Click a box (or Tab) to check it; drag on empty floor to add one; Ctrl+Z undoes a correction.</span>
        )}
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {scene.structure?.notes && scene.structure.notes.length > 0 && <p className="text-xs text-stone-500">{scene.structure.notes.join(" ")}</p>}
      <div className="relative mx-auto w-full max-w-[1100px] touch-none select-none" style={{ aspectRatio: `${W} / ${H}` }} ref={frame} onPointerDown={onFramePointerDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp} data-testid="review-canvas">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={imgSrc} alt="Uploaded top-down image" data-bg="1" draggable={false} className="absolute inset-0 h-full w-full" onError={() => setImgSrc(`/api/scenes/${encodeURIComponent(scene.id)}/structure.png`)} />
        {shown.map((b) => (
          <div
            key={b.id}
            role="button"
            tabIndex={0}
            aria-label={`${b.category ? human(b.category) : "new"} box ${b.id}`}
            aria-pressed={b.id === selected}
            data-testid={`footprint-${b.id}`}
            data-category={b.category}
            title={human(b.category)}
            className={`absolute border-2 outline-none ${b.id === selected ? "border-amber-500 bg-amber-300/15" : "border-sky-500 bg-sky-400/10 hover:border-sky-700"}`}
            style={place(b)}
            onFocus={() => setSelected(b.id)}
            onKeyDown={(e) => onBoxKey(e, b)}
            onPointerDown={(e) => {
              if (tool !== "select" || e.button !== 0) return;
              setSelected(b.id);
              setLine(null);
              (e.currentTarget as HTMLElement).focus();
              begin(e, { kind: "move", id: b.id, start: toPx(e), orig: b });
            }}
          />
        ))}
        {current && tool === "select" && (
          <div data-testid="review-handles" className="pointer-events-none absolute z-40" style={place(current)}>
            {CORNERS.map(({ key, c, cls }) => (
              <div
                key={key}
                aria-label={key === "se" ? `Resize box ${current.id}` : `Resize box ${current.id} (${key})`}
                data-testid={`footprint-resize-${current.id}-${key}`}
                className={`pointer-events-auto absolute h-4 w-4 rounded-sm border border-white bg-amber-600 ${cls}`}
                onPointerDown={(e) => begin(e, { kind: "resize", id: current.id, corner: c, start: toPx(e), orig: current })}
              />
            ))}
            <div
              aria-label={`Turn box ${current.id}`}
              data-testid={`footprint-rotate-${current.id}`}
              className="pointer-events-auto absolute -top-8 left-1/2 h-4 w-4 -translate-x-1/2 cursor-grab rounded-full border border-white bg-amber-600"
              onPointerDown={(e) => begin(e, { kind: "rotate", id: current.id, orig: current })}
            />
            <span data-testid="review-selected-label" className="absolute left-0 top-full mt-1 whitespace-nowrap rounded bg-amber-600 px-1 text-xs text-white">
              {current.category ? human(current.category) : "what is it?"}
            </span>
          </div>
        )}
        {tool !== "select" && <div data-testid="review-tool-overlay" className="absolute inset-0 z-50 cursor-crosshair" />}
        {line && (
          <svg className="pointer-events-none absolute inset-0 z-50 h-full w-full" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" data-testid="review-scale-line">
            <line x1={line.a.x} y1={line.a.y} x2={line.b.x} y2={line.b.y} stroke="#d97706" strokeWidth={Math.max(2, W / 300)} />
          </svg>
        )}
      </div>
      <p className="text-xs text-stone-500" data-testid="review-count">
        {base.length} objects
      </p>
    </section>
  );
}
