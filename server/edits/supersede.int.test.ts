/**
 * Superseded builds are cancelled, through the real routes, real SQLite and real Blender (one worker): a PARAMS
 * change that arrives while an earlier program of the same object is still building kills that build, and a
 * value queued behind another object's build is dequeued when a newer value of it arrives. Only the newest value
 * becomes a revision with a GLB, and the pool ends idle. Scene from SceneEval dev prompt 118
 * (`../shared/inputs/prompts/sceneeval-dev.json`, ../shared/inputs/SOURCES.md).
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene, SceneObject } from "@/lib/scene/schema";
import { loadDevPrompts } from "@/test/support/dev-prompts";
import { useTempDataDir as tempDataDir } from "@/test/support/env";

const dataDir = tempDataDir("roomcode-supersede-");
process.env.ROOMCODE_WORKERS = "1";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");
const { readGlbMaterials } = await import("@/blender-runner/client/glb");

let scene: Scene;

beforeAll(async () => {
  await getRunner().ready!(120_000);
  const p = loadDevPrompts().find((x) => x.id === 118)!;
  const res = await callRoute("POST", "/api/scenes", { json: { prompt: p.description } });
  expect(res.status).toBe(202);
  scene = await pipeline.waitForScene(((await res.json()) as { scene: Scene }).scene.id, 240_000);
  expect(scene.status).toBe("completed");
}, 300_000);

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const obj = (id: string): SceneObject => getStore().objects.get(scene.id, id)!;
/** A colour PARAMS key of the object and a colour not used by it. */
function colourKey(o: SceneObject): string {
  const k = Object.keys(o.program!.params).find((key) => /colou?r|wood|fabric/.test(key) && typeof o.program!.params[key] === "string" && String(o.program!.params[key]).startsWith("#"));
  if (!k) throw new Error(`${o.id} has no colour parameter: ${Object.keys(o.program!.params).join(", ")}`);
  return k;
}
/** The object's program with a build() that first spins the CPU for a few seconds (then builds as before). */
const slow = (o: SceneObject) => `${o.program!.source}\n\n_build = build\n\n\ndef build(p):\n    t = 0\n    for i in range(80000000):\n        t += i\n    return _build(p)\n`;
function linear(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
}
async function glbHasColour(o: SceneObject, hex: string): Promise<boolean> {
  const mats = await readGlbMaterials(getStore().artifacts.localPath(scene.id, `objects/${o.id}/r${o.build.glbRev!}.glb`)!);
  const want = linear(hex);
  return mats.some((m) => m.baseColor.slice(0, 3).every((v, i) => Math.abs(v - want[i]) < 0.01));
}
/** Resolves once the pool runs a job (or has one queued behind a running one when `queued`). */
async function poolBusy(queued = 0): Promise<void> {
  for (;;) {
    const p = getRunner().health().pool;
    if (p.busy >= 1 && p.queued >= queued) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
async function poolIdle(): Promise<ReturnType<ReturnType<typeof getRunner>["health"]>["pool"]> {
  for (;;) {
    const p = getRunner().health().pool;
    if (p.busy === 0 && p.queued === 0 && p.alive === p.size) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const glbFiles = (o: SceneObject) => getStore().artifacts.list(scene.id, `objects/${o.id}/`).map((k) => k.split("/").pop()!).filter((f) => f.endsWith(".glb")).sort();

describe("superseded builds are cancelled", () => {
  it("a PARAMS change while the program of the same object builds kills that build; only the newest becomes a revision", async () => {
    const target = scene.objects.find((o) => o.category === "sofa") ?? scene.objects[0];
    const before = obj(target.id);
    const revsBefore = getStore().revisions.list(scene.id, target.id).length;
    const historyBefore = getStore().history.list(scene.id).length;
    const restartsBefore = getRunner().health().pool.restarts;
    const key = colourKey(before);

    const older = callRoute("PUT", `/api/scenes/${scene.id}/objects/${target.id}/program`, { json: { source: slow(before) } });
    // The policy check runs first; wait for the build itself (the check's job has finished, the build's is running).
    while (getStore().revisions.list(scene.id, target.id).length === revsBefore) await new Promise((r) => setTimeout(r, 20));
    await poolBusy();
    const newer = callRoute("PATCH", `/api/scenes/${scene.id}/objects/${target.id}`, { json: { params: { [key]: "#2e7d32" } } });
    const [a, b] = await Promise.all([older, newer]);
    expect(a.status).toBe(409);
    expect(((await a.json()) as { error: { code: string } }).error.code).toBe("superseded");
    expect(b.status).toBe(200);

    const revs = getStore().revisions.list(scene.id, target.id);
    expect(revs).toHaveLength(revsBefore + 1);
    expect(revs.some((r) => r.source.includes("range(80000000)"))).toBe(false);
    const now = obj(target.id);
    expect(now.program!.rev).toBe(revs.at(-1)!.rev);
    expect(now.program!.params[key]).toBe("#2e7d32");
    expect(await glbHasColour(now, "#2e7d32")).toBe(true);
    expect(glbFiles(now)).toHaveLength(revsBefore + 1);
    expect(getStore().history.list(scene.id)).toHaveLength(historyBefore + 1);
    const pool = await poolIdle();
    // The killed worker was restarted (the running build was aborted, not left to finish).
    expect(pool.restarts).toBeGreaterThan(restartsBefore);
  });

  it("a value queued behind another object's build is dequeued when a newer value arrives", async () => {
    const [busyObj, target] = scene.objects.filter((o) => o.program).slice(-2);
    const key = colourKey(obj(target.id));
    const revsBefore = getStore().revisions.list(scene.id, target.id).length;
    const restartsBefore = getRunner().health().pool.restarts;
    const doneBefore = getRunner().health().pool.jobsDone;

    const other = callRoute("PUT", `/api/scenes/${scene.id}/objects/${busyObj.id}/program`, { json: { source: slow(obj(busyObj.id)) } });
    while (!getStore().revisions.list(scene.id, busyObj.id).some((r) => r.source.includes("range(80000000)"))) await new Promise((r) => setTimeout(r, 20));
    await poolBusy();
    const first = callRoute("PATCH", `/api/scenes/${scene.id}/objects/${target.id}`, { json: { params: { [key]: "#b71c1c" } } });
    await poolBusy(1);
    const second = callRoute("PATCH", `/api/scenes/${scene.id}/objects/${target.id}`, { json: { params: { [key]: "#0d47a1" } } });
    const [o, f, s] = await Promise.all([other, first, second]);
    expect(o.status).toBe(200);
    expect(f.status).toBe(409);
    expect(((await f.json()) as { error: { code: string } }).error.code).toBe("superseded");
    expect(s.status).toBe(200);

    const revs = getStore().revisions.list(scene.id, target.id);
    expect(revs).toHaveLength(revsBefore + 1);
    expect(revs.some((r) => r.params[key] === "#b71c1c")).toBe(false);
    const now = obj(target.id);
    expect(now.program!.params[key]).toBe("#0d47a1");
    expect(await glbHasColour(now, "#0d47a1")).toBe(true);
    expect(await glbHasColour(now, "#b71c1c")).toBe(false);
    const pool = await poolIdle();
    // The dequeued job never reached a worker: no restart, and only the other object's and the newest value's builds ran.
    expect(pool.restarts).toBe(restartsBefore);
    expect(pool.jobsDone - doneBefore).toBe(3);
  });
});
