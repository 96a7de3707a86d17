/**
 * The editor store: one zustand store per open scene, created by `createEditorStore()` and passed by
 * context (react-three-fiber's `createStore()` pattern). Holds the scene snapshot, the de-duplicated
 * event log (by `seq`), selection, visibility and what the preview has loaded.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { TERMINAL_EVENTS, type Scene, type SceneObject, type StageEvent } from "@/lib/scene";

/** SSE connection state shown in the timeline header. */
export type ConnectionState = "idle" | "connecting" | "open" | "reconnecting" | "closed";

/** A short message shown to the designer (toast line); `detail` is the folded technical part. */
export interface Notice {
  id: number;
  kind: "info" | "error";
  text: string;
  detail?: string;
}

/** Unsaved program text of one object and the revision it was written against (kept until saved or discarded). */
export interface Draft {
  source: string;
  baseRev: number | null;
}

/** What undo and redo would do now (from GET .../history): labels of the next steps, null when there is none. */
export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

/** One render in the gallery: its latest image and progress (from GET .../renders and `render.*` events). */
export interface RenderItem {
  id: string;
  preset: string;
  status: "running" | "completed" | "failed" | "superseded";
  url: string | null;
  passesDone: number;
  passesTotal: number | null;
  samples: number | null;
  seconds: number | null;
  error: string | null;
  createdAt: string;
}

/** Overlay panels of the editor (one at a time). */
export type EditorPanel = "shortcuts" | "library" | "gallery" | null;

/** Editor state plus its actions. */
export interface EditorState {
  sceneId: string;
  scene: Scene | null;
  /** Highest event seq applied; events with seq <= lastSeq are ignored. */
  lastSeq: number;
  /** The `lastSeq` of the snapshot this store was created from (0 without one); never changes. */
  snapshotSeq: number;
  events: StageEvent[];
  /** Object id -> program text streamed so far by a model engine (until the revision is stored). */
  streaming: Record<string, string>;
  connection: ConnectionState;
  /** The primary selection: the object the code pane shows and the gizmo moves. */
  selectedId: string | null;
  /** Every selected object (the primary one included), in the order they were picked. */
  selectedIds: string[];
  drafts: Record<string, Draft>;
  history: HistoryState;
  renders: RenderItem[];
  /** Preview quality: "high" (shadows, environment light, contact shadows) or "low" for slow machines. */
  quality: "high" | "low";
  panel: EditorPanel;
  /** Object id -> GLB revision currently shown in the preview. */
  loaded: Record<string, number>;
  roomLoadedRev: number | null;
  /** Objects touched by the running edit (highlighted while they rebuild). */
  pending: string[];
  notices: Notice[];
  topDown: boolean;
  /** Hide the walls (and ceiling) that stand between the camera and the room. */
  cutaway: boolean;
  /** Names of the room-shell parts the cutaway hides at the current camera position. */
  wallsHidden: string[];
  gizmoMode: "translate" | "rotate";
  /** Increments to ask the preview to frame the selection. */
  frameRequest: number;
  /** Increments to ask the event subscription to reopen (after an edit once the job stream closed). */
  resubscribe: number;
  setScene: (scene: Scene, lastSeq?: number) => void;
  upsertObject: (obj: SceneObject) => void;
  /** Apply an event; returns false when it was a duplicate (seq already seen). */
  applyEvent: (ev: StageEvent) => boolean;
  setConnection: (c: ConnectionState) => void;
  select: (id: string | null) => void;
  /** Add an object to the selection or take it out (Shift-click); the primary becomes the last added. */
  toggleSelect: (id: string) => void;
  /** Replace the selection (box select); the primary is the first id. */
  setSelection: (ids: string[]) => void;
  /** Keep `source` as the object's draft; a source equal to the saved program clears it. */
  setDraft: (id: string, source: string, saved: { source: string; rev: number | null }) => void;
  clearDraft: (id: string) => void;
  setHistory: (h: HistoryState) => void;
  setRenders: (r: RenderItem[]) => void;
  setQuality: (q: "high" | "low") => void;
  setPanel: (p: EditorPanel) => void;
  setLoaded: (id: string, rev: number) => void;
  setRoomLoaded: (rev: number) => void;
  setPending: (ids: string[]) => void;
  notify: (kind: Notice["kind"], text: string, detail?: string) => void;
  dismiss: (id: number) => void;
  toggleTopDown: () => void;
  toggleCutaway: () => void;
  setWallsHidden: (names: string[]) => void;
  setGizmoMode: (m: "translate" | "rotate") => void;
  requestFrame: () => void;
  requestResubscribe: () => void;
}

/** The store API type passed through context. */
export type EditorStore = StoreApi<EditorState>;

let noticeIds = 0;

/** Create the store for one scene; `initial` is the server snapshot with its `lastSeq`. */
export function createEditorStore(sceneId: string, initial?: { scene: Scene; lastSeq: number; drafts?: Record<string, Draft>; quality?: "high" | "low" }): EditorStore {
  return createStore<EditorState>()((set, get) => ({
    sceneId,
    scene: initial?.scene ?? null,
    lastSeq: initial?.lastSeq ?? 0,
    snapshotSeq: initial?.lastSeq ?? 0,
    events: [],
    streaming: {},
    connection: "idle",
    selectedId: null,
    selectedIds: [],
    drafts: initial?.drafts ?? {},
    history: { undo: null, redo: null },
    renders: [],
    quality: initial?.quality ?? "high",
    panel: null,
    loaded: {},
    roomLoadedRev: null,
    pending: [],
    notices: [],
    topDown: false,
    cutaway: true,
    wallsHidden: [],
    gizmoMode: "translate",
    frameRequest: 0,
    resubscribe: 0,
    setScene: (scene, lastSeq) =>
      set((s) => ({
        scene,
        lastSeq: lastSeq !== undefined ? Math.max(s.lastSeq, lastSeq) : s.lastSeq,
        selectedId: s.selectedId && scene.objects.some((o) => o.id === s.selectedId) ? s.selectedId : null,
        selectedIds: s.selectedIds.filter((id) => scene.objects.some((o) => o.id === id)),
      })),
    upsertObject: (obj) =>
      set((s) => {
        if (!s.scene) return s;
        const exists = s.scene.objects.some((o) => o.id === obj.id);
        const objects = exists ? s.scene.objects.map((o) => (o.id === obj.id ? obj : o)) : [...s.scene.objects, obj];
        return { scene: { ...s.scene, objects } };
      }),
    applyEvent: (ev) => {
      if (ev.seq <= get().lastSeq) return false;
      set((s) => {
        const next: Partial<EditorState> = { lastSeq: ev.seq, events: [...s.events, ev] };
        if (ev.objectId && (ev.type === "object.code" || ev.type === "object.built" || ev.type === "object.failed")) {
          const streaming = { ...s.streaming };
          if (ev.type === "object.code" && ev.data.partial === true && typeof ev.data.source === "string") streaming[ev.objectId] = ev.data.source;
          else delete streaming[ev.objectId];
          next.streaming = streaming;
        }
        if (ev.type.startsWith("render.")) next.renders = applyRenderEvent(s.renders, ev);
        if (s.scene && TERMINAL_EVENTS.includes(ev.type)) {
          const status = ev.type === "job.completed" ? "completed" : ev.type === "job.failed" ? "failed" : "needs_review";
          next.scene = { ...s.scene, status };
        } else if (s.scene && ev.type === "stage.started" && ev.stage) {
          next.scene = { ...s.scene, stage: ev.stage, status: s.scene.status === "queued" ? "running" : s.scene.status };
        }
        return next;
      });
      return true;
    },
    setConnection: (connection) => set({ connection }),
    select: (selectedId) => set({ selectedId, selectedIds: selectedId ? [selectedId] : [] }),
    toggleSelect: (id) =>
      set((s) => {
        if (s.selectedIds.includes(id)) {
          const selectedIds = s.selectedIds.filter((x) => x !== id);
          return { selectedIds, selectedId: s.selectedId === id ? (selectedIds.at(-1) ?? null) : s.selectedId };
        }
        return { selectedIds: [...s.selectedIds, id], selectedId: id };
      }),
    setSelection: (ids) => set({ selectedIds: [...new Set(ids)], selectedId: ids[0] ?? null }),
    setDraft: (id, source, saved) =>
      set((s) => {
        if (source === saved.source) {
          if (!s.drafts[id]) return s;
          const drafts = { ...s.drafts };
          delete drafts[id];
          return { drafts };
        }
        const prev = s.drafts[id];
        return { drafts: { ...s.drafts, [id]: { source, baseRev: prev ? prev.baseRev : saved.rev } } };
      }),
    clearDraft: (id) =>
      set((s) => {
        if (!s.drafts[id]) return s;
        const drafts = { ...s.drafts };
        delete drafts[id];
        return { drafts };
      }),
    setHistory: (history) => set((s) => (s.history.undo === history.undo && s.history.redo === history.redo ? s : { history })),
    setRenders: (renders) => set({ renders }),
    setQuality: (quality) => set({ quality }),
    setPanel: (panel) => set({ panel }),
    setLoaded: (id, rev) => set((s) => (s.loaded[id] === rev ? s : { loaded: { ...s.loaded, [id]: rev } })),
    setRoomLoaded: (rev) => set({ roomLoadedRev: rev }),
    setPending: (pending) => set({ pending }),
    notify: (kind, text, detail) => {
      const id = ++noticeIds;
      set((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text, detail }] }));
      if (kind === "info") setTimeout(() => get().dismiss(id), 5000);
    },
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    toggleTopDown: () => set((s) => ({ topDown: !s.topDown })),
    toggleCutaway: () => set((s) => ({ cutaway: !s.cutaway })),
    setWallsHidden: (names) => set((s) => (s.wallsHidden.join(" ") === names.join(" ") ? s : { wallsHidden: names })),
    setGizmoMode: (gizmoMode) => set({ gizmoMode }),
    requestFrame: () => set((s) => ({ frameRequest: s.frameRequest + 1 })),
    requestResubscribe: () => set((s) => ({ resubscribe: s.resubscribe + 1 })),
  }));
}

/** The gallery after one `render.*` event (a new render goes first; progress replaces its image). */
export function applyRenderEvent(renders: RenderItem[], ev: StageEvent): RenderItem[] {
  const d = ev.data as { renderId?: string; preset?: string; passes?: number; pass?: number; of?: number; samples?: number; seconds?: number; url?: string; error?: { type?: string; message?: string } };
  if (!d.renderId) return renders;
  const cur = renders.find((r) => r.id === d.renderId);
  const base: RenderItem = cur ?? { id: d.renderId, preset: d.preset ?? "current", status: "running", url: null, passesDone: 0, passesTotal: d.passes ?? null, samples: null, seconds: null, error: null, createdAt: ev.ts };
  let next: RenderItem = base;
  if (ev.type === "render.progress") next = { ...base, url: d.url ?? base.url, passesDone: d.pass ?? base.passesDone + 1, passesTotal: d.of ?? base.passesTotal, samples: d.samples ?? base.samples, seconds: d.seconds ?? base.seconds };
  else if (ev.type === "render.completed") next = { ...base, status: "completed", url: d.url ?? base.url, seconds: d.seconds ?? base.seconds };
  else if (ev.type === "render.failed") next = { ...base, status: "failed", error: d.error ? `${d.error.type ?? "Error"}: ${d.error.message ?? ""}` : "The render failed." };
  // A newer render supersedes one still running.
  const others = renders.filter((r) => r.id !== next.id).map((r) => (ev.type === "render.started" && r.status === "running" ? { ...r, status: "superseded" as const } : r));
  return cur ? renders.map((r) => (r.id === next.id ? next : r)) : [next, ...others];
}

/** Number of objects whose current GLB revision is shown in the preview. */
export function countShown(s: Pick<EditorState, "scene" | "loaded">): number {
  if (!s.scene) return 0;
  return s.scene.objects.filter((o) => o.build.glbRev !== null && s.loaded[o.id] === o.build.glbRev).length;
}
