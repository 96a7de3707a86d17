/**
 * Appearance from the picture with real Blender and SQLite, on the Code-as-Room example image
 * (../shared/inputs/images, Apache-2.0, see ../shared/inputs/SOURCES.md): the exported scene GLB carries the
 * picture's floor as an image texture on the room's floor (also in the preview's room GLB; packed in the .blend;
 * written beside scene.py when it runs), a rug's pattern from its box on the rug, and each picture-coloured
 * object's colour on its built parts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import type { Scene } from "../../lib/scene/schema";
import { sharedInputsDir } from "../../test/support/env";
import { readGlbMaterials } from "../../blender-runner/client/glb";

// Server modules read ROOMCODE_DATA_DIR once, so it is set before they are imported below.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-appearance-"));
process.env.ROOMCODE_DATA_DIR = dataDir;
process.env.ROOMCODE_REVIEW_IMAGES = "never";
const { callRoute } = await import("../../test/support/routes");
const pipeline = await import("../pipeline");
const { getRunner } = await import("../runner");
const { getStore } = await import("../store");

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** sRGB hex -> linear RGB (IEC 61966-2-1 transfer function), as glTF's baseColorFactor stores it. */
function linear(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}

/** The PNG/JPEG bytes of the base colour texture of the GLB's first material whose name matches `name`, or null (glTF 2.0 binary layout: header, JSON chunk, BIN chunk). */
function materialTexture(glb: Buffer, name: RegExp): Buffer | null {
  const jsonLen = glb.readUInt32LE(12);
  const json = JSON.parse(glb.subarray(20, 20 + jsonLen).toString("utf8")) as {
    materials?: { name?: string; pbrMetallicRoughness?: { baseColorTexture?: { index: number } } }[];
    textures?: { source: number }[];
    images?: { bufferView: number }[];
    bufferViews: { byteOffset?: number; byteLength: number }[];
  };
  const binStart = 20 + jsonLen + 8;
  const mat = json.materials?.find((m) => name.test(m.name ?? "") && m.pbrMetallicRoughness?.baseColorTexture);
  if (!mat) return null;
  const img = json.images![json.textures![mat.pbrMetallicRoughness!.baseColorTexture!.index].source];
  const view = json.bufferViews[img.bufferView];
  return glb.subarray(binStart + (view.byteOffset ?? 0), binStart + (view.byteOffset ?? 0) + view.byteLength);
}

const near = (a: readonly number[], b: readonly number[], tol: number) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= tol);

describe("appearance from the picture", () => {
  it("example1: the exported GLB has the picture's floor texture and the objects' region colours", { timeout: 900_000 }, async () => {
    const file = "code-as-room-example1.png";
    const imagePath = path.join(sharedInputsDir(), "images", file);
    const form = new FormData();
    form.set("image", new File([new Uint8Array(fs.readFileSync(imagePath))], file, { type: "image/png" }));
    const created = await callRoute("POST", "/api/scenes", { body: form });
    expect(created.status).toBe(202);
    const { scene } = (await created.json()) as { scene: Scene };
    const done = await pipeline.waitForScene(scene.id, 600_000);
    expect(done.status, done.error ?? "").toBe("completed");
    const spec = done.structure!;
    const floor = spec.appearance?.floor;
    expect(floor).toBeTruthy();

    // The picture's floor, read independently: the median colour of the room box's pixels outside every footprint.
    const { data, info } = await sharp(imagePath).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const f = spec.imageFrame!;
    const x0 = Math.round(f.originPx[0] - spec.roomSize.w / 2 / f.metersPerPx[0]);
    const x1 = Math.round(f.originPx[0] + spec.roomSize.w / 2 / f.metersPerPx[0]);
    const y0 = Math.round(f.originPx[1] - spec.roomSize.d / 2 / f.metersPerPx[1]);
    const y1 = Math.round(f.originPx[1] + spec.roomSize.d / 2 / f.metersPerPx[1]);
    const chans: number[][] = [[], [], []];
    for (let y = Math.max(0, y0); y < Math.min(info.height, y1); y += 3) {
      for (let x = Math.max(0, x0); x < Math.min(info.width, x1); x += 3) {
        if (spec.footprints.some((fp) => x >= fp.boxPx.x && x < fp.boxPx.x + fp.boxPx.w && y >= fp.boxPx.y && y < fp.boxPx.y + fp.boxPx.h)) continue;
        for (let c = 0; c < 3; c++) chans[c].push(data[(y * info.width + x) * 3 + c]);
      }
    }
    const median = chans.map((c) => c.sort((a, b) => a - b)[c.length >> 1]);
    const picked = [1, 3, 5].map((i) => parseInt(floor!.color.slice(i, i + 2), 16));
    expect(Math.max(...picked.map((v, i) => Math.abs(v - median[i]))), `floor ${floor!.color} vs median ${median}`).toBeLessThanOrEqual(40);

    const res = await callRoute("GET", `/api/scenes/${scene.id}/export.glb`);
    expect(res.status).toBe(200);
    const glbPath = path.join(dataDir, "scene.glb");
    fs.writeFileSync(glbPath, Buffer.from(await res.arrayBuffer()));
    const materials = await readGlbMaterials(glbPath);
    // The floor carries the picture's floor as an image texture: its mean colour is the picture floor's.
    for (const glb of [fs.readFileSync(glbPath), Buffer.from(await (await callRoute("GET", `/api/scenes/${scene.id}/room.glb`)).arrayBuffer())]) {
      const tex = materialTexture(glb, /^floor/i);
      expect(tex, "floor material with a baseColorTexture").not.toBeNull();
      const { channels } = await sharp(tex!).stats();
      const mean = channels.slice(0, 3).map((c) => c.mean);
      expect(Math.max(...mean.map((v, i) => Math.abs(v - median[i]))), `texture mean ${mean} vs floor median ${median}`).toBeLessThanOrEqual(40);
    }

    // A rug from the picture carries its box's pattern, in its own GLB (the preview) and in the scene's.
    const rug = done.objects.find((o) => o.category === "rug" && o.build.status === "built");
    expect(rug, "a rug built from the picture").toBeDefined();
    const box = spec.footprints.find((fp) => fp.id === spec.objects.find((o) => o.id === rug!.id)?.footprintId)!.boxPx;
    const { channels: boxStats } = await sharp(imagePath).removeAlpha().extract({ left: Math.round(box.x + 0.1 * box.w), top: Math.round(box.y + 0.1 * box.h), width: Math.round(0.8 * box.w), height: Math.round(0.8 * box.h) }).stats();
    const boxMean = boxStats.slice(0, 3).map((c) => c.mean);
    for (const glb of [fs.readFileSync(glbPath), Buffer.from(await (await callRoute("GET", `/api/scenes/${scene.id}/objects/${rug!.id}/model.glb`)).arrayBuffer())]) {
      const tex = materialTexture(glb, /^field/i);
      expect(tex, "rug field material with a baseColorTexture").not.toBeNull();
      const { channels } = await sharp(tex!).stats();
      const mean = channels.slice(0, 3).map((c) => c.mean);
      expect(Math.max(...mean.map((v, i) => Math.abs(v - boxMean[i]))), `rug texture mean ${mean} vs picture box ${boxMean}`).toBeLessThanOrEqual(20);
    }

    // The .blend carries the floor image packed (read back by Blender itself).
    const blend = await callRoute("GET", `/api/scenes/${scene.id}/export.blend`);
    expect(blend.status).toBe(200);
    const blendPath = path.join(dataDir, "scene.blend");
    fs.writeFileSync(blendPath, Buffer.from(await blend.arrayBuffer()));
    const probe = spawnSync(process.env.BLENDER_PATH || "blender", ["-b", "--factory-startup", blendPath, "--python-expr", "import bpy; print('PACKED=' + ','.join(sorted(i.name for i in bpy.data.images if i.packed_file)))"], { encoding: "utf8", timeout: 120_000 });
    const packed = /PACKED=(.*)/.exec(probe.stdout)?.[1] ?? "";
    expect(packed.split(","), probe.stderr.slice(-500)).toContain("floor_texture");
    expect(packed.split(","), probe.stderr.slice(-500)).toContain("field_texture");

    // scene.py carries the texture too: run in Blender, it writes the PNG beside itself and textures the floor with it.
    const py = await callRoute("GET", `/api/scenes/${scene.id}/export.py`);
    expect(py.status).toBe(200);
    const pyDir = fs.mkdtempSync(path.join(dataDir, "py-"));
    fs.writeFileSync(path.join(pyDir, "scene.py"), await py.text());
    const run = spawnSync(process.env.BLENDER_PATH || "blender", ["-b", "--factory-startup", "--python", path.join(pyDir, "scene.py"), "--python-expr", "import bpy; m = [m for m in bpy.data.materials if m.name.startswith('floor') and m.use_nodes and any(n.type == 'TEX_IMAGE' and n.image for n in m.node_tree.nodes)]; print('FLOORTEX=%d' % len(m))"], { encoding: "utf8", timeout: 300_000 });
    expect(/FLOORTEX=(\d+)/.exec(run.stdout), run.stderr.slice(-800)).not.toBeNull();
    expect(/FLOORTEX=(\d+)/.exec(run.stdout)?.[1], run.stderr.slice(-800)).not.toBe("0");
    expect(fs.existsSync(path.join(pyDir, "floor_texture.png"))).toBe(true);
    expect(fs.existsSync(path.join(pyDir, `${rug!.id}_texture.png`))).toBe(true);

    // Objects coloured from their regions show that colour on a built part (rugs show their pattern instead).
    const coloured = done.objects.filter((o) => o.build.status === "built" && o.category !== "rug" && o.attributes.color && typeof o.program?.params.color === "string");
    expect(coloured.length).toBeGreaterThan(2);
    for (const o of coloured) {
      expect(o.program!.params.color).toBe(o.attributes.color!.toLowerCase());
      expect(materials.some((m) => near(m.baseColor, linear(o.attributes.color!), 0.01)), `${o.id} ${o.attributes.color}`).toBe(true);
    }
    console.log(`appearance ${file}: floor ${floor!.color} (median ${median}), roughness ${floor!.roughness}, walls ${spec.appearance?.wall?.color}; objects`, coloured.map((o) => `${o.id}=${o.attributes.color}/${o.attributes.secondaryColor ?? "-"}`).join(" "));
  });
});
