import "server-only";
import type { SceneSummary } from "../../lib/api/scene-summary";
/**
 * Read access to stored artefacts for the routes: object/room GLBs by revision, program sources, thumbnails,
 * the `scene.py` export, and the scene list. Every miss is an AppError `not_found` naming what is missing.
 */
import { AppError } from "../../lib/errors";
import { ArtifactKeys, getStore, ROOM_ID, type StoredRevision } from "../store";
import { assembleInput } from "./assemble";

/** A local file holding the GLB (materialised from the ArtifactStore) and the revision it belongs to; `pinned` when the caller asked for that exact revision. */
export interface RevisionFile {
  file: string;
  rev: number;
  pinned: boolean;
}

function revisionOf(sceneId: string, objectId: string, rev: number | null, current: number | null, what: string): StoredRevision {
  const store = getStore();
  const n = rev ?? current;
  if (n === null) throw new AppError("not_found", `${what} has no built revision yet.`);
  const r = store.revisions.get(sceneId, objectId, n);
  if (!r) throw new AppError("not_found", `${what} has no revision ${n}.`, { rev: n });
  return r;
}

function glbOf(sceneId: string, r: StoredRevision, what: string, pinned: boolean): RevisionFile {
  if (!r.glbFile) throw new AppError("not_found", `Revision ${r.rev} of ${what} has no GLB${r.error ? ` (its build failed: ${r.error.message})` : ""}.`, { rev: r.rev });
  const file = getStore().artifacts.localPath(sceneId, r.glbFile);
  if (!file) throw new AppError("not_found", `The GLB of revision ${r.rev} of ${what} is missing from the store.`, { rev: r.rev });
  return { file, rev: r.rev, pinned };
}

/** GLB of an object at `rev` (default: its current GLB revision). Throws AppError `not_found`. */
export function objectGlbFile(sceneId: string, objectId: string, rev: number | null): RevisionFile {
  const store = getStore();
  store.getScene(sceneId);
  const obj = store.objects.get(sceneId, objectId);
  if (!obj && rev === null) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`);
  const what = `object ${objectId}`;
  return glbOf(sceneId, revisionOf(sceneId, objectId, rev, obj?.build.glbRev ?? null, what), what, rev !== null);
}

/** Program source of an object at `rev` (default: its current program). Throws AppError `not_found`. */
export function objectProgram(sceneId: string, objectId: string, rev: number | null): StoredRevision {
  const store = getStore();
  store.getScene(sceneId);
  const obj = store.objects.get(sceneId, objectId);
  if (!obj && rev === null) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`);
  return revisionOf(sceneId, objectId, rev, obj?.program?.rev ?? null, `object ${objectId}`);
}

/** GLB of the room shell at `rev` (default: current). Throws AppError `not_found`. */
export function roomGlbFile(sceneId: string, rev: number | null): RevisionFile {
  const scene = getStore().getScene(sceneId);
  return glbOf(sceneId, revisionOf(sceneId, ROOM_ID, rev, scene.room?.glbRev ?? null, "the room"), "the room", rev !== null);
}

/** Local path of the thumbnail PNG. Throws AppError `not_found` while none is rendered. */
export function thumbFile(sceneId: string): string {
  const store = getStore();
  store.getScene(sceneId);
  const file = store.artifacts.localPath(sceneId, ArtifactKeys.thumb);
  if (!file) throw new AppError("not_found", "The scene has no thumbnail yet.");
  return file;
}

/** The runnable `scene.py` (room + built objects + lights). Throws AppError `not_found`, `conflict` (no room yet). */
export async function scenePy(sceneId: string): Promise<string> {
  const scene = getStore().getScene(sceneId);
  if (!scene.room) throw new AppError("conflict", "The scene has no room yet; wait for the layout stage.", { status: scene.status });
  const { buildScenePy } = await import("../../blender-runner/client/scene-py");
  return buildScenePy(assembleInput(scene));
}

/** Scene list rows of `GET /api/scenes` (newest first; only `owner`'s scenes when given) with the thumbnail URL when one exists. */
export function listScenes(limit = 200, owner?: string): SceneSummary[] {
  const store = getStore();
  const rows = store.scenes.list(limit, owner);
  const thumbs = store.thumbs(rows.map((s) => s.id));
  return rows.map(({ hasThumb: _h, ...s }) => ({
    ...s,
    thumbnailUrl: thumbs.has(s.id) ? `/api/scenes/${encodeURIComponent(s.id)}/thumb.png?v=${encodeURIComponent(s.updatedAt)}` : null,
  }));
}

/** File name for downloads: the title in kebab-case (at most 60 characters), or "scene". */
export function downloadName(title: string, ext: string): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "scene";
  return `${base}.${ext}`;
}
