import "server-only";
/**
 * Building stored program revisions with the runner: the GLB goes to `objects/<oid>/r<rev>.glb` (or
 * `room/r<rev>.glb`), and the revision row records the GLB file with stats, or the structured error.
 */
import type { BuildObjectOutput, MaterialTexture, RunnerResult } from "../../blender-runner/client/types";
import { parseParams } from "../../lib/program/params";
import type { BuildStats, Size3 } from "../../lib/scene/schema";
import { getRunner } from "../runner";
import { ArtifactKeys, getStore, keepScratch, ROOM_ID, type StoredRevision } from "../store";

/** Relative tolerance of the size check (SceneCode's refine trigger): 15% per axis. */
export const SIZE_TOLERANCE = 0.15;
/** Absolute slack (m) of the size check, so that thin parts (rugs, paintings) are not judged by relative error alone. */
export const SIZE_SLACK_M = 0.02;

/** PARAMS of a program source, or {} when its literal cannot be read. */
export function paramsOf(source: string): Record<string, unknown> {
  const r = parseParams(source);
  return r.ok ? r.value : {};
}

/** Append a revision (params parsed from the source) for an object or the room (`ROOM_ID`). */
export function addRevision(sceneId: string, objectId: string, source: string, origin: string): StoredRevision {
  const store = getStore();
  return store.transaction(() => store.revisions.add(sceneId, objectId, { source, params: paramsOf(source), origin }));
}

/** Textures from the picture (image scenes) of the room or of an object (a rug); a picture that gives none, or fails to give one, leaves it untextured. */
async function pictureTextures(sceneId: string, objectId: string): Promise<MaterialTexture[]> {
  const scene = getStore().getScene(sceneId);
  if (scene.source.kind !== "image") return [];
  try {
    const { objectTextures, roomTextures } = await import("../images/appearance-files");
    return objectId === ROOM_ID ? await roomTextures(scene) : await objectTextures(scene, objectId);
  } catch {
    return [];
  }
}

/** Artifact key of a revision's GLB: `room/r<rev>.glb` or `objects/<oid>/r<rev>.glb`. */
export function glbKey(rev: Pick<StoredRevision, "objectId" | "rev">): string {
  return rev.objectId === ROOM_ID ? ArtifactKeys.roomGlb(rev.rev) : ArtifactKeys.objectGlb(rev.objectId, rev.rev);
}

/**
 * Build one stored revision and record the outcome on the revision row (`signal` cancels the job in the pool; a
 * cancelled build records nothing). Never throws for build errors; throws an ENOSPC error when the host disk is full.
 */
export async function buildRevision(sceneId: string, rev: StoredRevision, signal?: AbortSignal): Promise<RunnerResult<BuildObjectOutput>> {
  const store = getStore();
  const isRoom = rev.objectId === ROOM_ID;
  const glbFile = glbKey(rev);
  const outGlb = store.artifacts.scratchPath(sceneId, glbFile);
  const runner = getRunner();
  const res = isRoom
    ? await runner.buildRoom({ objectId: "room", source: rev.source, outGlb, scope: sceneId, signal, textures: await pictureTextures(sceneId, ROOM_ID) })
    : await runner.buildObject({ objectId: rev.objectId, source: rev.source, outGlb, scope: sceneId, signal, textures: await pictureTextures(sceneId, rev.objectId) });
  keepScratch(store.artifacts, sceneId, glbFile, outGlb, res.ok);
  // A full host disk is no fault of the program: the job or edit fails with `disk_full`, not a build error.
  if (!res.ok && res.error.type === "DiskFull") throw Object.assign(new Error(res.error.message), { code: "ENOSPC" });
  if (signal?.aborted) return res;
  store.transaction(() =>
    store.revisions.setBuild(sceneId, rev.objectId, rev.rev, res.ok ? { glbFile, stats: res.value.stats, error: null } : { glbFile: null, stats: null, error: res.error }),
  );
  return res;
}

/**
 * Reuse the GLB of an earlier built revision of the same object with byte-identical source (undo, restore):
 * stores a copy under the new revision's key and records its stats. Returns the stats, or null when none matches.
 */
export function reuseIdenticalBuild(sceneId: string, rev: StoredRevision): BuildStats | null {
  const store = getStore();
  const prior = store.revisions
    .list(sceneId, rev.objectId)
    .reverse()
    .find((r) => r.rev !== rev.rev && r.source === rev.source && r.glbFile && r.stats);
  if (!prior?.glbFile || !prior.stats) return null;
  const bytes = store.artifacts.get(sceneId, prior.glbFile);
  if (!bytes) return null;
  const glbFile = glbKey(rev);
  store.artifacts.put(sceneId, glbFile, bytes);
  store.transaction(() => store.revisions.setBuild(sceneId, rev.objectId, rev.rev, { glbFile, stats: prior.stats, error: null }));
  return prior.stats;
}

/** Largest relative deviation of a built size from its target, ignoring deviations under SIZE_SLACK_M. */
export function sizeDeviation(built: { w: number; d: number; h: number }, target: Size3): number {
  let worst = 0;
  for (const k of ["w", "d", "h"] as const) {
    const diff = Math.abs(built[k] - target[k]);
    if (diff <= SIZE_SLACK_M) continue;
    worst = Math.max(worst, diff / target[k]);
  }
  return worst;
}
