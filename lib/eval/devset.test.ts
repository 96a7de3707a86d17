/**
 * The geometric proxy on the SceneEval dev split (../shared/inputs/prompts/sceneeval-dev.json, see
 * ../shared/inputs/SOURCES.md): parse -> layout -> metrics with target sizes as bounding boxes, no Blender.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EvalPrompt } from "./constraints";
import { aggregate, type SceneMetrics } from "./metrics";
import { proxyEvaluate } from "./proxy";

const DEV = path.resolve(__dirname, "../../../shared/inputs/prompts/sceneeval-dev.json");

describe.runIf(fs.existsSync(DEV))("SceneEval dev split, geometric proxy", () => {
  it("has no collisions and nothing out of bounds, and meets the offline-engine targets", () => {
    const prompts = JSON.parse(fs.readFileSync(DEV, "utf8")) as EvalPrompt[];
    expect(prompts.length).toBe(400);
    const scenes: SceneMetrics[] = prompts.map((p) => proxyEvaluate(p));
    const agg = aggregate(scenes);
    const fig = (k: keyof typeof agg.totals) => `${k} ${(agg.totals[k].pass / agg.totals[k].total).toFixed(3)} (${agg.totals[k].pass}/${agg.totals[k].total})`;
    console.log(`dev proxy: ${fig("CNT")}, ${fig("ATR")}, ${fig("OOR")}, ${fig("OAR")}, COL ${agg.COL.toFixed(3)}, OOB ${agg.OOB.toFixed(3)}, SUP ${agg.SUP.toFixed(3)}`);
    expect(scenes.map((m, i) => [prompts[i].id, m.collisions, m.outOfBounds] as const).filter(([, c, o]) => c.length > 0 || o.length > 0)).toEqual([]);
    expect(agg.COL).toBe(0);
    expect(agg.OOB).toBe(0);
    expect(agg.CNT).toBeGreaterThanOrEqual(0.9);
    expect(agg.ATR).toBeGreaterThanOrEqual(0.8);
    expect(agg.OOR).toBeGreaterThanOrEqual(0.7);
    expect(agg.OAR).toBeGreaterThanOrEqual(0.7);
  }, 900_000);
});
