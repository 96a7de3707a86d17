import "server-only";
/**
 * The scene pipeline (DESIGN.md section 5): jobs that run the five stages independently of HTTP connections,
 * with durable state and events, resumable after a restart; plus the object-level builds used by edits.
 */
export {
  createScene,
  waitForScene,
  getScene,
  continueScene,
  deleteScene,
  resumeJobs,
  startJobSweep,
  validatePrompt,
  MAX_PROMPT_CHARS,
  type CreateSceneInput,
  type ImageInput,
} from "./scenes";
export { buildObjectRevision, addObject, type BuiltRevision, type BuiltEvent } from "./objects";
export { assertSceneIdle, isJobActive, settleAll, abortJob } from "./registry";
export { runnerId, ownedJobCount } from "./lease";
export { exportScene, assembleInput, assembleKey } from "./assemble";
export { renderThumbnail } from "./thumbnail";
export { needsReview } from "./job";
export { modelUrl } from "./stages/code";
export { createSceneFromUpload, patchStructure, structureOverlayPng } from "./review";
export { errorResponse, handle, readJson, parseWith, fileResponse, IMMUTABLE, type HandleOptions } from "./http";
export { readMultipartForm, readBodyLimited, MAX_JSON_BYTES, MAX_MULTIPART_BYTES } from "./request-body";
export { objectGlbFile, objectProgram, roomGlbFile, thumbFile, scenePy, listScenes, downloadName, type RevisionFile } from "./files";
export { checkScenePhysics, describeCheck } from "./physics-check";
