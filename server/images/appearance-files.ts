import "server-only";
/**
 * The picture's textures stored with the scene's files (`<scene>/floor-texture-<key>.png`, key from the picture's
 * structure) and handed to the Blender jobs that build the room: the room build (preview GLB), assembly (.glb,
 * .blend with the image packed) and renders. The image stack (sharp) is loaded only to make a missing tile.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import type { MaterialTexture } from "../../blender-runner/client/types";
import type { Scene } from "../../lib/scene/schema";
import { getStore } from "../store";

function tileFile(scene: Scene): { file: string; meta: string } | null {
  const spec = scene.structure;
  if (scene.source.kind !== "image" || !spec?.appearance?.floor) return null;
  const key = crypto
    .createHash("sha1")
    .update(JSON.stringify([scene.source.imageFile, spec.imageFrame, spec.roomSize, spec.footprints.map((f) => f.boxPx)]))
    .digest("hex")
    .slice(0, 12);
  const file = getStore().files.sceneFile(scene.id, `floor-texture-${key}.png`);
  return { file, meta: `${file}.json` };
}

function read(scene: Scene, t: { file: string; meta: string }): MaterialTexture[] {
  const { tileM } = JSON.parse(fs.readFileSync(t.meta, "utf8")) as { tileM: number };
  return [{ material: "floor", png: fs.readFileSync(t.file).toString("base64"), tileM, roughness: scene.structure?.appearance?.floor?.roughness ?? undefined }];
}

/** The room's textures already stored for the scene (none for prompt scenes, or before the room was built). */
export function storedRoomTextures(scene: Scene): MaterialTexture[] {
  const t = tileFile(scene);
  if (!t || !fs.existsSync(t.file) || !fs.existsSync(t.meta)) return [];
  try {
    return read(scene, t);
  } catch {
    return [];
  }
}

/** The room's textures, making and storing the floor tile from the picture first when missing; [] when the picture gives none. Throws sharp's error for an unreadable picture. */
export async function roomTextures(scene: Scene): Promise<MaterialTexture[]> {
  const t = tileFile(scene);
  if (!t || scene.source.kind !== "image") return [];
  if (!fs.existsSync(t.file) || !fs.existsSync(t.meta)) {
    const { floorTile } = await import("./appearance");
    const tile = await floorTile(getStore().files.sceneFile(scene.id, scene.source.imageFile), scene.structure!);
    if (!tile) return [];
    fs.writeFileSync(`${t.file}.tmp`, tile.png);
    fs.renameSync(`${t.file}.tmp`, t.file);
    fs.writeFileSync(t.meta, JSON.stringify({ tileM: tile.tileM }));
  }
  return read(scene, t);
}
