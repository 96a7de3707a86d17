/**
 * Shape words become geometry: "an L-shaped desk" in a prompt builds a desk whose work surface is an L in plan,
 * judged on the support surfaces Blender measures on the built mesh (not on PARAMS or the target box).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner } from "../../../../blender-runner/client/index";
import type { Runner } from "../../../../blender-runner/client/types";
import { parsePrompt } from "../../../../lib/prompt/parse";
import type { BuildStats, ObjectSpec } from "../../../../lib/scene/schema";
import { programFor } from "./index";

let runner: Runner;
let dir: string;

beforeAll(() => {
  runner = createRunner({ workers: 1 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-desk-"));
});

afterAll(async () => {
  await runner.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function build(prompt: string): Promise<{ spec: ObjectSpec; stats: BuildStats }> {
  const spec = parsePrompt(prompt).objects.find((o) => o.category === "desk")!;
  const prog = programFor(spec);
  const res = await runner.buildObject({ objectId: "desk-1", source: prog.source, outGlb: path.join(dir, `${prompt.length}.glb`) });
  if (!res.ok) throw new Error(`${res.error.type}: ${res.error.message}\n${res.error.traceback}`);
  return { spec, stats: res.value.stats };
}

/**
 * True when a built part at work-top height (a slab ending 0.6-0.9 m up, starting above 0.5 m) covers the plan point
 * (x, y) of the local frame, and a measured support surface lies at that height.
 */
function topCovers(stats: BuildStats, x: number, y: number): boolean {
  const slab = (stats.partBoxes ?? []).some((b) => b.max[2] > 0.6 && b.max[2] < 0.9 && b.min[2] > 0.5 && x >= b.min[0] && x <= b.max[0] && y >= b.min[1] && y <= b.max[1]);
  return slab && (stats.supportSurfaces ?? []).some((s) => s.z > 0.6 && s.z < 0.9);
}

describe("desk shape variants on the built mesh", () => {
  it("an L-shaped desk has a work surface on the back run and the left return, and none at the front right", async () => {
    const { spec, stats } = await build("A study with an L-shaped oak desk in the corner.");
    const { w, d } = stats.size;
    expect(w).toBeGreaterThanOrEqual(1.35);
    expect(d).toBeGreaterThanOrEqual(1.25);
    expect(spec.targetSize.d).toBeGreaterThanOrEqual(1.3);
    expect(topCovers(stats, 0, d / 2 - 0.2)).toBe(true);
    expect(topCovers(stats, -w / 2 + 0.2, -d / 2 + 0.2)).toBe(true);
    expect(topCovers(stats, w / 4, -d / 4)).toBe(false);
  }, 120_000);
  it("a plain desk's top covers the whole footprint", async () => {
    const { stats } = await build("A study with an oak desk by the window.");
    const { w, d } = stats.size;
    expect(topCovers(stats, w / 4, -d / 4)).toBe(true);
    expect(topCovers(stats, -w / 2 + 0.1, -d / 2 + 0.1)).toBe(true);
  }, 120_000);
});
