/**
 * Rims do not hold things at their height: a tray's (and a basket's) upward faces at the rim's height form a
 * ring whose centre no face covers, so the worker reports them as the strips they fill, and what stands on the
 * tray rests on its inner bottom. Real builds of the offline library's tray and basket.
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
const FAMILIES = ["tray", "basket"];

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "roomcode-rims-"));
  runner = createRunner({ workers: 1 });
  expect(await runner.ready!(120_000)).toBe(true);
  for (const f of FAMILIES) {
    const res = await runner.buildObject({ objectId: `${f}-1`, source: assembleProgram(familyTemplate(f), familyDefaults(f), f), outGlb: path.join(out, `${f}.glb`) });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (res.ok) built[f] = res.value.stats;
  }
}, 300_000);

afterAll(async () => {
  await runner?.close();
  rmSync(out, { recursive: true, force: true });
});

const asObject = (category: string, stats: BuildStats) => ({ id: `${category}-1`, category, placement: { x: 0, y: 0, z: 0, yawDeg: 0 }, targetSize: stats.size as SceneObject["targetSize"], build: { status: "built", glbRev: 1, stats, error: null, attempts: 1 }, support: "floor", route: "simple_manipuland" }) as Pick<SceneObject, "id" | "category" | "placement" | "targetSize" | "build" | "support" | "route">;
const jar = { targetSize: { w: 0.08, d: 0.08, h: 0.12 }, build: { status: "built" as const, glbRev: null, stats: null, error: null, attempts: 0 } };
const covers = (s: NonNullable<BuildStats["supportSurfaces"]>[number], x: number, y: number) => s.min[0] <= x && x <= s.max[0] && s.min[1] <= y && y <= s.max[1];

describe("support surfaces of rimmed objects", () => {
  it("no surface at the rim's height spans the inside; the inner bottom is the highest surface under the centre", () => {
    for (const f of FAMILIES) {
      const s = built[f].supportSurfaces!;
      const top = built[f].size.h;
      const under = s.filter((x) => covers(x, 0, 0));
      expect(under.length, f).toBeGreaterThan(0);
      const highest = Math.max(...under.map((x) => x.z));
      expect(highest, `${f}: ${JSON.stringify(s)}`).toBeLessThan(top * 0.5);
      // The rim's faces are still reported, as strips along the sides.
      if (f === "tray") expect(s.some((x) => x.z > top - 0.005 && !covers(x, 0, 0)), JSON.stringify(s)).toBe(true);
    }
  });

  it("a jar on the tray is held by the inner bottom", () => {
    const held = holdingSurfaces(asObject("tray", built.tray), jar);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((s) => s.z < 0.02)).toBe(true);
  });
});
