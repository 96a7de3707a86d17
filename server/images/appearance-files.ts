import "server-only";
/**
 * The picture's textures stored with the scene's artifacts (`floor-texture-<key>.png` with its `.json`, `rug-texture-
 * <footprint>-<key>.png`, keys from the picture's structure) and handed to the Blender jobs that build the room
 * and the rugs: builds (preview GLBs), assembly (.glb, .blend with the images packed) and renders. The image stack
 * (sharp) is loaded only to make a missing file.
 */
import crypto from "node:crypto";
import type { MaterialTexture } from "../../blender-runner/client/types";
import { FOOTPRINT_TAG_PREFIX } from "../../lib/fidelity/footprint-iou";
import type { Footprint, Scene } from "../../lib/scene/schema";
import { familyOf } from "../../lib/vocab";
import { ArtifactKeys, getStore } from "../store";

function tileFile(scene: Scene): { file: string; meta: string } | null {
  const spec = scene.structure;
  if (scene.source.kind !== "image" || !spec?.appearance?.floor) return null;
  const key = crypto
    .createHash("sha1")
    .update(JSON.stringify([scene.source.imageFile, spec.imageFrame, spec.roomSize, spec.footprints.map((f) => f.boxPx)]))
    .digest("hex")
    .slice(0, 12);
  const file = ArtifactKeys.sceneFile(`floor-texture-${key}.png`);
  return { file, meta: `${file}.json` };
}

function read(scene: Scene, png: Buffer, meta: Buffer): MaterialTexture[] {
  const { tileM } = JSON.parse(meta.toString("utf8")) as { tileM: number };
  return [{ material: "floor", png: png.toString("base64"), tileM, roughness: scene.structure?.appearance?.floor?.roughness ?? undefined }];
}

/** The stored floor tile and its metadata, or null when either is missing. */
function storedTile(sceneId: string, t: { file: string; meta: string }): { png: Buffer; meta: Buffer } | null {
  const a = getStore().artifacts;
  const png = a.get(sceneId, t.file);
  const meta = png && a.get(sceneId, t.meta);
  return png && meta ? { png, meta } : null;
}

function imagePath(sceneId: string, imageFile: string): string {
  return getStore().localFile(sceneId, ArtifactKeys.sceneFile(imageFile), "image");
}

/** The room's textures already stored for the scene (none for prompt scenes, or before the room was built). */
export function storedRoomTextures(scene: Scene): MaterialTexture[] {
  const t = tileFile(scene);
  const got = t && storedTile(scene.id, t);
  if (!got) return [];
  try {
    return read(scene, got.png, got.meta);
  } catch {
    return [];
  }
}

/** The room's textures, making and storing the floor tile from the picture first when missing; [] when the picture gives none. Throws sharp's error for an unreadable picture. */
export async function roomTextures(scene: Scene): Promise<MaterialTexture[]> {
  const t = tileFile(scene);
  if (!t || scene.source.kind !== "image") return [];
  const got = storedTile(scene.id, t);
  if (got) return read(scene, got.png, got.meta);
  const { floorTile } = await import("./appearance");
  const tile = await floorTile(imagePath(scene.id, scene.source.imageFile), scene.structure!);
  if (!tile) return [];
  const meta = Buffer.from(JSON.stringify({ tileM: tile.tileM }));
  getStore().artifacts.put(scene.id, t.file, tile.png);
  getStore().artifacts.put(scene.id, t.meta, meta);
  return read(scene, tile.png, meta);
}

/** Material of the rug programs' woven field (server/engines/offline/programs/families/rug.py). */
export const RUG_FIELD_MATERIAL = "field";

function rugFile(scene: Scene, objectId: string): { file: string; fp: Footprint } | null {
  const spec = scene.structure;
  const obj = scene.objects.find((o) => o.id === objectId);
  if (scene.source.kind !== "image" || !spec || !obj || familyOf(obj.category) !== "rug") return null;
  const tagged = obj.attributes.tags.find((t) => t.startsWith(FOOTPRINT_TAG_PREFIX))?.slice(FOOTPRINT_TAG_PREFIX.length);
  const fpId = tagged ?? spec.objects.find((o) => o.id === objectId)?.footprintId;
  const fp = fpId ? spec.footprints.find((f) => f.id === fpId) : undefined;
  if (!fp) return null;
  const key = crypto.createHash("sha1").update(JSON.stringify([scene.source.imageFile, fp.boxPx])).digest("hex").slice(0, 12);
  return { file: ArtifactKeys.sceneFile(`rug-texture-${fp.id.replace(/[^a-z0-9-]/gi, "")}-${key}.png`), fp };
}

function rugTexture(png: Buffer): MaterialTexture[] {
  return [{ material: RUG_FIELD_MATERIAL, png: png.toString("base64"), tileM: 1, fit: true }];
}

/** An object's stored textures: a rug made from a picture box gets that box's pattern (none for other objects). */
export function storedObjectTextures(scene: Scene, objectId: string): MaterialTexture[] {
  const r = rugFile(scene, objectId);
  const png = r && getStore().artifacts.get(scene.id, r.file);
  if (!png) return [];
  try {
    return rugTexture(png);
  } catch {
    return [];
  }
}

/** An object's textures, cutting and storing the rug's pattern from the picture first when missing. Throws sharp's error for an unreadable picture. */
export async function objectTextures(scene: Scene, objectId: string): Promise<MaterialTexture[]> {
  const r = rugFile(scene, objectId);
  if (!r || scene.source.kind !== "image") return [];
  const stored = getStore().artifacts.get(scene.id, r.file);
  if (stored) return rugTexture(stored);
  const { regionTexture } = await import("./appearance");
  const png = await regionTexture(imagePath(scene.id, scene.source.imageFile), r.fp.boxPx);
  getStore().artifacts.put(scene.id, r.file, png);
  return rugTexture(png);
}
