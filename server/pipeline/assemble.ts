import "server-only";
/**
 * Scene assembly for exports (GLB, .blend, scene.py) and thumbnails: room program + built objects with their
 * placements + decor lights. Exports are cached under `exports/` by a hash of everything that shapes them.
 */
import crypto from "node:crypto";
import type { AssembleObject, AssembleSceneJob } from "../../blender-runner/client/types";
import { AppError } from "../../lib/errors";
import { mountOf } from "../../lib/layout/mount";
import { lightsInRoom, withLampBulbs } from "../../lib/scene/lights";
import type { Scene } from "../../lib/scene/schema";
import { getRunner } from "../runner";
import { storedObjectTextures, storedRoomTextures } from "../images/appearance-files";
import { ArtifactKeys, getStore, keepScratch, ROOM_ID } from "../store";

/** Room source, built objects (the revision whose GLB is current), lights of a scene (a lamp's light where the lamp is now) and the room's textures from the picture. */
export function assembleInput(scene: Scene): Pick<AssembleSceneJob, "roomSource" | "objects" | "lights" | "textures"> {
  const store = getStore();
  const objects: AssembleObject[] = [];
  for (const o of scene.objects) {
    if (o.build.status !== "built" || o.build.glbRev === null) continue;
    const rev = o.program?.rev === o.build.glbRev ? o.program : store.revisions.get(scene.id, o.id, o.build.glbRev);
    if (!rev) continue;
    const mount = mountOf(o);
    const textures = storedObjectTextures(scene, o.id);
    objects.push({ objectId: o.id, category: o.category, source: rev.source, placement: o.placement, hidden: o.hidden, ...(mount ? { mount } : {}), ...(textures.length ? { textures } : {}) });
  }
  // The room as shown: the revision whose GLB is current (a newer revision may have failed to build).
  const room = scene.room;
  const roomRev = room?.glbRev && room.glbRev !== room.program?.rev ? store.revisions.get(scene.id, ROOM_ID, room.glbRev) : room?.program;
  return { roomSource: roomRev?.source ?? null, objects, lights: lightsInRoom(withLampBulbs(scene.decor?.lights ?? [], scene.objects), scene.objects), textures: storedRoomTextures(scene) };
}

/** Hash of the assembly input: equal hashes give equal exports. */
export function assembleKey(scene: Scene): string {
  const input = assembleInput(scene);
  return crypto.createHash("sha256").update(JSON.stringify(input)).digest("hex").slice(0, 16);
}

const inflight = new Map<string, Promise<string>>();

/**
 * Path of the scene's export (`glb` or `blend`), assembling it with the runner unless a cached file matches the
 * scene's current state. Throws AppError `conflict` while the scene has no room, `build_failed` when assembly fails.
 */
export async function exportScene(sceneId: string, kind: "glb" | "blend"): Promise<string> {
  const store = getStore();
  const scene = store.getScene(sceneId);
  if (!scene.room) throw new AppError("conflict", "The scene has no room yet; wait for the layout stage.", { status: scene.status });
  const name = ArtifactKeys.exportFile(`scene-${assembleKey(scene)}.${kind}`);
  const cached = store.artifacts.localPath(sceneId, name);
  if (cached) return cached;
  const flightKey = `${sceneId}:${name}`;
  let p = inflight.get(flightKey);
  if (!p) {
    p = (async () => {
      const tmp = store.artifacts.scratchPath(sceneId, name);
      const res = await getRunner().assembleScene({ ...assembleInput(scene), scope: sceneId, ...(kind === "glb" ? { outGlb: tmp } : { outBlend: tmp }) });
      if (!keepScratch(store.artifacts, sceneId, name, tmp, res.ok)) {
        throw new AppError("build_failed", `pipeline: assembling the scene failed: ${res.ok ? "no file written" : res.error.message}`, res.ok ? {} : { type: res.error.type, traceback: res.error.traceback });
      }
      const file = store.artifacts.localPath(sceneId, name);
      if (!file) throw new AppError("not_found", "The scene was deleted during the export.");
      return file;
    })().finally(() => inflight.delete(flightKey));
    inflight.set(flightKey, p);
  }
  return p;
}
