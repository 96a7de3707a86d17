"use client";
/**
 * Editor verbs that talk to the server: undo/redo (announcing the step), history state, and the selection verbs
 * (delete, duplicate, copy/paste through localStorage, move/rotate/recolour all selected) sent as one batch, so
 * each is one undo step. Each reports what changed by object name.
 */
import type { Scene, SceneObject } from "@/lib/scene";
import { fetchHistory, postBatch, postHistory, type BatchOp } from "./api";
import type { EditorStore } from "./editor-store";
import { describeChanges, displayName, nameIds } from "./messages";

const CLIPBOARD_KEY = "roomcode.clipboard";

/** Fetch GET .../history and store what undo and redo would do now. */
export async function refreshHistory(store: EditorStore): Promise<void> {
  const r = await fetchHistory(store.getState().sceneId);
  if (!r.ok) return;
  const entries = r.value.entries;
  const done = entries.filter((e) => !e.undone);
  const lastDone = done.at(-1) ?? null;
  const redo = entries.find((e) => e.undone && (!lastDone || e.seq > lastDone.seq)) ?? null;
  const objects = store.getState().scene?.objects ?? [];
  store.getState().setHistory({ undo: lastDone ? nameIds(lastDone.label, objects) : null, redo: redo ? nameIds(redo.label, objects) : null });
}

/** Undo or redo through POST .../undo|redo and say which step it was ("Undid: move Sofa"). */
export async function runHistory(store: EditorStore, which: "undo" | "redo"): Promise<void> {
  const st = store.getState();
  const r = await postHistory(st.sceneId, which);
  const now = store.getState();
  if (r.ok) {
    const before = now.scene?.objects ?? [];
    now.setScene(r.value.scene);
    now.requestResubscribe();
    const label = (r.value.entry as { label?: string } | null)?.label ?? "";
    now.notify("info", `${which === "undo" ? "Undid" : "Redid"}: ${nameIds(label, [...before, ...r.value.scene.objects])}`);
  } else if (r.missing) now.notify("info", `${which === "undo" ? "Undo" : "Redo"} is not available on this server yet.`);
  else now.notify(r.error.code === "nothing_to_undo" ? "info" : "error", r.error.code === "nothing_to_undo" ? `Nothing to ${which}.` : r.error.message);
  void refreshHistory(store);
}

/** Objects of the current selection, primary first. */
export function selectedObjects(store: EditorStore): SceneObject[] {
  const { scene, selectedIds } = store.getState();
  return selectedIds.map((id) => scene?.objects.find((o) => o.id === id)).filter((o): o is SceneObject => !!o);
}

/** Send a batch, apply the new scene, select `select(created)` and report the change by name. */
export async function runBatch(store: EditorStore, label: string, ops: BatchOp[], opts: { select?: (created: string[]) => string[] } = {}): Promise<boolean> {
  const st = store.getState();
  const before = st.scene;
  const ids = ops.map((o) => (o.kind === "copy" || o.kind === "library" ? null : o.objectId)).filter((x): x is string => !!x);
  st.setPending(ids);
  const r = await postBatch(st.sceneId, label, ops);
  const now = store.getState();
  now.setPending([]);
  if (!r.ok) {
    now.notify("error", r.missing ? "This action is not available on this server yet." : `Could not ${label}: ${nameIds(r.error.message, before?.objects ?? [])}`, JSON.stringify(r.error.details ?? {}));
    return false;
  }
  now.setScene(r.value.scene);
  if (opts.select) now.setSelection(opts.select(r.value.created));
  now.requestResubscribe();
  const changes = describeChanges(before, r.value.scene);
  now.notify("info", changes.length ? `${changes.join("; ")}.` : "Nothing needed to change.");
  void refreshHistory(store);
  return true;
}

/** Delete every selected object (one undo step). */
export function removeSelected(store: EditorStore): Promise<boolean> {
  const objs = selectedObjects(store);
  if (!objs.length) return Promise.resolve(false);
  const all = store.getState().scene?.objects ?? [];
  store.getState().select(null);
  return runBatch(store, `remove ${objs.map((o) => displayName(o, all)).join(", ")}`, objs.map((o) => ({ kind: "remove", objectId: o.id })));
}

function copyOp(o: SceneObject, placement: SceneObject["placement"]): BatchOp | null {
  if (!o.program) return null;
  return { kind: "copy", object: { name: o.name, category: o.category, description: o.description, source: o.program.source, targetSize: o.targetSize, attributes: o.attributes, support: o.support, placement } };
}

/** Offset (m) for a duplicate: beside the original along +x by its width and 10 cm. */
function besideOf(o: Pick<SceneObject, "placement" | "targetSize">): SceneObject["placement"] {
  return { ...o.placement, x: o.placement.x + o.targetSize.w + 0.1 };
}

/** Duplicate every selected object beside itself (Ctrl+D) and select the copies. */
export function duplicateSelected(store: EditorStore): Promise<boolean> {
  const objs = selectedObjects(store);
  const ops = objs.map((o) => copyOp(o, besideOf(o))).filter((x): x is BatchOp => !!x);
  if (!ops.length) return Promise.resolve(false);
  const all = store.getState().scene?.objects ?? [];
  return runBatch(store, `duplicate ${objs.map((o) => displayName(o, all)).join(", ")}`, ops, { select: (c) => c });
}

/** Clipboard contents: objects with their programs, and the scene they came from. */
interface Clip {
  sceneId: string;
  objects: (Extract<BatchOp, { kind: "copy" }>["object"] & { w: number })[];
}

/** Copy the selected objects (Ctrl+C) to localStorage, so another scene's editor can paste them. */
export function copySelected(store: EditorStore): void {
  const objs = selectedObjects(store);
  const ops = objs.map((o) => copyOp(o, o.placement)).filter((x): x is Extract<BatchOp, { kind: "copy" }> => !!x);
  if (!ops.length) return;
  const clip: Clip = { sceneId: store.getState().sceneId, objects: ops.map((o) => ({ ...o.object, w: o.object.targetSize.w })) };
  try {
    window.localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(clip));
    store.getState().notify("info", `Copied ${objs.map((o) => displayName(o, store.getState().scene?.objects)).join(", ")}.`);
  } catch {
    store.getState().notify("error", "Could not copy: the browser's storage is not available.");
  }
}

/** Keep a pasted placement inside the room's footprint bounds (else at the room centre). */
function inside(scene: Scene | null, p: SceneObject["placement"]): SceneObject["placement"] {
  const fp = scene?.room?.footprint;
  if (!fp) return p;
  const xs = fp.map((q) => q[0]);
  const ys = fp.map((q) => q[1]);
  const ok = p.x > Math.min(...xs) && p.x < Math.max(...xs) && p.y > Math.min(...ys) && p.y < Math.max(...ys);
  return ok ? p : { ...p, x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

/** Paste the clipboard (Ctrl+V): in the same scene beside the originals, in another scene at the same spots. */
export function pasteClipboard(store: EditorStore): Promise<boolean> {
  let clip: Clip | null = null;
  try {
    clip = JSON.parse(window.localStorage.getItem(CLIPBOARD_KEY) ?? "null") as Clip | null;
  } catch {
    clip = null;
  }
  if (!clip?.objects?.length) {
    store.getState().notify("info", "Nothing to paste: copy objects with Ctrl+C first.");
    return Promise.resolve(false);
  }
  const { sceneId, scene } = store.getState();
  const same = clip.sceneId === sceneId;
  const ops: BatchOp[] = clip.objects.map(({ w, ...o }) => ({ kind: "copy", object: { ...o, placement: inside(scene, same ? { ...o.placement, x: o.placement.x + w + 0.1 } : o.placement) } }));
  return runBatch(store, `paste ${clip.objects.map((o) => o.name).join(", ")}`, ops, { select: (c) => c });
}

/** Move (dx, dy in m) and turn (dyaw in deg) every selected object as one step (the gizmo's drag of the primary). */
export function moveSelected(store: EditorStore, delta: { dx: number; dy: number; dyaw: number }): Promise<boolean> {
  const objs = selectedObjects(store);
  if (!objs.length) return Promise.resolve(false);
  const all = store.getState().scene?.objects ?? [];
  const verb = delta.dyaw !== 0 && delta.dx === 0 && delta.dy === 0 ? "rotate" : "move";
  const ops: BatchOp[] = objs.map((o) => ({ kind: "placement", objectId: o.id, placement: { ...o.placement, x: o.placement.x + delta.dx, y: o.placement.y + delta.dy, yawDeg: normalize(o.placement.yawDeg + delta.dyaw) } }));
  return runBatch(store, `${verb} ${objs.map((o) => displayName(o, all)).join(", ")}`, ops);
}

function normalize(deg: number): number {
  let a = deg % 360;
  if (a <= -180) a += 360;
  if (a > 180) a -= 360;
  return a;
}

/** The PARAMS key that holds an object's main colour: the first `#rrggbb` value, preferring names with colour. */
export function colourParam(o: SceneObject): string | null {
  const params = o.program?.params ?? {};
  const hex = Object.entries(params).filter(([, v]) => typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v));
  return (hex.find(([k]) => /colou?r/.test(k)) ?? hex[0])?.[0] ?? null;
}

/** Recolour every selected object that has a colour parameter (one step). */
export function recolourSelected(store: EditorStore, hex: string): Promise<boolean> {
  const objs = selectedObjects(store).filter((o) => colourParam(o));
  if (!objs.length) return Promise.resolve(false);
  const all = store.getState().scene?.objects ?? [];
  return runBatch(store, `recolour ${objs.map((o) => displayName(o, all)).join(", ")}`, objs.map((o) => ({ kind: "params", objectId: o.id, params: { [colourParam(o)!]: hex } })));
}
