import "server-only";
/**
 * Simulator exports of a scene: URDF per object (and a zip of all), one MJCF of the whole scene, and USD.
 * One `export_sim` runner job per scene state builds every object in Blender and writes per-object OBJs (visual
 * parts and Blender-made convex hulls), mass properties and validated joints; the XML is written here from that.
 * Everything is cached under `exports/sim-<key>/` by the same hash as the GLB/.blend exports (server/pipeline/assemble.ts).
 */
import { zipSync, strToU8 } from "fflate";
import type { ExportSimOutput } from "../../blender-runner/client/types";
import { AppError } from "../../lib/errors";
import type { Scene } from "../../lib/scene/schema";
import { sceneMjcf, sceneMeshFile, type MjcfObject } from "../../lib/sim/mjcf";
import { splitObj } from "../../lib/sim/obj";
import { objectUrdf, partMeshFile, type SimObjectInput } from "../../lib/sim/urdf";
import { safeName } from "../../lib/sim/xml";
import { assembleInput, assembleKey } from "../pipeline/assemble";
import { getRunner } from "../runner";
import { ArtifactKeys, getStore, keepScratch } from "../store";

/** Export kinds served as `GET /api/scenes/:id/export.<kind>`. */
export type SimExportKind = "urdf" | "mjcf" | "usd";

/** Routes whose objects are free bodies in the MJCF (they rest on something and can be pushed). */
export const FREE_ROUTES: readonly string[] = ["simple_manipuland", "structured_manipuland"];

interface Prepared {
  /** Key prefix of this scene state's export: `exports/sim-<hash>`. */
  base: string;
  result: ExportSimOutput;
  /** Artifact key of each object's OBJ. */
  objKeys: Record<string, string>;
  usdKey: string;
}

const inflight = new Map<string, Promise<Prepared>>();

async function prepare(scene: Scene): Promise<Prepared> {
  const store = getStore();
  const key = assembleKey(scene);
  const base = ArtifactKeys.exportFile(`sim-${key}`);
  const input = assembleInput(scene);
  const ids = [...(input.roomSource ? ["room"] : []), ...input.objects.filter((o) => !o.hidden).map((o) => o.objectId)];
  const objKeys = Object.fromEntries(ids.map((id) => [id, `${base}/raw/${safeName(id)}.obj`]));
  const usdKey = `${base}/scene.usd`;
  const stored = store.artifacts.get(scene.id, `${base}/result.json`);
  if (stored) return { base, result: JSON.parse(stored.toString("utf8")) as ExportSimOutput, objKeys, usdKey };
  const flight = `${scene.id}:${key}`;
  let p = inflight.get(flight);
  if (!p) {
    p = (async () => {
      const outObj = Object.fromEntries(Object.entries(objKeys).map(([id, k]) => [id, store.artifacts.scratchPath(scene.id, k)]));
      const outUsd = store.artifacts.scratchPath(scene.id, usdKey);
      const res = await getRunner().exportSim({ ...input, scope: scene.id, outObj, outUsd });
      for (const [id, file] of Object.entries(outObj)) keepScratch(store.artifacts, scene.id, objKeys[id], file, res.ok);
      keepScratch(store.artifacts, scene.id, usdKey, outUsd, res.ok);
      if (!res.ok) {
        throw new AppError("build_failed", `pipeline: the simulation export failed: ${res.error.message}`, { type: res.error.type, traceback: res.error.traceback });
      }
      store.artifacts.put(scene.id, `${base}/result.json`, JSON.stringify(res.value));
      return { base, result: res.value, objKeys, usdKey };
    })().finally(() => inflight.delete(flight));
    inflight.set(flight, p);
  }
  return p;
}

function meshesOf(sceneId: string, prep: Prepared, objectId: string): Map<string, string> {
  const k = prep.objKeys[objectId];
  const bytes = k ? getStore().artifacts.get(sceneId, k) : null;
  return bytes ? splitObj(bytes.toString("utf8")) : new Map();
}

function urdfEntries(sceneId: string, prep: Prepared, o: SimObjectInput, prefix: string): Record<string, Uint8Array> {
  const meshes = meshesOf(sceneId, prep, o.objectId);
  const files: Record<string, Uint8Array> = { [`${prefix}${safeName(o.objectId)}.urdf`]: strToU8(objectUrdf(o)) };
  for (const p of o.parts) {
    for (const hull of [false, true]) {
      const text = meshes.get(hull ? `${p.name}__hull` : p.name);
      if (text) files[`${prefix}${partMeshFile(p.name, hull)}`] = strToU8(text);
    }
  }
  return files;
}

/** Local path of the artifact `key`, made and stored first when missing. */
function writeOnce(sceneId: string, key: string, make: () => Uint8Array): string {
  const store = getStore();
  if (!store.artifacts.has(sceneId, key)) store.artifacts.put(sceneId, key, make());
  return store.localFile(sceneId, key, "export");
}

/** The MJCF scene (`scene.xml`) and its hull meshes, as zip entries. */
function mjcfEntries(scene: Scene, prep: Prepared): Record<string, Uint8Array> {
  const byId = new Map(scene.objects.map((o) => [o.id, o]));
  const room = prep.result.objects.find((o) => o.objectId === "room") ?? null;
  const objects: MjcfObject[] = [];
  for (const o of prep.result.objects) {
    const so = byId.get(o.objectId);
    if (!so) continue;
    objects.push({ ...o, placement: so.placement, free: FREE_ROUTES.includes(so.route) });
  }
  const files: Record<string, Uint8Array> = { "scene.xml": strToU8(sceneMjcf(room, objects, safeName(scene.title || scene.id))) };
  for (const o of prep.result.objects) {
    const meshes = meshesOf(scene.id, prep, o.objectId);
    for (const p of o.parts) {
      const text = meshes.get(`${p.name}__hull`);
      if (text) files[`meshes/${sceneMeshFile(o.objectId, p.name)}`] = strToU8(text);
    }
  }
  return files;
}

/**
 * Local path of a simulator export of the scene: `urdf` a zip of every object's URDF with its meshes (or one object's
 * with `objectId`), `mjcf` a zip of `scene.xml` and meshes, `usd` the scene's `.usd`. Throws AppError `conflict`
 * while the scene has no room, `not_found` for an unknown object, `build_failed` when the runner job fails.
 */
export async function exportSim(sceneId: string, kind: SimExportKind, objectId?: string): Promise<string> {
  const scene = getStore().getScene(sceneId);
  if (!scene.room) throw new AppError("conflict", "The scene has no room yet; wait for the layout stage.", { status: scene.status });
  if (objectId !== undefined && objectId !== "room" && !scene.objects.some((o) => o.id === objectId)) {
    throw new AppError("not_found", `No object ${objectId} in this scene.`, { objectId });
  }
  const prep = await prepare(scene);
  if (kind === "usd") {
    const usd = getStore().artifacts.localPath(sceneId, prep.usdKey);
    if (!usd) throw new AppError("build_failed", "pipeline: Blender wrote no USD file");
    return usd;
  }
  if (kind === "mjcf") return writeOnce(sceneId, `${prep.base}/mjcf.zip`, () => zipSync(mjcfEntries(scene, prep)));
  const objects = prep.result.objects.filter((o) => objectId === undefined || o.objectId === objectId);
  if (objectId !== undefined && objects.length === 0) throw new AppError("build_failed", `pipeline: ${objectId} did not build for export`);
  const name = objectId === undefined ? "urdf.zip" : `urdf-${safeName(objectId)}.zip`;
  return writeOnce(sceneId, `${prep.base}/${name}`, () => {
    const files: Record<string, Uint8Array> = {};
    for (const o of objects) Object.assign(files, urdfEntries(sceneId, prep, o, objectId === undefined ? `${safeName(o.objectId)}/` : ""));
    return zipSync(files);
  });
}

/** Objects left out of the last simulator export of the scene state (their programs failed in the export job). */
export function simExportFailures(sceneId: string): { objectId: string; message: string }[] {
  const scene = getStore().getScene(sceneId);
  const stored = getStore().artifacts.get(sceneId, ArtifactKeys.exportFile(`sim-${assembleKey(scene)}/result.json`));
  if (!stored) return [];
  const r = JSON.parse(stored.toString("utf8")) as ExportSimOutput;
  return r.failed.map((f) => ({ objectId: f.objectId, message: f.error.message }));
}
