import "server-only";
/**
 * Object-level operations used by edits: build a new program revision of one object (policy + build + store),
 * and add a new object through profile + code. Only the named object is touched.
 */
import fs from "node:fs";
import { AppError } from "../../lib/errors";
import type { ObjectSpec, Placement, SceneObject } from "../../lib/scene/schema";
import { getEngine } from "../engines";
import { appendEvent } from "../events/bus";
import { getStore, plainRevision, type StoredRevision } from "../store";
import { addRevision, buildRevision, reuseIdenticalBuild, sizeDeviation } from "./build";
import { makeContext } from "./context";
import { objectFromSpec } from "./stages/layout";
import { profileOne } from "./stages/profile";
import { codeObject, modelUrl } from "./stages/code";

/** Result of `buildObjectRevision`: the updated object and the new stored revision. */
export interface BuiltRevision {
  object: SceneObject;
  revision: StoredRevision;
}

function supersededError(objectId: string): AppError {
  return new AppError("superseded", `The change of ${objectId} was replaced by a newer one before its build finished.`, { objectId });
}

/** Remove a cancelled revision and any GLB written for it. */
function dropRevision(sceneId: string, objectId: string, rev: number): void {
  const store = getStore();
  fs.rmSync(store.files.objectGlb(sceneId, objectId, rev), { force: true });
  store.transaction(() => store.revisions.delete(sceneId, objectId, rev));
}

/**
 * Store `source` as a new revision of the object (origin: edit, code, params, restore, ...), build it, and make it
 * current. A byte-identical source already built for this object reuses that GLB (copied) instead of a rebuild.
 * On failure the revision stays stored with its error, the object keeps its current program and GLB, and an
 * AppError is thrown: `policy` (sandbox rule) or `build_failed`, with details `{ line, type, traceback, rule?, rev }`.
 * Also throws `not_found` for an unknown scene/object. Aborting `signal` (a newer value superseded this one)
 * cancels the build in the pool, removes the revision and its GLB, and throws `superseded`.
 */
export async function buildObjectRevision(sceneId: string, objectId: string, source: string, origin: string, signal?: AbortSignal): Promise<BuiltRevision> {
  const store = getStore();
  store.getScene(sceneId);
  if (!store.objects.get(sceneId, objectId)) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`);
  if (signal?.aborted) throw supersededError(objectId);
  const rev = addRevision(sceneId, objectId, source, origin);
  let stats = reuseIdenticalBuild(sceneId, rev);
  if (!stats) {
    const res = await buildRevision(sceneId, rev, signal);
    if (signal?.aborted) {
      dropRevision(sceneId, objectId, rev.rev);
      throw supersededError(objectId);
    }
    if (!res.ok) {
      const e = res.error;
      const code = e.rule || e.type === "PolicyError" ? "policy" : "build_failed";
      throw new AppError(code, `${e.type}: ${e.message}`, { line: e.line, type: e.type, traceback: e.traceback, ...(e.rule ? { rule: e.rule } : {}), rev: rev.rev });
    }
    stats = res.value.stats;
  }
  if (signal?.aborted) {
    dropRevision(sceneId, objectId, rev.rev);
    throw supersededError(objectId);
  }
  const built = stats;
  const stored = store.revisions.get(sceneId, objectId, rev.rev)!;
  const object = store.transaction(() => {
    const cur = store.objects.get(sceneId, objectId);
    if (!cur) throw new AppError("not_found", `Object ${objectId} was removed while it was being built.`);
    const next: SceneObject = { ...cur, program: plainRevision(stored), build: { status: "built", glbRev: rev.rev, stats: built, error: null, attempts: cur.build.attempts } };
    store.objects.put(sceneId, next);
    return next;
  });
  appendEvent(sceneId, "object.built", {
    objectId,
    data: { rev: rev.rev, glbRev: rev.rev, stats, origin, sizeDeviation: Number(sizeDeviation(stats.size, object.targetSize).toFixed(4)), url: modelUrl(sceneId, objectId, rev.rev) },
  });
  return { object, revision: stored };
}

/**
 * Add an object to a scene from its spec and placement, then profile, code and build it with the scene's engine
 * (repair/refine loop included). Resolves with the stored object (build status `built` or `failed`).
 * Throws AppError `not_found` (scene), `conflict` (id already used).
 */
export async function addObject(sceneId: string, input: { spec: ObjectSpec; placement: Placement }): Promise<SceneObject> {
  const store = getStore();
  const scene = store.getScene(sceneId);
  if (store.objects.get(sceneId, input.spec.id)) throw new AppError("conflict", `An object with id ${input.spec.id} already exists.`);
  store.transaction(() => store.objects.put(sceneId, objectFromSpec(input.spec, input.placement, input.spec.support)));
  const engine = getEngine(scene.engine);
  const abort = new AbortController();
  const profileCtx = makeContext(sceneId, "profile", abort.signal);
  await profileOne(profileCtx, engine, store.getScene(sceneId), store.objects.get(sceneId, input.spec.id)!);
  const codeCtx = makeContext(sceneId, "code", abort.signal);
  await codeObject(codeCtx, engine, store.getScene(sceneId), input.spec.id);
  return store.objects.get(sceneId, input.spec.id)!;
}
