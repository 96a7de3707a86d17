import "server-only";
/**
 * Object-level builds used by edits: build a new program revision of one object (policy + build + revision row
 * and GLB), and build a new object through profile + code. Both write only immutable artefacts (revisions, GLBs);
 * the edit then makes them current through a command (server/edits/executor.ts). Only the named object is built.
 */
import { AppError } from "../../lib/errors";
import type { ObjectSpec, Placement, Scene, SceneObject } from "../../lib/scene/schema";
import { appendStagedNow } from "../edits/scene-writes";
import { getEngine } from "../engines";
import { ArtifactKeys, getStore, plainRevision, type StoredRevision } from "../store";
import { addRevision, buildRevision, reuseIdenticalBuild, sizeDeviation } from "./build";
import { makeContext } from "./context";
import { objectFromSpec } from "./stages/layout";
import { profileOne } from "./stages/profile";
import { codeObject, modelUrl, type ObjectSink } from "./stages/code";

/** The `object.built` event of a build, to be written with the change that makes the revision current. */
export interface BuiltEvent {
  type: "object.built";
  objectId: string;
  data: Record<string, unknown>;
}

/** Result of `buildObjectRevision`: the object as it is with the new revision current (not stored), the revision and its event. */
export interface BuiltRevision {
  object: SceneObject;
  revision: StoredRevision;
  event: BuiltEvent;
}

function supersededError(objectId: string): AppError {
  return new AppError("superseded", `The change of ${objectId} was replaced by a newer one before its build finished.`, { objectId });
}

/** Remove a cancelled revision and any GLB written for it. */
function dropRevision(sceneId: string, objectId: string, rev: number): void {
  const store = getStore();
  store.artifacts.remove(sceneId, ArtifactKeys.objectGlb(objectId, rev));
  store.transaction(() => store.revisions.delete(sceneId, objectId, rev));
}

/**
 * Store `source` as a new revision of the object (origin: edit, code, params, restore, copy, ...) and build it; the
 * returned object has it current but is not stored (the caller's `set-program` / `add-object` command does that).
 * `base` is the object as the caller's change has it (default: its stored row; required for an object not stored
 * yet). A byte-identical source already built for this object reuses that GLB (copied) instead of a rebuild.
 * On failure the revision stays stored with its error and an AppError is thrown: `policy` (sandbox rule) or
 * `build_failed`, with details `{ line, type, traceback, rule?, rev }`. Also throws `not_found` for an unknown
 * scene/object. Aborting `signal` (a newer value superseded this one) cancels the build in the pool, removes the
 * revision and its GLB, and throws `superseded`.
 */
export async function buildObjectRevision(sceneId: string, objectId: string, source: string, origin: string, signal?: AbortSignal, base?: SceneObject): Promise<BuiltRevision> {
  const store = getStore();
  store.getScene(sceneId);
  const cur = base ?? store.objects.get(sceneId, objectId);
  if (!cur) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`);
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
  const stored = store.revisions.get(sceneId, objectId, rev.rev)!;
  const object: SceneObject = { ...cur, program: plainRevision(stored), build: { status: "built", glbRev: rev.rev, stats, error: null, attempts: cur.build.attempts } };
  const event: BuiltEvent = {
    type: "object.built",
    objectId,
    data: { rev: rev.rev, glbRev: rev.rev, stats, origin, sizeDeviation: Number(sizeDeviation(stats.size, object.targetSize).toFixed(4)), url: modelUrl(sceneId, objectId, rev.rev) },
  };
  return { object, revision: stored, event };
}

/**
 * Build a new object from its spec and placement: profile, code and build it with the scene's engine (repair/refine
 * loop included), in memory; its revisions and GLB are stored, its row is not (the caller's `add-object` command
 * adds it). Resolves with the object (build status `built` or `failed`). Throws AppError `not_found` (scene),
 * `conflict` (id already used).
 */
export async function addObject(sceneId: string, input: { spec: ObjectSpec; placement: Placement }): Promise<SceneObject> {
  const store = getStore();
  const scene = store.getScene(sceneId);
  if (store.objects.get(sceneId, input.spec.id)) throw new AppError("conflict", `An object with id ${input.spec.id} already exists.`);
  let obj = objectFromSpec(input.spec, input.placement, input.spec.support);
  const sink: ObjectSink = {
    get: () => obj,
    save: (o, events = []) => {
      obj = o;
      appendStagedNow(sceneId, events);
    },
  };
  const withObj = (): Scene => ({ ...scene, objects: [...scene.objects, obj] });
  const engine = getEngine(scene.engine);
  const abort = new AbortController();
  await profileOne(makeContext(sceneId, "profile", abort.signal), engine, withObj(), obj, sink);
  await codeObject(makeContext(sceneId, "code", abort.signal), engine, withObj(), input.spec.id, { sink, fresh: true });
  return obj;
}
