import "server-only";
/**
 * Stage 4, code: per object, program synthesis -> runner build -> repair from the error (at most 3 tries)
 * -> size check against the target (refine once when off by more than 15%), after SceneCode's
 * execute-repair-refine loop. Every attempt is stored as a revision; one failing object never fails the scene.
 * Objects run concurrently, bounded by the worker pool size.
 */
import { diskFullError } from "../../../lib/errors";
import type { BuildError, MemoryEntry, Scene, SceneObject } from "../../../lib/scene/schema";
import { config } from "../../config";
import type { Engine } from "../../engines/types";
import { appendEvent } from "../../events/bus";
import { appendStagedNow, writeDecided, type StagedEvent } from "../../edits/scene-writes";
import { getStore, plainRevision, type StoredRevision } from "../../store";
import { addRevision, buildRevision, SIZE_TOLERANCE, sizeDeviation } from "../build";
import { checkAborted, entry, type PipelineContext } from "../context";
import { mapPool } from "../pool";
import { settleBuilt } from "../settle";

/** Repair attempts after the first failed build (SceneCode: 3). */
export const MAX_REPAIRS = 3;

/**
 * Makes `obj`'s program and build state current through the executor (`set-program`, history off), with `events`
 * written in the same transaction; nothing is written when the object is gone.
 */
function save(sceneId: string, obj: SceneObject, events: StagedEvent[] = []): void {
  writeDecided(sceneId, (s) =>
    s.objects.some((o) => o.id === obj.id) ? { commands: [{ name: "set-program", args: { objectId: obj.id, program: obj.program, build: obj.build } }], events } : null,
  );
}

/**
 * Where `codeObject` reads and keeps the object it builds: its stored row (generation) or memory (a new object an
 * edit adds). `save` keeps the object's program and build state with the events that report them (`object.built`,
 * `object.failed`); a memory sink appends those events at once.
 */
export interface ObjectSink {
  get(): SceneObject | null;
  save(obj: SceneObject, events?: StagedEvent[]): void;
}

/** The object's stored row as an ObjectSink. */
export function storeSink(sceneId: string, objectId: string): ObjectSink {
  return { get: () => getStore().objects.get(sceneId, objectId), save: (obj, events) => save(sceneId, obj, events) };
}

function announce(sceneId: string, obj: SceneObject, rev: StoredRevision): void {
  appendEvent(sceneId, "object.code", { stage: "code", objectId: obj.id, data: { rev: rev.rev, origin: rev.origin, source: rev.source, params: rev.params } });
}

/** URL of an object's GLB revision. */
export function modelUrl(sceneId: string, objectId: string, rev: number): string {
  return `/api/scenes/${encodeURIComponent(sceneId)}/objects/${encodeURIComponent(objectId)}/model.glb?rev=${rev}`;
}

/**
 * Code and build one object through the repair/refine loop, storing every revision and keeping the build state in
 * `opts.sink` (default: the object's stored row). Skips objects already built; resumes a revision stored but never
 * built unless `opts.fresh` (a new object, whose id may have older revisions). Returns the object's memory entry.
 */
export async function codeObject(ctx: PipelineContext, engine: Engine, scene: Scene, objectId: string, opts: { sink?: ObjectSink; fresh?: boolean } = {}): Promise<MemoryEntry | null> {
  const store = getStore();
  const sink = opts.sink ?? storeSink(scene.id, objectId);
  let obj = sink.get();
  if (!obj || obj.build.status === "built") return null;
  checkAborted(ctx.signal);

  // Resume: a revision stored before an interruption but never built is built now instead of coding again.
  let rev = opts.fresh ? null : store.revisions.latest(scene.id, objectId);
  if (!rev || rev.glbFile || rev.error || (obj.program && obj.program.rev !== rev.rev)) {
    obj = { ...obj, build: { ...obj.build, status: "coding" } };
    sink.save(obj);
    // Model engines stream the program as it is written (throttled by the engine): the editor fills live.
    const streamed = (textSoFar: string) =>
      appendEvent(scene.id, "object.code", { stage: "code", objectId, data: { partial: true, source: textSoFar } });
    const { source } = await engine.code(ctx, obj, scene, streamed);
    rev = addRevision(scene.id, objectId, source, "generated");
  }
  obj = { ...obj, program: plainRevision(rev), build: { ...obj.build, status: "building" } };
  sink.save(obj);
  announce(scene.id, obj, rev);

  let attempts = 1;
  let res = await buildRevision(scene.id, rev);
  let lastError: BuildError | null = res.ok ? null : res.error;
  while (!res.ok && attempts <= MAX_REPAIRS) {
    checkAborted(ctx.signal);
    const repaired = await engine.repair(ctx, obj, rev.source, res.error, attempts);
    if (!repaired) break;
    rev = addRevision(scene.id, objectId, repaired.source, "repair");
    obj = { ...obj, program: plainRevision(rev) };
    sink.save(obj);
    announce(scene.id, obj, rev);
    attempts += 1;
    res = await buildRevision(scene.id, rev);
    if (!res.ok) lastError = res.error;
  }

  if (!res.ok) {
    obj = { ...obj, build: { status: "failed", glbRev: null, stats: null, error: lastError, attempts } };
    sink.save(obj, [{ type: "object.failed", stage: "code", objectId, data: { rev: rev.rev, error: lastError, attempts } }]);
    return entry("code", "program", objectId, { rev: rev.rev, built: false, attempts, error: lastError?.message ?? null });
  }

  let stats = res.value.stats;
  let deviation = sizeDeviation(stats.size, obj.targetSize);
  if (deviation > SIZE_TOLERANCE) {
    checkAborted(ctx.signal);
    const refined = await engine.refine(ctx, obj, rev.source, stats);
    if (refined) {
      const rrev = addRevision(scene.id, objectId, refined.source, "refine");
      announce(scene.id, { ...obj, program: plainRevision(rrev) }, rrev);
      attempts += 1;
      const r2 = await buildRevision(scene.id, rrev);
      if (r2.ok && sizeDeviation(r2.value.stats.size, obj.targetSize) < deviation) {
        rev = rrev;
        stats = r2.value.stats;
        deviation = sizeDeviation(stats.size, obj.targetSize);
      } else {
        ctx.note(`${objectId}: refinement did not improve the size; kept revision ${rev.rev}.`);
      }
    }
  }
  obj = { ...obj, program: plainRevision(rev), build: { status: "built", glbRev: rev.rev, stats, error: null, attempts } };
  sink.save(obj, [
    {
      type: "object.built",
      stage: "code",
      objectId,
      data: { rev: rev.rev, glbRev: rev.rev, stats, attempts, sizeDeviation: Number(deviation.toFixed(4)), url: modelUrl(scene.id, objectId, rev.rev) },
    },
  ]);
  return entry("code", "program", objectId, { rev: rev.rev, built: true, attempts, size: stats.size, sizeDeviation: Number(deviation.toFixed(4)) });
}

/** Run the code stage over `objectIds` (default: every object not yet built), bounded by the worker pool size; then settle the built objects (server/pipeline/settle.ts). */
export async function runCode(ctx: PipelineContext, engine: Engine, scene: Scene, objectIds?: string[]): Promise<MemoryEntry[]> {
  const ids = objectIds ?? scene.objects.filter((o) => o.build.status !== "built").map((o) => o.id);
  const out = await mapPool(ids, config().workers, async (id) => {
    try {
      return await codeObject(ctx, engine, scene, id);
    } catch (e) {
      // A full disk fails the whole job (typed `disk_full`), not just this object.
      if (ctx.signal.aborted || diskFullError(e)) throw e;
      // An engine error (e.g. a model call that failed) fails this object only.
      const error: BuildError = { type: "EngineError", message: (e as Error).message, line: null, traceback: "" };
      const cur = getStore().objects.get(scene.id, id);
      const failed: StagedEvent = { type: "object.failed", stage: "code", objectId: id, data: { error, attempts: cur?.build.attempts ?? 0 } };
      if (cur) save(scene.id, { ...cur, build: { ...cur.build, status: "failed", error } }, [failed]);
      else appendStagedNow(scene.id, [failed]);
      return entry("code", "program", id, { built: false, error: error.message });
    }
  });
  const moved = settleBuilt(scene.id);
  for (const n of moved) ctx.note(n);
  return out.filter((e): e is MemoryEntry => e !== null);
}
