/**
 * JOINTS through the real runner: every articulated family (and its variants) builds with validated joints
 * whose children are built parts, and the validator's errors (missing child, hinge through the middle of a
 * door, a swing through the parent, a non-literal list) fail the build as JointError with the entry's line.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner } from "../../blender-runner/client/index";
import type { Runner } from "../../blender-runner/client/types";
import { articulatedCases } from "../../test/support/articulated";
import { roomShellProgram } from "../engines/offline/code/room";

let runner: Runner;
let dir: string;

beforeAll(() => {
  runner = createRunner({ workers: 1 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-joints-"));
});

afterAll(async () => {
  await runner.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const BAD_BASE = `import bpy

PARAMS = {"width": 0.6}

JOINTS = [
    @ENTRY@
]


def build(p):
    m = bpy.data.meshes.new("m")
    parts = []
    for name, loc, size in (("body", (0, 0.1, 0.4), (0.6, 0.4, 0.8)), ("door", (0, -0.11, 0.4), (0.58, 0.02, 0.78))):
        bpy.ops.mesh.primitive_cube_add(size=1, location=loc)
        o = bpy.context.active_object
        o.name = name
        o.scale = size
        parts.append(o)
    return parts
`;

describe("JOINTS", () => {
  it.each(articulatedCases().map((c) => [c.id, c]))("%s builds with validated joints", async (_id, c) => {
    const res = await runner.buildObject({ objectId: c.objectId, source: c.source, outGlb: path.join(dir, `${c.id.replace(":", "-")}.glb`), scope: "joints-test" });
    if (!res.ok) throw new Error(`${res.error.type}: ${res.error.message} (line ${res.error.line})\n${res.error.traceback}`);
    const { parts } = res.value.stats;
    const joints = res.value.stats.joints ?? [];
    expect(joints.length).toBeGreaterThanOrEqual(c.minJoints);
    for (const j of joints) {
      expect(parts).toContain(j.parent);
      for (const ch of j.children) expect(parts).toContain(ch);
      expect(Math.hypot(...j.axis)).toBeCloseTo(1, 5);
      expect(j.limits[0]).toBeLessThan(j.limits[1]);
    }
  });

  it("room shell doors swing on hinges", async () => {
    const prog = roomShellProgram({
      footprint: [[-2, -2], [2, -2], [2, 2], [-2, 2]], wallHeight: 2.6, wallThickness: 0.12, ceiling: false,
      openings: [{ kind: "door", wall: 0, offset: 1, width: 0.9, height: 2.1, sill: 0 }, { kind: "door", wall: 1, offset: 2, width: 0.8, height: 2, sill: 0 }, { kind: "window", wall: 2, offset: 2, width: 1, height: 1, sill: 0.9 }],
      floorMaterial: { name: "oak", color: "#b58a55", texture: null }, wallMaterial: { name: "paint", color: "#ece8e1", texture: null },
    } as never);
    const res = await runner.buildRoom({ objectId: "room", source: prog.source, outGlb: path.join(dir, "room.glb"), scope: "joints-test" });
    if (!res.ok) throw new Error(`${res.error.type}: ${res.error.message}`);
    expect((res.value.stats.joints ?? []).map((j) => j.name)).toEqual(["door_0_hinge", "door_1_hinge"]);
  });

  const BAD: [string, string, RegExp][] = [
    ["a missing child", `{"name": "h", "type": "revolute", "parent": "body", "children": ["lid"], "axis": [0, 0, 1], "origin": [0, 0, 0], "limits": [0, 90]},`, /child part 'lid' was not built/],
    ["a hinge through the middle", `{"name": "h", "type": "revolute", "parent": "body", "children": ["door"], "axis": [0, 0, 1], "origin": {"part": "door", "at": [0, 0, 0]}, "limits": [0, 90]},`, /hinge axis is .* the edge/],
    ["a swing into the parent", `{"name": "h", "type": "revolute", "parent": "body", "children": ["door"], "axis": [0, 0, 1], "origin": {"part": "door", "at": [-1, 1, 0]}, "limits": [0, 90]},`, /passes .* into body/],
    ["a slide into the parent", `{"name": "s", "type": "prismatic", "parent": "body", "children": ["door"], "axis": [0, 1, 0], "origin": [0, 0, 0], "limits": [0, "width / 2"]},`, /passes .* into body/],
    ["an unknown name", `{"name": "s", "type": "prismatic", "parent": "body", "children": ["door"], "axis": [0, -1, 0], "origin": [0, 0, 0], "limits": [0, "depth"]},`, /names 'depth'/],
  ];
  it.each(BAD)("rejects %s with the entry's line", async (_what, joint, message) => {
    const res = await runner.buildObject({ objectId: "bad-1", source: BAD_BASE.replace("@ENTRY@", joint), outGlb: path.join(dir, "bad.glb"), scope: "joints-test" });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(`${res.error.type}: ${res.error.message}`).toMatch(/^JointError/);
    expect(res.error.message).toMatch(message);
    expect(res.error.line).toBe(6);
  });
});
