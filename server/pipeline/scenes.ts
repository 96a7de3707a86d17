import "server-only";
/**
 * Scene lifecycle: create (prompt or uploaded image) and start the job, wait, continue after review,
 * delete, and resume interrupted jobs: after a restart, and (a periodic sweep) those of a server that died.
 * Every job runs on a lease of its job row (./lease.ts), so one server at a time runs a scene's job.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { AppError } from "../../lib/errors";
import { type EngineName, type Scene, type SceneSource, type SceneStatus, TERMINAL_EVENTS } from "../../lib/scene/schema";
import { config } from "../config";
import { getEngine } from "../engines";
import { assertRunnerAvailable } from "../health";
import { subscribeEvents } from "../events/bus";
import { ArtifactKeys, getStore } from "../store";
import { failJob, runJob } from "./job";
import { ownerGone, runnerId, startLeasedJob } from "./lease";
import { abortJob, assertSceneIdle, isJobActive } from "./registry";
import { titleFromImage, titleFromPrompt } from "./title";

/** Longest prompt accepted (characters). */
export const MAX_PROMPT_CHARS = 20_000;
/** Resume attempts before an interrupted job is marked failed. */
export const MAX_RESUMES = 3;

/** An uploaded image as returned by `ingestImageUpload` (server/images/ingest.ts). */
export interface ImageInput {
  imagePath: string;
  widthPx: number;
  heightPx: number;
  prompt: string | null;
  roomDims: { w: number; d: number } | null;
}

/** Input of `createScene`: a prompt, or an ingested image (with optional prompt and room dimensions in m). */
export type CreateSceneInput = { prompt: string } | { image: ImageInput };

/** Throws AppError `empty_prompt` / `prompt_too_long` for prompts the parser must not see. */
export function validatePrompt(prompt: string): string {
  if (!prompt.trim()) throw new AppError("empty_prompt", "Describe the room you want: the prompt is empty.");
  if (prompt.length > MAX_PROMPT_CHARS) {
    throw new AppError("prompt_too_long", `The prompt has ${prompt.length} characters; the limit is ${MAX_PROMPT_CHARS}.`, { length: prompt.length, max: MAX_PROMPT_CHARS });
  }
  return prompt.trim();
}

/**
 * Create a scene owned by `opts.owner` (a user id; default the shared-token user) and start its job in the
 * background; returns the stored scene at once (status `running`).
 * Throws AppError `empty_prompt`, `prompt_too_long`, `validation` (unknown engine), and `blender_missing` /
 * `runner_unavailable` (503) when no Blender worker can run, before anything is stored.
 */
export async function createScene(input: CreateSceneInput, opts: { engine?: EngineName; owner?: string } = {}): Promise<Scene> {
  const engineName = opts.engine ?? config().engine;
  getEngine(engineName);
  if ("prompt" in input) validatePrompt(input.prompt);
  await assertRunnerAvailable();
  const store = getStore();
  const id = randomUUID();
  let source: SceneSource;
  let title: string;
  if ("prompt" in input) {
    const prompt = validatePrompt(input.prompt);
    source = { kind: "prompt", prompt };
    title = titleFromPrompt(prompt);
  } else {
    const img = input.image;
    if (img.prompt && img.prompt.length > MAX_PROMPT_CHARS) validatePrompt(img.prompt);
    const name = `input${path.extname(img.imagePath).toLowerCase() || ".png"}`;
    store.artifacts.putFile(id, ArtifactKeys.sceneFile(name), img.imagePath);
    source = {
      kind: "image",
      imageFile: name,
      widthPx: img.widthPx,
      heightPx: img.heightPx,
      ...(img.prompt?.trim() ? { prompt: img.prompt.trim() } : {}),
      ...(img.roomDims ? { roomDims: img.roomDims } : {}),
    };
    title = titleFromImage(img.prompt);
  }
  store.transaction(() => {
    store.scenes.insert({ id, title, source, engine: engineName, status: "queued", owner: opts.owner });
    store.jobs.put(id, "create", "running");
    store.jobs.claim(id, runnerId(), config().jobLeaseMs);
  });
  void startLeasedJob(id, "create", (signal) => runJob(id, signal));
  return store.getScene(id);
}

/** The whole scene; throws AppError `not_found`. */
export function getScene(id: string): Scene {
  return getStore().getScene(id);
}

const SETTLED: readonly SceneStatus[] = ["completed", "failed", "needs_review", "cancelled"];

/**
 * Resolve with the scene once its status is completed, failed, needs_review or cancelled.
 * Throws AppError `not_found`, or `internal` after `timeoutMs` (default 120 s).
 */
export async function waitForScene(id: string, timeoutMs = 120_000): Promise<Scene> {
  const store = getStore();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = store.getScene(id);
    if (SETTLED.includes(s.status) && !isJobActive(id)) return s;
    if (Date.now() > deadline) throw new AppError("internal", `pipeline: scene ${id} did not settle within ${timeoutMs} ms (status ${s.status}).`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 200);
      const unsubscribe = subscribeEvents(id, store.events.lastSeq(id), (e) => {
        if (TERMINAL_EVENTS.includes(e.type)) done();
      });
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
}

/**
 * Run the remaining stages of a scene paused in `needs_review` with its (corrected) structure; returns at once.
 * Throws AppError `not_found`, `busy` (a job runs), `conflict` (the scene is not waiting for review).
 */
export async function continueScene(id: string): Promise<Scene> {
  const store = getStore();
  const scene = store.getScene(id);
  assertSceneIdle(id);
  if (scene.status !== "needs_review") throw new AppError("conflict", `The scene is ${scene.status}, not waiting for review.`, { status: scene.status });
  store.transaction(() => {
    store.jobs.update(id, { kind: "continue", state: "running", completedStages: ["structure"], error: null });
    if (!store.jobs.claim(id, runnerId(), config().jobLeaseMs)) throw new AppError("busy", "Another server is running this scene's job; wait for it to finish.", { sceneId: id });
    store.scenes.update(id, { status: "running" });
  });
  void startLeasedJob(id, "continue", (signal) => runJob(id, signal));
  return store.getScene(id);
}

/** Delete a scene (its running job is aborted first). Throws AppError `not_found`. */
export async function deleteScene(id: string): Promise<void> {
  const store = getStore();
  if (!store.scenes.exists(id)) throw new AppError("not_found", `Scene ${JSON.stringify(id.slice(0, 80))} does not exist.`);
  await abortJob(id);
  store.deleteScene(id);
}

/**
 * Resume every `running` job that no live server holds (unowned, lease expired, or owned by a process of this
 * server that is gone), returning their scene ids: each is claimed atomically, so of several servers one takes
 * it, and continues from its last completed stage and object; a job interrupted more than MAX_RESUMES times, or
 * whose inputs are gone, is marked failed with the reason.
 */
export function resumeJobs(): string[] {
  const store = getStore();
  const me = runnerId();
  const resumed: string[] = [];
  const running = store.jobs.listRunning().filter((j) => !isJobActive(j.sceneId));
  const now = running.length ? store.jobs.clockMs() : 0;
  for (const candidate of running) {
    const dead = candidate.owner && ownerGone(candidate.owner) ? candidate.owner : null;
    if (candidate.owner && candidate.owner !== me && !dead && (candidate.leaseUntil ?? 0) >= now) continue;
    const scene = store.scenes.get(candidate.sceneId);
    if (!scene) continue;
    const job = store.transaction(() => (store.jobs.claim(candidate.sceneId, me, config().jobLeaseMs, dead) ? store.jobs.get(candidate.sceneId) : null));
    if (!job) continue;
    if (job.attempts >= MAX_RESUMES + 1) {
      failJob(job.sceneId, new Error(`pipeline: the job was interrupted ${job.attempts} times (last in stage ${job.stage ?? "none"}); giving up.`));
      continue;
    }
    if (scene.source.kind === "image" && !store.artifacts.has(scene.id, ArtifactKeys.sceneFile(scene.source.imageFile))) {
      failJob(job.sceneId, new Error("pipeline: the input image is missing; the job cannot resume."));
      continue;
    }
    store.transaction(() => store.jobs.update(job.sceneId, { attempts: job.attempts + 1 }));
    void startLeasedJob(job.sceneId, job.kind, (signal) => runJob(job.sceneId, signal, { resumed: true }));
    resumed.push(job.sceneId);
  }
  return resumed;
}

const SWEEP = Symbol.for("roomcode.pipeline.sweep");
type SweepHolder = { [SWEEP]?: NodeJS.Timeout };

/** Run `resumeJobs` every lease period (config `jobLeaseMs`) on an unref'd timer, so jobs of a dead server move here; idempotent. */
export function startJobSweep(): void {
  const g = globalThis as SweepHolder;
  if (g[SWEEP]) return;
  g[SWEEP] = setInterval(() => {
    try {
      const resumed = resumeJobs();
      if (resumed.length) console.log(`pipeline: took over ${resumed.length} job(s) no live server held`);
    } catch (e) {
      console.error("pipeline: sweeping for abandoned jobs failed:", e);
    }
  }, config().jobLeaseMs);
  g[SWEEP].unref();
}
