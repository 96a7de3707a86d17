/**
 * Browser-side calls to the Roomcode API routes (shapes as in the route handlers). Every call returns
 * an `ApiResult`: the parsed body, or the route's `{error:{code,message,details}}`, or `missing` when the
 * route does not exist on this server (404 without an error body, or 405).
 */
import type { Scene, SceneObject } from "@/lib/scene";

/** Error body of a route. */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Outcome of one API call. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiError; missing: boolean };

/** Call a route with an optional JSON body. */
export async function api<T>(method: string, url: string, json?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: json !== undefined ? { "content-type": "application/json" } : undefined,
      body: json !== undefined ? JSON.stringify(json) : undefined,
    });
  } catch (e) {
    return { ok: false, status: 0, missing: false, error: { code: "network", message: "The server could not be reached.", details: { cause: String(e) } } };
  }
  return readResult<T>(res);
}

/** Turn a fetch Response into an ApiResult. */
export async function readResult<T>(res: Response): Promise<ApiResult<T>> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok) return { ok: true, value: body as T };
  const errBody = (body as { error?: ApiError } | null)?.error;
  const missing = res.status === 405 || (res.status === 404 && !errBody);
  return {
    ok: false,
    status: res.status,
    missing,
    error: errBody ?? { code: missing ? "not_available" : "http_" + res.status, message: missing ? "This action is not available on this server yet." : `Request failed (${res.status}).` },
  };
}

/** GET /api/scenes/:id -> `{scene, lastSeq}`. */
export const fetchScene = (id: string) => api<{ scene: Scene; lastSeq: number }>("GET", `/api/scenes/${encodeURIComponent(id)}`);

/** PATCH /api/scenes/:id/objects/:oid `{placement?, params?, hidden?}` -> `{object}`. */
export const patchObject = (id: string, oid: string, body: { placement?: SceneObject["placement"]; params?: Record<string, unknown>; hidden?: boolean }) =>
  api<{ object: SceneObject }>("PATCH", `/api/scenes/${encodeURIComponent(id)}/objects/${encodeURIComponent(oid)}`, body);

/**
 * POST /api/scenes/:id/objects/:oid/fix-placement (no body) -> `{scene, entry, notes}`: the object moves from its
 * stored placement to the nearest valid spot as one undoable edit; 409 `conflict` when none is within reach.
 */
export const postFixPlacement = (id: string, oid: string) =>
  api<{ scene: Scene; entry: unknown; notes: string[] }>("POST", `/api/scenes/${encodeURIComponent(id)}/objects/${encodeURIComponent(oid)}/fix-placement`);

/** PUT /api/scenes/:id/objects/:oid/program `{source}` -> `{object}` (422 policy/build_failed with `details.line`). */
export const putProgram = (id: string, oid: string, source: string) =>
  api<{ object: SceneObject }>("PUT", `/api/scenes/${encodeURIComponent(id)}/objects/${encodeURIComponent(oid)}/program`, { source });

/** POST /api/scenes/:id/edits `{instruction, selection?}` -> `{plan, scene}`. */
export const postEdit = (id: string, instruction: string, selection: string[]) =>
  api<{ plan: unknown; scene: Scene }>("POST", `/api/scenes/${encodeURIComponent(id)}/edits`, { instruction, selection });

/** POST /api/scenes/:id/undo or /redo -> `{scene, entry}`. */
export const postHistory = (id: string, which: "undo" | "redo") => api<{ scene: Scene; entry: unknown }>("POST", `/api/scenes/${encodeURIComponent(id)}/${which}`);

/** URL of an object's GLB at a revision (immutable). */
export const objectGlbUrl = (id: string, oid: string, rev: number) => `/api/scenes/${encodeURIComponent(id)}/objects/${encodeURIComponent(oid)}/model.glb?rev=${rev}`;

/** URL of the room shell GLB at a revision. */
export const roomGlbUrl = (id: string, rev: number) => `/api/scenes/${encodeURIComponent(id)}/room.glb?rev=${rev}`;

/** One op of POST .../batch (see server/edits/batch.ts). */
export type BatchOp =
  | { kind: "placement"; objectId: string; placement: SceneObject["placement"] }
  | { kind: "params"; objectId: string; params: Record<string, unknown> }
  | { kind: "remove"; objectId: string }
  | { kind: "copy"; object: { name: string; category: string; description: string; source: string; targetSize: SceneObject["targetSize"]; attributes?: SceneObject["attributes"]; support: string; placement: SceneObject["placement"] } }
  | { kind: "library"; key: string; placement: SceneObject["placement"] };

/** POST /api/scenes/:id/batch `{label, ops}` -> `{scene, created}` (one undo step). */
export const postBatch = (id: string, label: string, ops: BatchOp[]) => api<{ scene: Scene; created: string[] }>("POST", `/api/scenes/${encodeURIComponent(id)}/batch`, { label, ops });

/** PATCH /api/scenes/:id `{title}` -> `{scene}`. */
export const renameScene = (id: string, title: string) => api<{ scene: Scene }>("PATCH", `/api/scenes/${encodeURIComponent(id)}`, { title });

/** DELETE /api/scenes/:id -> 204. */
export const deleteScene = (id: string) => api<null>("DELETE", `/api/scenes/${encodeURIComponent(id)}`);

/** A history entry as GET .../history lists it. */
export interface HistoryEntryView {
  seq: number;
  label: string;
  undone: boolean;
  objectIds: string[];
}

/** GET /api/scenes/:id/history -> `{entries}` (oldest first). */
export const fetchHistory = (id: string) => api<{ entries: HistoryEntryView[] }>("GET", `/api/scenes/${encodeURIComponent(id)}/history`);

/** A render as GET .../renders lists it. */
export interface RenderView {
  id: string;
  preset: string;
  status: "running" | "completed" | "failed" | "superseded";
  createdAt: string;
  passes: { widthPx: number; heightPx: number; samples: number; seconds: number; url: string }[];
  url: string | null;
  error: string | null;
}

/** GET /api/scenes/:id/renders -> `{renders}` (newest first). */
export const fetchRenders = (id: string) => api<{ renders: RenderView[] }>("GET", `/api/scenes/${encodeURIComponent(id)}/renders`);

/** POST /api/scenes/:id/renders `{preset, budget, camera?}` -> 202 `{render}`. */
export const postRender = (id: string, body: { preset: string; budget: "quick" | "final"; camera?: { position: number[]; target: number[]; fovDeg?: number } }) =>
  api<{ render: RenderView }>("POST", `/api/scenes/${encodeURIComponent(id)}/renders`, body);

/** A library entry as GET /api/library lists it. */
export interface LibraryItemView {
  key: string;
  family: string;
  variant: string;
  label: string;
  targetSize: SceneObject["targetSize"];
  support: string;
  thumbnailUrl: string;
}

/** GET /api/library -> `{items}`. */
export const fetchLibrary = () => api<{ items: LibraryItemView[] }>("GET", "/api/library");
