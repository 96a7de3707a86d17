import "server-only";
/**
 * The pipeline job: runs the five stages in order (DESIGN.md section 5) with events, skipping stages already
 * completed (resume), pausing image scenes in `needs_review` after structure when configured, and ending with
 * `job.completed` or `job.failed`. Stage outputs are committed before `stage.completed`, so an interrupted job
 * resumes from the last completed stage (and, inside code, from the last built object).
 */
import { diskFullError, isAppError } from "../../lib/errors";
import { STAGES, type MemoryEntry, type Scene, type StageName } from "../../lib/scene/schema";
import { config } from "../config";
import { getEngine } from "../engines";
import type { Engine } from "../engines/types";
import { appendEvent } from "../events/bus";
import { getStore } from "../store";
import { checkAborted, makeContext, type PipelineContext } from "./context";
import { assertLeaseHeld, LeaseLostError, leaseTaken } from "./lease";
import { trackTask } from "./registry";
import { settleRoom } from "./room";
import { runCode } from "./stages/code";
import { runDecor } from "./stages/decor";
import { runLayout } from "./stages/layout";
import { runProfile } from "./stages/profile";
import { runStructure } from "./stages/structure";
import { runCritic } from "../critic";
import { renderThumbnail } from "./thumbnail";

type StageFn = (ctx: PipelineContext, engine: Engine, scene: Scene) => Promise<MemoryEntry[]>;

const STAGE_FNS: Record<StageName, StageFn> = {
  structure: runStructure,
  layout: runLayout,
  profile: runProfile,
  code: (ctx, engine, scene) => runCode(ctx, engine, scene),
  decor: runDecor,
};

/** Whether an image scene pauses for review after structure (ROOMCODE_REVIEW_IMAGES: always | offline | never). */
export function needsReview(scene: Scene): boolean {
  if (scene.source.kind !== "image") return false;
  const mode = config().reviewImages;
  return mode === "always" || (mode === "offline" && scene.engine === "offline");
}

/** Run (or resume) the scene's job until completion, a review pause, or failure. Never throws. */
export async function runJob(sceneId: string, signal: AbortSignal, opts: { resumed?: boolean } = {}): Promise<void> {
  const store = getStore();
  const started = Date.now();
  try {
    const job = store.jobs.get(sceneId);
    if (!job) throw new Error("pipeline: no job row for this scene");
    let scene = store.getScene(sceneId);
    const engine = getEngine(scene.engine);
    store.transaction(() => {
      assertLeaseHeld(sceneId);
      store.scenes.update(sceneId, { status: "running", error: null });
      store.jobs.update(sceneId, { state: "running" });
    });
    appendEvent(sceneId, "job.started", { data: { kind: job.kind, engine: engine.name, resumed: !!opts.resumed, completedStages: job.completedStages } });
    const done = new Set(job.completedStages);
    for (const stage of STAGES) {
      if (done.has(stage)) continue;
      checkAborted(signal);
      store.transaction(() => {
        assertLeaseHeld(sceneId);
        store.jobs.update(sceneId, { stage });
        store.scenes.update(sceneId, { stage });
        store.memory.clearStage(sceneId, stage);
      });
      appendEvent(sceneId, "stage.started", { stage, data: { resumed: !!opts.resumed } });
      const t0 = Date.now();
      const ctx = makeContext(sceneId, stage, signal);
      scene = store.getScene(sceneId);
      const entries = await STAGE_FNS[stage](ctx, engine, scene);
      checkAborted(signal);
      if (ctx.notes.length) entries.push({ stage, kind: "notes", key: "notes", value: ctx.notes, createdAt: new Date().toISOString() });
      if (ctx.usageTotals.model) entries.push({ stage, kind: "usage", key: "usage", value: ctx.usageTotals, createdAt: new Date().toISOString() });
      store.transaction(() => store.memory.add(sceneId, entries));
      appendEvent(sceneId, "stage.output", { stage, data: { entries, notes: ctx.notes } });
      done.add(stage);
      store.transaction(() => {
        assertLeaseHeld(sceneId);
        store.jobs.update(sceneId, { completedStages: STAGES.filter((s) => done.has(s)) });
      });
      appendEvent(sceneId, "stage.completed", { stage, data: { durationMs: Date.now() - t0 } });

      if (stage === "structure" && needsReview(store.getScene(sceneId))) {
        store.transaction(() => {
          assertLeaseHeld(sceneId);
          store.jobs.update(sceneId, { state: "paused", stage: null });
          store.scenes.update(sceneId, { status: "needs_review", stage: null });
        });
        const s = store.getScene(sceneId);
        appendEvent(sceneId, "scene.needs_review", { stage, data: { footprints: s.structure?.footprints.length ?? 0, objects: s.structure?.objects.length ?? 0 } });
        return;
      }
    }
    await settleRoom(sceneId);
    const final = store.getScene(sceneId);
    const built = final.objects.filter((o) => o.build.status === "built").length;
    const failed = final.objects.filter((o) => o.build.status === "failed").length;
    if (final.objects.length > 0 && built === 0) {
      const first = final.objects.find((o) => o.build.error)?.build.error;
      throw new Error(`pipeline: none of the ${final.objects.length} objects built${first ? ` (first error: ${first.type}: ${first.message})` : ""}`);
    }
    store.transaction(() => {
      assertLeaseHeld(sceneId);
      store.jobs.update(sceneId, { state: "completed", stage: null });
      store.scenes.update(sceneId, { status: "completed", stage: null });
    });
    appendEvent(sceneId, "job.completed", { data: { objects: final.objects.length, built, failed, durationMs: Date.now() - started } });
    // The model engine's critic looks at the built room and may edit it (no-op for offline scenes).
    trackTask(runCritic(sceneId).then(() => renderThumbnail(sceneId)));
  } catch (e) {
    // Another server has taken the job over: its state is that server's to write now.
    if (e instanceof LeaseLostError || signal.reason instanceof LeaseLostError || leaseTaken(sceneId)) {
      console.warn(e instanceof LeaseLostError ? e.message : `pipeline: another server took the job of scene ${sceneId} over`);
      return;
    }
    failJob(sceneId, e);
  }
}

/** Delays (ms) between attempts to record a failure that could not be written (a full disk may free up). */
const FAIL_RETRY_MS = [0, 1000, 5000, 15_000, 60_000];

/**
 * Record a job failure on the job row and the scene, and emit `job.failed` (no-op for a deleted scene). A full
 * disk (ENOSPC, SQLITE_FULL) is recorded as AppError `disk_full`. Never throws: when the failure itself cannot be
 * written, it is retried in the background so that the scene does not stay `running`.
 */
export function failJob(sceneId: string, e: unknown, attempt = 0): void {
  const err = isAppError(e) ? e : (diskFullError(e) ?? e);
  try {
    const store = getStore();
    if (!store.scenes.exists(sceneId)) return;
    const message = err instanceof Error ? err.message : String(err);
    const code = isAppError(err) ? err.code : "internal";
    store.transaction(() => {
      store.jobs.update(sceneId, { state: "failed", error: message });
      store.scenes.update(sceneId, { status: "failed", error: message });
    });
    appendEvent(sceneId, "job.failed", { stage: store.jobs.get(sceneId)?.stage ?? null, data: { error: { code, message, ...(isAppError(err) && err.details ? { details: err.details } : {}) } } });
  } catch (writeError) {
    const next = FAIL_RETRY_MS[attempt + 1];
    console.error(`pipeline: recording the failure of ${sceneId} failed${next === undefined ? "; giving up until restart" : `; retrying in ${next} ms`}:`, writeError);
    if (next !== undefined) setTimeout(() => failJob(sceneId, e, attempt + 1), next).unref();
  }
}
