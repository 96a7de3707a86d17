import "server-only";
/** Scene thumbnails: a top-down PNG of the assembled scene, stored as `<scene>/thumb.png` after completion. */
import fs from "node:fs";
import { getRunner } from "../runner";
import { getStore } from "../store";
import { assembleInput } from "./assemble";

/** Thumbnail edge length (px). */
export const THUMB_PX = 384;

/** Render the scene's thumbnail (skipped when the scene is gone); resolves to the PNG path or null. */
export async function renderThumbnail(sceneId: string): Promise<string | null> {
  const store = getStore();
  const scene = store.scenes.get(sceneId);
  if (!scene) return null;
  const out = store.files.thumb(sceneId);
  const tmp = `${out}.tmp-${process.pid}.png`;
  store.files.ensureParent(out);
  const res = await getRunner().assembleScene({ ...assembleInput(scene), scope: sceneId, outTopPng: tmp, topPngSizePx: THUMB_PX });
  if (!res.ok || !fs.existsSync(tmp)) {
    fs.rmSync(tmp, { force: true });
    return null;
  }
  if (!store.scenes.exists(sceneId)) {
    fs.rmSync(tmp, { force: true });
    return null;
  }
  fs.renameSync(tmp, out);
  return out;
}
