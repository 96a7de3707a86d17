/**
 * Runner features against real Blender: object contract (GLB, extras, stats), version tolerance
 * (Principled BSDF socket names, context operators), error lines, room and scene assembly, and the
 * scene.py export rebuilt by a separate Blender compared with assemble_scene.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner } from "../client";
import { readGlbMaterials, readGlbNodes, validateGlb } from "../client/glb";
import { buildScenePy } from "../client/scene-py";
import type { AssembleObject, Runner } from "../client/types";
import { CUBE_PROGRAM, TEN_PART_PROGRAM } from "./programs";

let runner: Runner;
let out: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "roomcode-features-"));
  runner = createRunner({ workers: 1 });
  expect(await runner.ready!(120_000)).toBe(true);
});

afterAll(async () => {
  await runner?.close();
  rmSync(out, { recursive: true, force: true });
});

const ROOM_PROGRAM = `"""Room shell: floor and four walls."""
import bpy

PARAMS = {"width": 4.0, "depth": 3.0, "height": 2.5, "thickness": 0.1}


def build(p):
    w, d, h, t = p["width"], p["depth"], p["height"], p["thickness"]
    parts = []
    bpy.ops.mesh.primitive_plane_add(size=1, location=(0, 0, 0))
    floor = bpy.context.object
    floor.name = "floor"
    floor.scale = (w, d, 1)
    parts.append(floor)
    for name, size, loc in [("wall_0", (w, t, h), (0, -d / 2 - t / 2, h / 2)), ("wall_1", (t, d, h), (w / 2 + t / 2, 0, h / 2)),
                            ("wall_2", (w, t, h), (0, d / 2 + t / 2, h / 2)), ("wall_3", (t, d, h), (-w / 2 - t / 2, 0, h / 2))]:
        bpy.ops.mesh.primitive_cube_add(size=1, location=loc)
        wall = bpy.context.object
        wall.name = name
        wall.scale = size
        parts.append(wall)
    return parts
`;

describe("build_object", () => {
  it("builds a 10-part object: valid GLB, id empty with extras, stats in meters", async () => {
    const file = path.join(out, "desk.glb");
    const res = await runner.buildObject({ objectId: "desk-1", source: TEN_PART_PROGRAM, outGlb: file, overrides: { width: 1.5 } });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    const s = res.value.stats;
    expect(s.parts).toHaveLength(10);
    expect(s.size).toMatchObject({ w: expect.closeTo(1.5, 5), d: expect.closeTo(0.6, 5), h: expect.closeTo(0.75, 5) });
    expect(s.bbox.min[2]).toBeCloseTo(0, 5);
    expect(s.vertices).toBe(80);
    expect(s.triangles).toBe(120);
    expect(s.materials).toBe(2);
    expect(s.nonManifoldEdges).toBe(0);
    expect(s.timings.export).toBeGreaterThan(0);
    const v = await validateGlb(file);
    expect(v).toMatchObject({ valid: true, errors: 0 });
    const nodes = await readGlbNodes(file);
    const root = nodes.find((n) => n.name === "desk-1");
    expect(root?.extras).toMatchObject({ roomcode_id: "desk-1" });
    expect((root?.extras?.parts as string[]).sort()).toEqual([...s.parts].sort());
    expect(root?.children).toHaveLength(10);
  });

  it("reports a runtime error with the line in the object program and the captured prints", async () => {
    const src = `import bpy\nPARAMS = {"n": 2}\n\n\ndef build(p):\n    print("about to fail")\n    return p["missing"]\n`;
    const res = await runner.buildObject({ objectId: "lamp-2", source: src, outGlb: path.join(out, "e.glb") });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ type: "KeyError", line: 7 });
    expect(res.error.traceback).toContain('File "<object:lamp-2>", line 7, in build');
    expect(res.prints).toContain("about to fail");
  });

  it("reports a syntax error with its line", async () => {
    const res = await runner.buildObject({ objectId: "box-1", source: "import bpy\n\nx = (1,\ny = 2 3\n", outGlb: path.join(out, "s.glb") });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.type).toBe("SyntaxError");
      expect(res.error.line).toBeGreaterThanOrEqual(3);
    }
  });

  it("maps Blender 4.x Principled BSDF socket names on this Blender (and 3.x names)", async () => {
    const src = `import bpy

def build(p):
    mat = bpy.data.materials.new("lacquer")
    mat.use_nodes = True
    bsdf = mat.node_tree.nodes["Principled BSDF"]
    bsdf.inputs["Base Color"].default_value = (0.2, 0.4, 0.6, 1.0)
    for name in ("Emission Color", "Emission"):
        bsdf.inputs[name].default_value = (0.0, 0.0, 0.0, 1.0)
    for name in ("Specular IOR Level", "Specular", "Subsurface Weight", "Subsurface", "Coat Weight", "Clearcoat",
                 "Transmission Weight", "Transmission", "Sheen Weight", "Sheen"):
        bsdf.inputs[name].default_value = 0.1
    print("coat", round(bsdf.inputs["Coat Weight"].default_value, 3))
    bpy.ops.mesh.primitive_cube_add(size=1)
    bpy.context.object.data.materials.append(mat)
`;
    const file = path.join(out, "sock.glb");
    const res = await runner.buildObject({ objectId: "cabinet-1", source: src, outGlb: file });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(res.prints).toContain("coat 0.1");
    const mats = await readGlbMaterials(file);
    expect(mats[0]?.name).toBe("lacquer");
    expect(mats[0]?.baseColor[2]).toBeCloseTo(0.6, 3);
  });

  it("runs context operators (bpy.ops.transform.resize) in background mode", async () => {
    const src = `bpy.ops.mesh.primitive_cube_add(size=1)\nbpy.ops.transform.resize(value=(2.0, 1.0, 0.5))\nbpy.ops.object.transform_apply(scale=True)\nbpy.context.object.location.z = math.pi - math.pi\n`;
    const res = await runner.buildObject({ objectId: "box-2", source: src, outGlb: path.join(out, "ctx.glb"), wholeScript: true });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (res.ok) expect(res.value.stats.size).toMatchObject({ w: expect.closeTo(2, 4), d: expect.closeTo(1, 4), h: expect.closeTo(0.5, 4) });
  });

  it("bpy.ops primitives see what the program set just before, in object and in edit mode", async () => {
    // The worker skips bpy.ops' view-layer update before an object-mode primitive add (it reads no
    // evaluated state); in edit mode the new geometry is placed with the edit object's matrix, which
    // must reflect the location set just before the call (x = 5, not the stale 2).
    const src = [
      "bpy.ops.mesh.primitive_cube_add(size=1, location=(0, 0, 0))",
      "a = bpy.context.object",
      "a.location = (2.0, 0.0, 0.0)",
      "a.scale = (1.0, 1.0, 2.0)",
      "bpy.ops.mesh.primitive_cube_add(size=1, location=(0.0, 3.0, 0.0))",
      "b = bpy.context.object",
      "print('a', [round(v, 4) for v in a.matrix_world.translation], 'b', [round(v, 4) for v in b.matrix_world.translation])",
      "bpy.context.view_layer.objects.active = a",
      "bpy.ops.object.mode_set(mode='EDIT')",
      "a.location = (5.0, 0.0, 0.0)",
      "bpy.ops.mesh.primitive_cube_add(size=1, location=(5.0, 0.0, 4.0))",
      "bpy.ops.object.mode_set(mode='OBJECT')",
    ].join("\n");
    const res = await runner.buildObject({ objectId: "prims-1", source: src, outGlb: path.join(out, "prims.glb"), wholeScript: true });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(res.prints).toContain("a [2.0, 0.0, 0.0] b [0.0, 3.0, 0.0]");
    if (res.ok) {
      expect(res.value.stats.bbox.min).toEqual([-0.5, -0.5, -1]);
      expect(res.value.stats.bbox.max).toEqual([5.5, 3.5, 4.5]);
    }
  });

  it("check returns the literal PARAMS and never runs the program", async () => {
    const res = await runner.check(TEN_PART_PROGRAM);
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.value.params).toEqual({ width: 1.2, depth: 0.6, height: 0.75, color: "#8a5a33", legs: 4 });
  });

  it("builds a room shell", async () => {
    const res = await runner.buildRoom({ objectId: "room", source: ROOM_PROGRAM, outGlb: path.join(out, "room.glb") });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (res.ok) expect(res.value.stats.parts).toEqual(["floor", "wall_0", "wall_1", "wall_2", "wall_3"]);
  });
});

describe("assemble_scene and scene.py", () => {
  const objects: AssembleObject[] = [
    { objectId: "desk-1", category: "desk", source: TEN_PART_PROGRAM, overrides: { width: 1.0 }, placement: { x: 1.0, y: 0.8, z: 0, yawDeg: 90 } },
    { objectId: "box-1", category: "box", source: CUBE_PROGRAM, placement: { x: -1.2, y: -0.7, z: 0, yawDeg: 30 } },
    { objectId: "box-2", category: "box", source: CUBE_PROGRAM, overrides: { height: 0.2 }, placement: { x: 0.2, y: 0.2, z: 0.75, yawDeg: 0 } },
  ];
  const lights = [{ kind: "point" as const, position: [0, 0, 2.3] as [number, number, number], color: "#fff4e0", power: 300 }];

  it("assembles room + objects + lights into scene.glb, scene.blend and a top-down PNG; scene.py rebuilds the same scene", async () => {
    const glb = path.join(out, "scene.glb");
    const blend = path.join(out, "scene.blend");
    const png = path.join(out, "top.png");
    const res = await runner.assembleScene({ roomSource: ROOM_PROGRAM, objects, lights, outGlb: glb, outBlend: blend, outTopPng: png, topPngSizePx: 256 });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.value.failed ?? []).toEqual([]);
    expect((await validateGlb(glb)).valid).toBe(true);
    expect(statSync(blend).size).toBeGreaterThan(1000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    const names = (await readGlbNodes(glb)).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["room", "desk-1", "box-1", "box-2", "light_1"]));
    const desk = res.value.objects.find((o) => o.objectId === "desk-1")!;
    // yaw 90 swaps width (1.0) and depth (0.6) in the room frame
    expect(desk.bbox.max[0] - desk.bbox.min[0]).toBeCloseTo(0.6, 4);
    expect(desk.bbox.max[1] - desk.bbox.min[1]).toBeCloseTo(1.0, 4);
    expect(desk.bbox.min[2]).toBeCloseTo(0, 4);

    const scenePy = path.join(out, "scene.py");
    writeFileSync(scenePy, buildScenePy({ roomSource: ROOM_PROGRAM, objects, lights }));
    const dump = path.join(out, "dump.json");
    const dumpPy = path.join(out, "dump.py");
    writeFileSync(dumpPy, DUMP_SCRIPT.replace("DUMP_PATH", JSON.stringify(dump)));
    await new Promise<void>((resolve, reject) =>
      execFile("blender", ["-b", "--factory-startup", "-noaudio", "--python", scenePy, "--python", dumpPy], { timeout: 120_000 }, (e, so, se) =>
        e ? reject(new Error(`${e.message}\n${so}\n${se}`)) : resolve(),
      ),
    );
    expect(existsSync(dump)).toBe(true);
    const rebuilt = JSON.parse(readFileSync(dump, "utf8")) as Record<string, { min: number[]; max: number[] }>;
    expect(Object.keys(rebuilt).sort()).toEqual(["box-1", "box-2", "desk-1"]);
    for (const o of res.value.objects) {
      const b = rebuilt[o.objectId]!;
      for (let i = 0; i < 3; i++) {
        expect(b.min[i]).toBeCloseTo(o.bbox.min[i]!, 4);
        expect(b.max[i]).toBeCloseTo(o.bbox.max[i]!, 4);
      }
    }
  });

  it("reports a failing object and still assembles the rest; a program clearing its scene touches no other object", async () => {
    const bad = { objectId: "bad-1", category: "box", source: "import os\n", placement: { x: 0, y: 0, z: 0, yawDeg: 0 } };
    const clearing = `import bpy\nbpy.ops.object.select_all(action='SELECT')\nbpy.ops.object.delete()\nbpy.ops.mesh.primitive_cube_add(size=0.4)\n`;
    const wiper = { objectId: "box-3", category: "box", source: clearing, placement: { x: 1, y: 1, z: 0, yawDeg: 0 } };
    const res = await runner.assembleScene({ roomSource: ROOM_PROGRAM, objects: [objects[1]!, bad, wiper], lights: [], outGlb: path.join(out, "partial.glb") });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.objects.map((o) => o.objectId)).toEqual(["box-1", "box-3"]);
    const names = (await readGlbNodes(path.join(out, "partial.glb"))).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["room", "floor", "wall_0", "box-1", "body", "box-3"]));
    expect(res.value.failed?.[0]).toMatchObject({ objectId: "bad-1", error: { type: "PolicyError", rule: "import" } });
  });
});

const DUMP_SCRIPT = `import json
import bpy

scene = bpy.data.scenes["Roomcode"]
objects_coll = bpy.data.collections["Objects"]
deps = bpy.context.evaluated_depsgraph_get()
out = {}
for coll in objects_coll.children:
    lo = [1e9] * 3
    hi = [-1e9] * 3
    for o in coll.objects:
        if o.type != "MESH":
            continue
        ev = o.evaluated_get(deps)
        for v in ev.data.vertices:
            p = ev.matrix_world @ v.co
            for i in range(3):
                lo[i] = min(lo[i], p[i])
                hi[i] = max(hi[i], p[i])
    out[coll.name] = {"min": lo, "max": hi}
    assert bpy.data.objects.get(coll.name) is not None, coll.name
with open(DUMP_PATH, "w") as fh:
    json.dump(out, fh)
`;
