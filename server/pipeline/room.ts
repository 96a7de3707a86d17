import "server-only";
/**
 * Room shell builds. A shell revision becomes the scene's current room GLB only if it is newer than the one
 * shown (a slow earlier build never replaces a later one). Background builds started by the layout stage are
 * tracked per scene so that the job can await them before `job.completed`.
 */
import type { BuildObjectOutput, RunnerResult } from "../../blender-runner/client/types";
import { writeDecided } from "../edits/scene-writes";
import { getStore, plainRevision, ROOM_ID, type StoredRevision } from "../store";
import { buildRevision } from "./build";

const KEY = Symbol.for("roomcode.pipeline.roomBuilds");
type Holder = { [KEY]?: Map<string, Promise<void>[]> };

function pendingMap(): Map<string, Promise<void>[]> {
  const g = globalThis as Holder;
  g[KEY] ??= new Map();
  return g[KEY];
}

/** Build a room shell revision; on success make it current (if newer) and emit `scene.updated` with its URL. */
export async function buildRoomRevision(sceneId: string, rev: StoredRevision): Promise<RunnerResult<BuildObjectOutput>> {
  const res = await buildRevision(sceneId, rev);
  if (!res.ok) return res;
  writeDecided(sceneId, (s) => {
    if (!s.room || (s.room.glbRev ?? 0) >= rev.rev) return null;
    const newer = rev.rev > (s.room.program?.rev ?? 0);
    return {
      commands: [{ name: "set-room", args: { room: { glbRev: rev.rev, ...(newer ? { program: plainRevision(rev) } : {}) } } }],
      events: [{ type: "scene.updated", stage: s.stage, data: { room: { rev: rev.rev, glbRev: rev.rev, url: `/api/scenes/${encodeURIComponent(sceneId)}/room.glb?rev=${rev.rev}` } } }],
    };
  });
  return res;
}

/** Remember a background room build of a scene (its failure is seen by `settleRoom`, which builds again). */
export function trackRoomBuild(sceneId: string, p: Promise<void>): void {
  // Handled here so that a failure (e.g. a full disk) before `settleRoom` awaits it is not an unhandled rejection.
  p.catch(() => {});
  const m = pendingMap();
  m.set(sceneId, [...(m.get(sceneId) ?? []), p]);
}

/**
 * Await the scene's background room builds; then, if the current room program still has no GLB (e.g. after a
 * restart interrupted its build), build it now.
 */
export async function settleRoom(sceneId: string): Promise<void> {
  const m = pendingMap();
  const pending = m.get(sceneId) ?? [];
  m.delete(sceneId);
  await Promise.allSettled(pending);
  const store = getStore();
  const s = store.scenes.get(sceneId);
  const rev = s?.room?.program?.rev;
  if (!s?.room || !rev || s.room.glbRev === rev) return;
  const stored = store.revisions.get(sceneId, ROOM_ID, rev);
  if (stored && !stored.error) await buildRoomRevision(sceneId, stored);
}
