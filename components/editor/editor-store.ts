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

/** Editor state plus its actions. */
export interface EditorState {
  sceneId: string;
  scene: Scene | null;
  /** Highest event seq applied; events with seq <= lastSeq are ignored. */
  lastSeq: number;
  events: StageEvent[];
  /** Object id -> program text streamed so far by a model engine (until the revision is stored). */
  streaming: Record<string, string>;
  connection: ConnectionState;
  selectedId: string | null;
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
export function createEditorStore(sceneId: string, initial?: { scene: Scene; lastSeq: number }): EditorStore {
  return createStore<EditorState>()((set, get) => ({
    sceneId,
    scene: initial?.scene ?? null,
    lastSeq: initial?.lastSeq ?? 0,
    events: [],
    streaming: {},
    connection: "idle",
    selectedId: null,
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
    select: (selectedId) => set({ selectedId }),
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

/** Number of objects whose current GLB revision is shown in the preview. */
export function countShown(s: Pick<EditorState, "scene" | "loaded">): number {
  if (!s.scene) return 0;
  return s.scene.objects.filter((o) => o.build.glbRev !== null && s.loaded[o.id] === o.build.glbRev).length;
}
