import "server-only";
/** Object revisions: list, unified diff of two, and restore of an earlier one as a new revision (history-recorded). */
import { unifiedDiff } from "../../lib/edits/diff";
import { AppError } from "../../lib/errors";
import type { SceneObject } from "../../lib/scene/schema";
import { assertSceneIdle } from "../pipeline";
import { getStore, type StoredRevision } from "../store";
import { DEFAULT_ACTOR, rebuild } from "./apply";
import { SceneChange } from "./executor";
import { withObjectLocks } from "./lock";

/** One revision as listed: number, origin, time, PARAMS, build outcome, whether it is current, and its GLB URL. */
export interface RevisionItem {
  rev: number;
  origin: string;
  createdAt: string;
  params: Record<string, unknown>;
  built: boolean;
  error: StoredRevision["error"];
  current: boolean;
  glbUrl: string | null;
}

function objectOf(sceneId: string, objectId: string): SceneObject | null {
  const store = getStore();
  store.getScene(sceneId);
  return store.objects.get(sceneId, objectId);
}

/** Revisions of an object, oldest first (also for removed objects whose revisions remain). Throws `not_found` when there are none. */
export function listRevisions(sceneId: string, objectId: string): RevisionItem[] {
  const store = getStore();
  const obj = objectOf(sceneId, objectId);
  const revs = store.revisions.list(sceneId, objectId);
  if (!obj && !revs.length) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`);
  return revs.map((r) => ({
    rev: r.rev,
    origin: r.origin,
    createdAt: r.createdAt,
    params: r.params,
    built: !!r.glbFile,
    error: r.error,
    current: obj?.program?.rev === r.rev,
    glbUrl: r.glbFile ? `/api/scenes/${sceneId}/objects/${objectId}/model.glb?rev=${r.rev}` : null,
  }));
}

function revision(sceneId: string, objectId: string, rev: number): StoredRevision {
  const r = getStore().revisions.get(sceneId, objectId, rev);
  if (!r) throw new AppError("not_found", `Revision ${rev} of ${objectId.slice(0, 80)} does not exist.`, { rev });
  return r;
}

/** Unified diff from revision `from` to `to` of an object's program. Throws `not_found` for a missing revision. */
export function diffRevisions(sceneId: string, objectId: string, from: number, to: number): { from: number; to: number; diff: string } {
  objectOf(sceneId, objectId);
  const a = revision(sceneId, objectId, from);
  const b = revision(sceneId, objectId, to);
  return { from, to, diff: unifiedDiff(a.source, b.source, `${objectId} r${from}`, `${objectId} r${to}`) };
}

/**
 * Restores revision `rev` as a NEW revision (origin `restore`) and makes it current; an identical built source
 * reuses its GLB. Recorded in history. Throws `not_found`, `busy`, `build_failed`.
 */
export async function restoreRevision(sceneId: string, objectId: string, rev: number, actor = DEFAULT_ACTOR): Promise<{ object: SceneObject }> {
  const obj = objectOf(sceneId, objectId);
  if (!obj) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`);
  assertSceneIdle(sceneId);
  const src = revision(sceneId, objectId, rev);
  const store = getStore();
  return withObjectLocks(sceneId, [objectId], async () => {
    const change = new SceneChange(sceneId);
    await rebuild(change, objectId, src.source, "restore", {});
    const label = `restore ${objectId} to revision ${rev}`;
    change.emit({ type: "edit.applied", objectId, data: (e) => ({ kind: "restore", label, historySeq: e?.seq ?? null }) });
    change.commit({ kind: "restore", label, actor });
    return { object: store.objects.get(sceneId, objectId)! };
  });
}
