/**
 * Support surfaces, part boxes and footprint measured by the worker on real builds of the offline library's
 * bed, sofa and bookshelf: the bed's and sofa's surfaces that hold a pillow are the mattress top and the seat
 * (not the headboard or the backrest top), the bookshelf has boards with free height above, part boxes lie in
 * the bounding box and the footprint is a convex polygon spanning it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdingSurfaces } from "../../../../lib/layout/parts";
import type { BuildStats, SceneObject } from "../../../../lib/scene/schema";
import { assembleProgram, familyDefaults, familyTemplate } from "./library";
import { createRunner } from "../../../../blender-runner/client";
import type { Runner } from "../../../../blender-runner/client/types";

let runner: Runner;
let out: string;
const built: Record<string, BuildStats> = {};

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "roomcode-surfaces-"));
  runner = createRunner({ workers: 1 });
  expect(await runner.ready!(120_000)).toBe(true);
  for (const f of ["bed", "sofa", "bookshelf"]) {
    const res = await runner.buildObject({ objectId: `${f}-1`, source: assembleProgram(familyTemplate(f), familyDefaults(f), f), outGlb: path.join(out, `${f}.glb`) });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (res.ok) built[f] = res.value.stats;
  }
}, 300_000);

afterAll(async () => {
  await runner?.close();
  rmSync(out, { recursive: true, force: true });
});

const asObject = (category: string, stats: BuildStats) => ({ id: `${category}-1`, category, placement: { x: 0, y: 0, z: 0, yawDeg: 0 }, targetSize: stats.size as SceneObject["targetSize"], build: { status: "built", glbRev: 1, stats, error: null, attempts: 1 }, support: "floor", route: "static_furniture" }) as Pick<SceneObject, "id" | "category" | "placement" | "targetSize" | "build" | "support" | "route">;
const pillow = { targetSize: { w: 0.45, d: 0.15, h: 0.45 }, build: { status: "built" as const, glbRev: null, stats: null, error: null, attempts: 0 } };

describe("support surfaces from the meshes", () => {
  it("a pillow is held by the bed's top below the headboard, and by the sofa's seat below its backrest", () => {
    for (const f of ["bed", "sofa"]) {
      const s = built[f];
      const top = Math.max(...s.supportSurfaces!.map((x) => x.z));
      const held = holdingSurfaces(asObject(f, s), pillow);
      expect(held.length, f).toBeGreaterThan(0);
      expect(held[0].z, f).toBeLessThan(top - 0.2);
      expect(held[0].z, f).toBeGreaterThan(0.3);
      expect(held[0].clearance, f).toBeNull();
    }
  });
  it("a bookshelf has boards with free height above, and its top", () => {
    const boards = built.bookshelf.supportSurfaces!.filter((x) => x.clearance !== null && x.clearance > 0.1);
    expect(boards.length).toBeGreaterThanOrEqual(3);
    expect(built.bookshelf.supportSurfaces!.some((x) => x.clearance === null && Math.abs(x.z - built.bookshelf.size.h) < 0.02)).toBe(true);
  });
  it("part boxes lie in the bounding box; the footprint spans it", () => {
    for (const s of Object.values(built)) {
      expect(s.partBoxes!.length).toBe(s.parts.length);
      for (const b of s.partBoxes!) for (let i = 0; i < 3; i++) {
        expect(b.min[i]).toBeGreaterThanOrEqual(s.bbox.min[i] - 1e-3);
        expect(b.max[i]).toBeLessThanOrEqual(s.bbox.max[i] + 1e-3);
      }
      const xs = s.footprint!.map((p) => p[0]);
      expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(s.size.w, 2);
    }
  });
});
