import "server-only";
/**
 * Progressive Cycles renders of a scene (issue 21 item 5): one render = successive `render_scene` background
 * jobs with growing sample counts (PASSES). Each finished pass is a PNG artifact under `renders/` and a
 * `render.progress` event (then `render.completed` or `render.failed`); a JSON record per render feeds the
 * gallery. A new render of a scene supersedes the one still running (its remaining passes are skipped).
 */
import crypto from "node:crypto";
import os from "node:os";
import { AppError } from "../../lib/errors";
import { presetCamera, type RenderPreset, type RoomCamera } from "../../lib/render/cameras";
import { appendEvent } from "../events/bus";
import { assembleInput } from "../pipeline/assemble";
import { getRunner } from "../runner";
import { ArtifactKeys, getStore, keepScratch } from "../store";

/** One pass of a progressive render: image size (px) and Cycles samples per pixel. */
export interface RenderPass {
  widthPx: number;
  heightPx: number;
  samples: number;
}

/** Sample budgets: `final` refines to 128 spp at 1280x720; `quick` stops at 16 spp. Both show a first image within seconds. */
export const BUDGETS = {
  final: [
    { widthPx: 640, heightPx: 360, samples: 4 },
    { widthPx: 1280, heightPx: 720, samples: 32 },
    { widthPx: 1280, heightPx: 720, samples: 128 },
  ],
  quick: [
    { widthPx: 640, heightPx: 360, samples: 4 },
    { widthPx: 1280, heightPx: 720, samples: 16 },
  ],
} as const satisfies Record<string, readonly RenderPass[]>;
/** A budget name. */
export type RenderBudget = keyof typeof BUDGETS;
/** Default passes (the final budget). */
export const PASSES: readonly RenderPass[] = BUDGETS.final;

/** Cycles threads per render job: all cores but one, so a build can still run beside a render. */
export const RENDER_THREADS = Math.max(1, Number(process.env.ROOMCODE_RENDER_THREADS) || os.cpus().length - 1);

/** A stored render: camera, passes done (with their PNG file name and seconds since the start) and status. */
export interface RenderRecord {
  id: string;
  preset: RenderPreset;
  camera: RoomCamera;
  createdAt: string;
  status: "running" | "completed" | "failed" | "superseded";
  passes: (RenderPass & { file: string; seconds: number })[];
  error: string | null;
}

const running = new Map<string, string>();

function save(sceneId: string, rec: RenderRecord): void {
  getStore().artifacts.put(sceneId, ArtifactKeys.renderFile(`${rec.id}.json`), JSON.stringify(rec));
}

/** URL of a render PNG (add `?download=1` for an attachment). */
export function renderUrl(sceneId: string, file: string): string {
  return `/api/scenes/${encodeURIComponent(sceneId)}/renders/${encodeURIComponent(file)}`;
}

/**
 * Starts a progressive render of the scene from `camera` (or the preset's camera) and returns its record at once;
 * passes run in the background. Throws `not_found` for an unknown scene, `conflict` while the scene has no room.
 */
export function startRender(sceneId: string, input: { preset: RenderPreset; camera?: RoomCamera; budget?: RenderBudget; passes?: readonly RenderPass[] }): RenderRecord {
  const store = getStore();
  const scene = store.getScene(sceneId);
  if (!scene.room) throw new AppError("conflict", "The room is not built yet, so there is nothing to render.");
  const camera = input.preset === "current" ? input.camera : presetCamera(input.preset, scene.room.footprint, scene.room.wallHeight);
  if (!camera) throw new AppError("validation", "A render of the current view needs the camera.");
  const rec: RenderRecord = { id: `${Date.now().toString(36)}-${crypto.randomBytes(3).toString("hex")}`, preset: input.preset, camera, createdAt: new Date().toISOString(), status: "running", passes: [], error: null };
  save(sceneId, rec);
  running.set(sceneId, rec.id);
  const passes = input.passes ?? BUDGETS[input.budget ?? "final"];
  appendEvent(sceneId, "render.started", { data: { renderId: rec.id, preset: rec.preset, passes: passes.length } });
  void runPasses(sceneId, rec, passes);
  return rec;
}

async function runPasses(sceneId: string, rec: RenderRecord, passes: readonly RenderPass[]): Promise<void> {
  const store = getStore();
  const t0 = Date.now();
  for (const [i, pass] of passes.entries()) {
    if (running.get(sceneId) !== rec.id) {
      rec.status = "superseded";
      break;
    }
    if (!store.scenes.exists(sceneId)) return;
    // Each pass renders the scene as it is now (an edit between passes shows in the next one).
    const input = assembleInput(store.getScene(sceneId));
    const file = `${rec.id}-p${i + 1}.png`;
    const out = store.artifacts.scratchPath(sceneId, ArtifactKeys.renderFile(file));
    const res = await getRunner().renderScene({ ...input, scope: sceneId, camera: rec.camera, ...pass, threads: RENDER_THREADS, outPng: out });
    keepScratch(store.artifacts, sceneId, ArtifactKeys.renderFile(file), out, res.ok && store.scenes.exists(sceneId));
    if (!store.scenes.exists(sceneId)) return;
    if (!res.ok) {
      rec.status = "failed";
      rec.error = `${res.error.type}: ${res.error.message}`;
      save(sceneId, rec);
      appendEvent(sceneId, "render.failed", { data: { renderId: rec.id, error: res.error } });
      if (running.get(sceneId) === rec.id) running.delete(sceneId);
      return;
    }
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    rec.passes.push({ ...pass, file, seconds });
    const last = i === passes.length - 1;
    if (last) rec.status = "completed";
    save(sceneId, rec);
    appendEvent(sceneId, "render.progress", { data: { renderId: rec.id, pass: i + 1, of: passes.length, ...pass, seconds, url: renderUrl(sceneId, file) } });
  }
  if (rec.status === "superseded") save(sceneId, rec);
  if (rec.status === "completed") appendEvent(sceneId, "render.completed", { data: { renderId: rec.id, seconds: rec.passes.at(-1)?.seconds ?? 0, url: renderUrl(sceneId, rec.passes.at(-1)!.file) } });
  if (running.get(sceneId) === rec.id) running.delete(sceneId);
}

/** Keys of render records, `renders/<id>.json` with the id startRender gives (other JSON there, such as the fidelity view's `fidelity.json`, is not a render). */
const RECORD_KEY = /^renders\/[a-z0-9]+-[0-9a-f]{6}\.json$/;

/** The scene's renders, newest first. Throws `not_found` for an unknown scene. */
export function listRenders(sceneId: string): RenderRecord[] {
  const store = getStore();
  store.getScene(sceneId);
  const out: RenderRecord[] = [];
  for (const key of store.artifacts.list(sceneId, "renders/")) {
    if (!RECORD_KEY.test(key)) continue;
    try {
      const rec = JSON.parse(store.artifacts.get(sceneId, key)?.toString("utf8") ?? "") as RenderRecord;
      // A render left running by a server that stopped is not running any more.
      if (rec.status === "running" && running.get(sceneId) !== rec.id) rec.status = rec.passes.length ? "superseded" : "failed";
      out.push(rec);
    } catch {
      // a record being written; skip it
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Local path of a render PNG; throws `not_found` unless it is a PNG of this scene's renders. */
export function renderPng(sceneId: string, file: string): string {
  const store = getStore();
  store.getScene(sceneId);
  if (!/^[a-z0-9]+-[0-9a-f]{6}-p\d+\.png$/.test(file)) throw new AppError("not_found", "No such render.");
  const p = store.artifacts.localPath(sceneId, ArtifactKeys.renderFile(file));
  if (!p) throw new AppError("not_found", "No such render.");
  return p;
}
