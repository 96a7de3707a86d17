import "server-only";
/**
 * The fidelity view of an image scene (issue 16 item 4): a top-down orthographic Cycles render of the built room
 * in the picture's own frame (one `render_scene` job in the worker pool, stored as `<scene>/renders/fidelity-*.png`
 * with the record `fidelity.json`; the editor polls for it, it is not part of the render gallery), and the per-object footprint IoU between each built object's measured
 * footprint and its box in the picture (lib/fidelity).
 */
import crypto from "node:crypto";
import { AppError } from "../../lib/errors";
import { fidelityScores, pictureView, type FidelityScores, type PictureView } from "../../lib/fidelity/footprint-iou";
import type { Scene, StructureSpec } from "../../lib/scene/schema";
import { frameOf } from "../../lib/structure-patch";
import { assembleInput } from "../pipeline/assemble";
import { getRunner } from "../runner";
import { ArtifactKeys, getStore, keepScratch } from "../store";
import { RENDER_THREADS } from "./index";

/** Cycles samples of the fidelity render: enough to read outlines and colours, fast on a shared CPU. */
export const FIDELITY_SAMPLES = 12;
/** Longer side (px) of the fidelity render. */
export const FIDELITY_MAX_PX = 640;

/** The stored fidelity render: PNG file (null until the first one is done), size (px), the scene state it shows, status. */
export interface FidelityRender {
  id: string;
  file: string | null;
  widthPx: number;
  heightPx: number;
  createdAt: string;
  seconds: number | null;
  status: "running" | "completed" | "failed";
  error: string | null;
  /** Key of the room and objects (builds, placements, visibility) the render shows; differs from `stateKey(scene)` once anything changed. */
  stateKey: string;
}

/** The fidelity of a scene: scores, the render (or null), whether it shows an older state, and the picture's size (px) and frame (origin px, m per px). */
export interface FidelityReport {
  sceneId: string;
  picture: { widthPx: number; heightPx: number; url: string; frame: { originPx: [number, number]; metersPerPx: [number, number] } };
  scores: FidelityScores;
  render: (FidelityRender & { url: string | null; stale: boolean }) | null;
}

const running = new Map<string, Promise<FidelityRender>>();

/** Key of what a render of the scene shows: room and object build revisions, placements and visibility. */
export function stateKey(scene: Scene): string {
  const parts = [scene.room?.glbRev ?? null, ...scene.objects.map((o) => [o.id, o.build.glbRev, o.placement.x, o.placement.y, o.placement.z, o.placement.yawDeg, o.hidden])];
  return crypto.createHash("sha1").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
}

function imageScene(sceneId: string): { scene: Scene & { source: { kind: "image" } }; spec: StructureSpec; view: PictureView; frame: NonNullable<ReturnType<typeof frameOf>> } {
  const scene = getStore().getScene(sceneId);
  if (scene.source.kind !== "image") throw new AppError("conflict", "The fidelity view compares a scene with its picture: this scene was made from a prompt.");
  const spec = scene.structure;
  const frame = spec && frameOf(spec);
  if (!spec || !frame) throw new AppError("conflict", "The picture has no structure with a scale yet, so nothing can be compared.", { status: scene.status });
  const view = pictureView(frame, scene.source, scene.room?.wallHeight ?? 2.7, FIDELITY_MAX_PX);
  return { scene: scene as Scene & { source: { kind: "image" } }, spec, view, frame };
}

const RECORD = ArtifactKeys.renderFile("fidelity.json");

function readRecord(sceneId: string): FidelityRender | null {
  try {
    const rec = JSON.parse(getStore().artifacts.get(sceneId, RECORD)?.toString("utf8") ?? "") as FidelityRender;
    // A render left running by a server that stopped is not running any more.
    if (rec.status === "running" && !running.has(sceneId)) return { ...rec, status: rec.file ? "completed" : "failed", error: rec.file ? null : "the server stopped during the render" };
    return rec;
  } catch {
    return null;
  }
}

function writeRecord(sceneId: string, rec: FidelityRender): void {
  getStore().artifacts.put(sceneId, RECORD, JSON.stringify(rec));
}

/** URL of the fidelity render PNG. */
export function fidelityPngUrl(sceneId: string, file: string): string {
  return `/api/scenes/${encodeURIComponent(sceneId)}/fidelity/${encodeURIComponent(file)}`;
}

/** The scene's fidelity: IoU per picture box from the built meshes, room score, and the latest render. Throws `not_found`, `conflict` (a prompt scene, or no structure yet). */
export function fidelityReport(sceneId: string): FidelityReport {
  const { scene, spec, frame } = imageScene(sceneId);
  const rec = readRecord(sceneId);
  return {
    sceneId,
    picture: { widthPx: scene.source.widthPx, heightPx: scene.source.heightPx, url: `/scenes/${encodeURIComponent(sceneId)}/source-image`, frame },
    scores: fidelityScores(scene, spec),
    render: rec ? { ...rec, url: rec.file ? fidelityPngUrl(sceneId, rec.file) : null, stale: rec.stateKey !== stateKey(scene) } : null,
  };
}

/**
 * Renders the built room top-down in the picture's frame (one Cycles job in the pool) and resolves with the record.
 * A render already running for the scene is shared. Throws `not_found`, `conflict` (prompt scene, no structure, no room yet).
 */
export function renderFidelity(sceneId: string): Promise<FidelityRender> {
  const { scene, view } = imageScene(sceneId);
  if (!scene.room) throw new AppError("conflict", "The room is not built yet, so there is nothing to render.");
  const current = running.get(sceneId);
  if (current) return current;
  const prev = readRecord(sceneId);
  const rec: FidelityRender = { id: `${Date.now().toString(36)}-${crypto.randomBytes(3).toString("hex")}`, file: prev?.file ?? null, widthPx: view.widthPx, heightPx: view.heightPx, createdAt: new Date().toISOString(), seconds: null, status: "running", error: null, stateKey: stateKey(scene) };
  writeRecord(sceneId, rec);
  const job = (async () => {
    const t0 = Date.now();
    const store = getStore();
    const file = `fidelity-${rec.id}.png`;
    const out = store.artifacts.scratchPath(sceneId, ArtifactKeys.renderFile(file));
    const res = await getRunner().renderScene({ ...assembleInput(scene), scope: sceneId, camera: view.camera, widthPx: view.widthPx, heightPx: view.heightPx, samples: FIDELITY_SAMPLES, threads: RENDER_THREADS, outPng: out });
    keepScratch(store.artifacts, sceneId, ArtifactKeys.renderFile(file), out, res.ok && store.scenes.exists(sceneId));
    if (!store.scenes.exists(sceneId)) return rec;
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    const done: FidelityRender = res.ok ? { ...rec, file, seconds, status: "completed" } : { ...rec, seconds, status: "failed", error: `${res.error.type}: ${res.error.message}` };
    writeRecord(sceneId, done);
    if (res.ok && prev?.file && prev.file !== file) store.artifacts.remove(sceneId, ArtifactKeys.renderFile(prev.file));
    return done;
  })().finally(() => running.delete(sceneId));
  running.set(sceneId, job);
  return job;
}

/** Local path of the scene's fidelity render PNG `file`; throws `not_found` unless it is one. */
export function fidelityPng(sceneId: string, file: string): string {
  const store = getStore();
  store.getScene(sceneId);
  if (!/^fidelity-[a-z0-9]+-[0-9a-f]{6}\.png$/.test(file)) throw new AppError("not_found", "No such render.");
  const p = store.artifacts.localPath(sceneId, ArtifactKeys.renderFile(file));
  if (!p) throw new AppError("not_found", "No such render.");
  return p;
}
