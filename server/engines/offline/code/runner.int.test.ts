/**
 * Builds every family's default program and the room shell through the real runner (warm Blender pool,
 * sandboxed), checks the runner's bounding-box stats against the target size (5%), validates GLBs with
 * gltf-validator and reads the requested base color back from the GLB.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner } from "../../../../blender-runner/client/index";
import { readGlbMaterials, validateGlb } from "../../../../blender-runner/client/glb";
import type { Runner } from "../../../../blender-runner/client/types";
import { Attributes } from "../../../../lib/scene/schema";
import { FAMILIES } from "../../../../lib/vocab";
import { programForFamily } from "./index";
import { familyDefaults } from "./library";
import { roomShellProgram, wallSegments } from "./room";

let runner: Runner;
let dir: string;

beforeAll(() => {
  runner = createRunner({ workers: 2 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-lib-"));
});

afterAll(async () => {
  await runner.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function linear(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}

const VALIDATE = new Set(["nightstand", "sofa", "table_lamp", "bookshelf", "curtains", "mug"]);

describe("object programs through the runner", () => {
  it.each(FAMILIES.map((f) => [f]))("%s builds, matches its size and exports a GLB", async (family) => {
    const d = familyDefaults(family);
    const size = { w: Number(d.width), d: Number(d.depth), h: Number(d.height) };
    const color = "#1f2a44";
    const prog = programForFamily(family, { id: `${family}-1`, category: family, targetSize: size, attributes: Attributes.parse({ color }), description: `a ${family}` });
    const outGlb = path.join(dir, `${family}.glb`);
    const res = await runner.buildObject({ objectId: `${family.replace(/_/g, "")}-1`, source: prog.source, outGlb });
    if (!res.ok) throw new Error(`${res.error.type}: ${res.error.message}\n${res.error.traceback}`);
    const s = res.value.stats.size;
    expect(Math.abs(s.w - size.w) / size.w).toBeLessThanOrEqual(0.05);
    expect(Math.abs(s.d - size.d) / size.d).toBeLessThanOrEqual(0.05);
    expect(Math.abs(s.h - size.h) / size.h).toBeLessThanOrEqual(0.05);
    expect(res.value.stats.parts.length).toBeGreaterThan(0);
    if (VALIDATE.has(family)) {
      const v = await validateGlb(outGlb);
      expect(v.errors, v.messages.join("\n")).toBe(0);
      const mats = await readGlbMaterials(outGlb);
      const want = linear(color);
      expect(mats.some((m) => want.every((c, i) => Math.abs(m.baseColor[i] - c) < 2e-3))).toBe(true);
    }
  });

  it("builds the room shell with one wall part per predicted segment", async () => {
    const input = {
      footprint: [[-3, -2], [3, -2], [3, 1], [0, 1], [0, 2], [-3, 2]] as [number, number][],
      wallHeight: 2.7,
      wallThickness: 0.15,
      openings: [
        { id: "door-1", kind: "door" as const, wall: 0, offset: 1.5, width: 0.9, height: 2.1, sill: 0 },
        { id: "window-1", kind: "window" as const, wall: 1, offset: 1.5, width: 1.2, height: 1.2, sill: 0.9 },
        { id: "window-2", kind: "window" as const, wall: 5, offset: 2, width: 1, height: 1.2, sill: 0.9 },
      ],
      floorMaterial: { name: "oak", color: "#b58a55", roughness: 0.55, metallic: 0 },
      wallMaterial: { name: "paint", color: "#ece8e1", roughness: 0.9, metallic: 0 },
      ceiling: true,
    };
    const room = roomShellProgram(input);
    const outGlb = path.join(dir, "room.glb");
    const res = await runner.buildRoom({ objectId: "room-1", source: room.source, outGlb });
    if (!res.ok) throw new Error(`${res.error.type}: ${res.error.message}\n${res.error.traceback}`);
    const parts = res.value.stats.parts;
    const walls = parts.filter((n) => /^wall_\d+$/.test(n));
    expect(walls).toHaveLength(wallSegments(input).reduce((a, b) => a + b, 0));
    expect(parts).toEqual(expect.arrayContaining(["floor", "ceiling", "door_0", "window_0", "window_1"]));
    expect(res.value.stats.size.w).toBeCloseTo(6 + 0.3, 1);
    expect(res.value.stats.size.d).toBeCloseTo(4 + 0.3, 1);
    const v = await validateGlb(outGlb);
    expect(v.errors, v.messages.join("\n")).toBe(0);
  });
});
