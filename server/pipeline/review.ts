import "server-only";
/**
 * Image scenes: upload -> scene, structure correction while the scene waits for review, and the overlay PNG.
 * The image modules are loaded on first use so that prompt scenes never load the image stack (sharp).
 */
import { AppError } from "../../lib/errors";
import { StructureSpec, type Scene } from "../../lib/scene/schema";
import type { StructurePatch } from "../../lib/structure-patch";
import { config } from "../config";
import { assertRunnerAvailable } from "../health";
import { ArtifactKeys, getStore } from "../store";
import { assertSceneIdle } from "./registry";
import { createScene } from "./scenes";
import type { EngineName } from "../../lib/scene/schema";

/**
 * Create an image scene from a multipart form (`image`, `prompt?`, `roomWidth?`, `roomDepth?`).
 * Throws AppError `unsupported_media`, `payload_too_large`, `image_invalid`, `validation` (from ingest), and
 * `blender_missing` / `runner_unavailable` (503) before the image is ingested when no Blender worker can run.
 */
export async function createSceneFromUpload(form: FormData, opts: { engine?: EngineName; owner?: string } = {}): Promise<Scene> {
  await assertRunnerAvailable();
  const { ingestImageUpload } = await import("../images/ingest");
  const image = await ingestImageUpload(form, config().dataDir);
  return createScene({ image }, opts);
}

/**
 * Apply a StructurePatch (relabel, delete, add, resize, rotate, merge footprints, set the scale) to a scene waiting
 * for review and record it as one undoable history step (`set-structure`, kind `review`) labelled `label` or by its ops.
 * Throws AppError `not_found`, `busy`, `conflict` (not in review or not an image scene), `validation` (bad patch).
 */
export async function patchStructure(id: string, patch: StructurePatch, opts: { actor?: string; label?: string } = {}): Promise<Scene> {
  const { applyStructurePatch, describePatch } = await import("../../lib/structure-patch");
  const { SceneChange } = await import("../edits/executor");
  const { ROOM_LOCK, withObjectLocks } = await import("../edits/lock");
  return withObjectLocks(id, [ROOM_LOCK], async () => {
    const scene = getStore().getScene(id);
    assertSceneIdle(id);
    if (scene.source.kind !== "image" || !scene.structure) throw new AppError("conflict", "Only an image scene with a detected structure can be corrected.");
    if (scene.status !== "needs_review") throw new AppError("conflict", `The structure can only be corrected while the scene waits for review (it is ${scene.status}).`, { status: scene.status });
    const r = applyStructurePatch(scene.structure, patch, { widthPx: scene.source.widthPx, heightPx: scene.source.heightPx });
    if (!r.ok) throw new AppError("validation", `The correction cannot be applied: ${r.error}`, { reason: r.error });
    const label = (opts.label ?? describePatch(scene.structure, patch)).slice(0, 200);
    const change = new SceneChange(id, scene);
    change.apply({ name: "set-structure", args: { structure: StructureSpec.parse(r.value), label } });
    return change.commit({ kind: "review", label, actor: opts.actor ?? "designer" }).scene;
  });
}

/** PNG of the detected footprints drawn over the uploaded image. Throws AppError `not_found` (no image) or `conflict` (no structure yet). */
export async function structureOverlayPng(id: string): Promise<Buffer> {
  const store = getStore();
  const scene = store.getScene(id);
  if (scene.source.kind !== "image") throw new AppError("not_found", "This scene was not created from an image.");
  if (!scene.structure) throw new AppError("conflict", "The structure stage has not finished yet.", { status: scene.status });
  const { renderStructureOverlay } = await import("../images/overlay");
  return renderStructureOverlay(store.localFile(id, ArtifactKeys.sceneFile(scene.source.imageFile), "image"), scene.structure);
}
