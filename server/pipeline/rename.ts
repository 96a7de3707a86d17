import "server-only";
/** Scene rename: a new title (trimmed, 1-120 characters) and a `scene.updated` event. */
import { AppError } from "../../lib/errors";
import type { Scene } from "../../lib/scene/schema";
import { appendEvent } from "../events/bus";
import { getStore } from "../store";

/** Sets the scene's title; throws `not_found` for an unknown scene, `validation` for an empty title. */
export function renameScene(sceneId: string, title: string): Scene {
  const store = getStore();
  store.getScene(sceneId);
  const t = title.replace(/\s+/g, " ").trim();
  if (!t) throw new AppError("validation", "The title is empty.");
  store.transaction(() => store.scenes.update(sceneId, { title: t.slice(0, 120) }));
  appendEvent(sceneId, "scene.updated", { data: { title: t.slice(0, 120) } });
  return store.getScene(sceneId);
}
