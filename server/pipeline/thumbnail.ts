import "server-only";
/** Scene thumbnails: a top-down PNG of the assembled scene, stored as the scene's `thumb.png` artifact after completion. */
import { getRunner } from "../runner";
import { ArtifactKeys, getStore, keepScratch } from "../store";
import { assembleInput } from "./assemble";

/** Thumbnail edge length (px). */
export const THUMB_PX = 384;

/** Render the scene's thumbnail (skipped when the scene is gone); resolves to a local path of the PNG or null. */
export async function renderThumbnail(sceneId: string): Promise<string | null> {
  const store = getStore();
  const scene = store.scenes.get(sceneId);
  if (!scene) return null;
  const tmp = store.artifacts.scratchPath(sceneId, ArtifactKeys.thumb);
  const res = await getRunner().assembleScene({ ...assembleInput(scene), scope: sceneId, outTopPng: tmp, topPngSizePx: THUMB_PX });
  if (!keepScratch(store.artifacts, sceneId, ArtifactKeys.thumb, tmp, res.ok && store.scenes.exists(sceneId))) return null;
  return store.artifacts.localPath(sceneId, ArtifactKeys.thumb);
}
