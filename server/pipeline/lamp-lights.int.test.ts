/**
 * A lamp's light belongs to the lamp: after the lamp is moved and turned through the PATCH route, the exported
 * .blend (opened in real Blender), the exported .glb (node tree) and scene.py put the light in the lamp.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene, SceneObject } from "@/lib/scene/schema";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir();
process.env.ROOMCODE_WORKERS = "1";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

/** World transforms read back from a .blend by Blender itself (never from the data that wrote it). */
function readBlend(file: string, how: "open" | "run" = "open"): { objects: Record<string, { loc: number[]; parent: string | null; type: string }> } {
  const script = [
    "import bpy, json",
    how === "open" ? `bpy.ops.wm.open_mainfile(filepath=${JSON.stringify(file)})` : "bpy.context.view_layer.update()",
    "out = {o.name: {'loc': list(o.matrix_world.translation), 'parent': o.parent.name if o.parent else None, 'type': o.type} for o in bpy.data.objects}",
    "print('ROOMCODE_JSON' + json.dumps({'objects': out}))",
  ].join("\n");
  const pre = how === "run" ? ["--python", file] : [];
  const r = spawnSync(process.env.BLENDER_PATH ?? "blender", ["-b", "--factory-startup", "-noaudio", ...pre, "--python-expr", script], { encoding: "utf8", timeout: 300_000 });
  const line = r.stdout.split("\n").find((l) => l.startsWith("ROOMCODE_JSON"));
  if (!line) throw new Error(`blender could not read ${file}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice("ROOMCODE_JSON".length));
}

/** The JSON chunk of a GLB (glTF 2.0 spec section 4.4: 12-byte header, then chunk length, type, data). */
function glbJson(buf: Buffer): { nodes: { name?: string; children?: number[]; extensions?: Record<string, unknown> }[] } {
  const len = buf.readUInt32LE(12);
  return JSON.parse(buf.subarray(20, 20 + len).toString("utf8"));
}

let scene: Scene;
let lamp: SceneObject;
const moved = { x: 0, y: 0, z: 0, yawDeg: 0 };

beforeAll(async () => {
  await getRunner().ready!(120_000);
  const res = await callRoute("POST", "/api/scenes", { json: { prompt: "A living room with a sofa, a coffee table and a floor lamp." } });
  expect(res.status).toBe(202);
  const created = ((await res.json()) as { scene: Scene }).scene;
  scene = await pipeline.waitForScene(created.id, 170_000);
  lamp = scene.objects.find((o) => o.category === "floor_lamp")!;
  expect(lamp).toBeTruthy();
  // Move the lamp a third of the way to the room's centre and turn it a quarter.
  Object.assign(moved, { x: lamp.placement.x * 0.67, y: lamp.placement.y * 0.67, z: lamp.placement.z, yawDeg: lamp.placement.yawDeg + 90 });
  const patch = await callRoute("PATCH", `/api/scenes/${scene.id}/objects/${lamp.id}`, { json: { placement: moved } });
  expect(patch.status).toBe(200);
  const after = ((await patch.json()) as { object: SceneObject }).object;
  Object.assign(moved, after.placement);
}, 400_000);

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("lights that belong to their lamp", () => {
  it("stores the lamp's light in the lamp's frame", () => {
    const own = scene.decor?.lights.filter((l) => l.objectId === lamp.id) ?? [];
    expect(own).toHaveLength(1);
    expect(own[0].local).toBeDefined();
  });

  /** Light of the lamp as Blender has it: one LIGHT object, the lamp's child, in the moved lamp. */
  function expectLightInLamp(objects: Record<string, { loc: number[]; parent: string | null; type: string }>) {
    const root = objects[lamp.id];
    expect(root).toBeDefined();
    expect(root.loc[0]).toBeCloseTo(moved.x, 4);
    expect(root.loc[1]).toBeCloseTo(moved.y, 4);
    const lights = Object.entries(objects).filter(([, o]) => o.type === "LIGHT" && o.parent === lamp.id);
    expect(lights).toHaveLength(1);
    const [, light] = lights[0];
    // Inside the lamp: over its footprint centre (the bulb is on the lamp's axis), between its foot and its top.
    expect(Math.hypot(light.loc[0] - moved.x, light.loc[1] - moved.y)).toBeLessThan(0.05);
    expect(light.loc[2]).toBeGreaterThan(moved.z + 0.3);
    expect(light.loc[2]).toBeLessThan(moved.z + lamp.targetSize.h + 0.05);
    // Far from where the lamp stood before the move.
    expect(Math.hypot(light.loc[0] - lamp.placement.x, light.loc[1] - lamp.placement.y)).toBeGreaterThan(0.2);
  }

  it("puts the light in the moved lamp in the exported .blend, as the lamp's child", async () => {
    const res = await callRoute("GET", `/api/scenes/${scene.id}/export.blend`);
    expect(res.status).toBe(200);
    const file = path.join(dataDir, "lamp-check.blend");
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    expectLightInLamp(readBlend(file).objects);
  });

  it("nests the light under the lamp's node in the exported .glb", async () => {
    const res = await callRoute("GET", `/api/scenes/${scene.id}/export.glb`);
    expect(res.status).toBe(200);
    const gltf = glbJson(Buffer.from(await res.arrayBuffer()));
    const lampNode = gltf.nodes.find((n) => n.name === lamp.id);
    expect(lampNode).toBeDefined();
    const children = (lampNode!.children ?? []).map((i) => gltf.nodes[i]);
    expect(children.some((n) => n.extensions && "KHR_lights_punctual" in n.extensions)).toBe(true);
  });

  it("parents the light to the lamp when scene.py runs in Blender", async () => {
    const res = await callRoute("GET", `/api/scenes/${scene.id}/export.py`);
    expect(res.status).toBe(200);
    const file = path.join(dataDir, "lamp-check.py");
    fs.writeFileSync(file, await res.text());
    expectLightInLamp(readBlend(file, "run").objects);
  });
});
