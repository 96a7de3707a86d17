/**
 * Simulator exports of 20 SceneEval dev prompts through the real routes (offline engine, real Blender): every
 * URDF in `export.urdf` passes `check_urdf`; the scene MJCF from `export.mjcf` compiles in MuJoCo and simulates
 * 2 s at rest (no NaN, no free object moving 2 cm) and 2 s per limit with every joint reaching both limits;
 * `export.usd` holds one root per built object. Prints export times per scene.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { loadDevPrompts } from "@/test/support/dev-prompts";
import { setTempDataDir } from "@/test/support/env";
import { checkUrdf, mujocoCompile, simulate, unzipTo, usdaObjectCount } from "@/test/support/sim-tools";

const dataDir = setTempDataDir();
process.env.ROOMCODE_WORKERS = "2";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

const COUNT = Number(process.env.ROOMCODE_SIM_PROMPTS ?? 20);
const PROMPTS = loadDevPrompts().slice(0, COUNT);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-simdev-"));

interface Done {
  id: number;
  scene: Scene;
  dir: string;
  urdf: string[];
  ms: { urdf: number; mjcf: number; usd: number };
  usdBytes: Uint8Array;
}
const done: Done[] = [];

async function download(url: string): Promise<{ bytes: Uint8Array; ms: number }> {
  const t = performance.now();
  const res = await callRoute("GET", url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(bytes).toString("utf8").slice(0, 400)}`);
  return { bytes, ms: performance.now() - t };
}

beforeAll(async () => {
  await getRunner().ready!(120_000);
  for (const p of PROMPTS) {
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: p.description } });
    expect(res.status).toBe(202);
    const created = ((await res.json()) as { scene: Scene }).scene;
    const scene = await pipeline.waitForScene(created.id, 180_000);
    const dir = path.join(work, String(p.id));
    // The USD and MJCF reuse the export job the URDF request ran (one job per scene state).
    const urdf = await download(`/api/scenes/${scene.id}/export.urdf`);
    const mjcf = await download(`/api/scenes/${scene.id}/export.mjcf`);
    const usd = await download(`/api/scenes/${scene.id}/export.usd`);
    const files = unzipTo(urdf.bytes, path.join(dir, "urdf"));
    unzipTo(mjcf.bytes, path.join(dir, "mjcf"));
    done.push({ id: p.id, scene, dir, urdf: files.filter((f) => f.endsWith(".urdf")), ms: { urdf: urdf.ms, mjcf: mjcf.ms, usd: usd.ms }, usdBytes: usd.bytes });
  }
}, 1_800_000);

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`simulator exports of ${COUNT} dev prompts`, () => {
  it("prints export times per scene", () => {
    for (const d of done) {
      console.log(`scene ${d.id} (${d.scene.objects.length} objects): urdf ${d.ms.urdf.toFixed(0)} ms (export job), mjcf ${d.ms.mjcf.toFixed(0)} ms, usd ${d.ms.usd.toFixed(0)} ms`);
    }
    expect(done.length).toBe(COUNT);
  });

  it("check_urdf accepts every URDF", () => {
    let n = 0;
    const bad: string[] = [];
    for (const d of done) {
      for (const f of d.urdf) {
        const r = checkUrdf(path.join(d.dir, "urdf", f));
        n += 1;
        if (!r.ok) bad.push(`${d.id}/${f}: ${r.output.slice(0, 300)}`);
      }
    }
    console.log(`check_urdf: ${n - bad.length}/${n} URDFs passed`);
    expect(bad).toEqual([]);
  });

  it("every scene MJCF compiles and simulates stably, every joint reaching both limits", () => {
    let joints = 0;
    let worst = 0;
    const problems: string[] = [];
    for (const d of done) {
      const xml = path.join(d.dir, "mjcf", "scene.xml");
      const c = mujocoCompile(xml);
      if (!c.ok) {
        problems.push(`${d.id}: mujoco-compile: ${c.output.slice(0, 300)}`);
        continue;
      }
      const rep = simulate(xml, 2);
      if (!rep.loaded || rep.nan) problems.push(`${d.id}: ${rep.error ?? "NaN"}`);
      for (const f of rep.free) {
        worst = Math.max(worst, f.moved);
        if (f.moved >= 0.02) problems.push(`${d.id}: free ${f.name} moved ${f.moved.toFixed(3)} m at rest`);
      }
      for (const j of rep.joints) {
        joints += 1;
        const tol = Math.max(0.05 * (j.hi - j.lo), j.type === 3 ? 0.03 : 0.005);
        if (Math.abs(j.atHi - j.hi) > tol || Math.abs(j.atLo - j.lo) > tol) problems.push(`${d.id}: ${j.name} reached ${j.atHi.toFixed(3)}/${j.atLo.toFixed(3)} of [${j.lo}, ${j.hi}]`);
      }
    }
    console.log(`mujoco: ${done.length} scenes, ${joints} driven joints, free objects moved at most ${(worst * 100).toFixed(2)} cm at rest, ${problems.length} problems`);
    expect(problems).toEqual([]);
  });

  it("serves one object's URDF and types its errors", async () => {
    const d = done[0];
    const obj = d.scene.objects.find((o) => o.build.status === "built")!;
    const one = await download(`/api/scenes/${d.scene.id}/export.urdf?object=${obj.id}`);
    const dir = path.join(d.dir, "one");
    const files = unzipTo(one.bytes, dir);
    expect(files).toContain(`${obj.id}.urdf`);
    expect(checkUrdf(path.join(dir, `${obj.id}.urdf`)).ok).toBe(true);
    const missing = await callRoute("GET", `/api/scenes/${d.scene.id}/export.urdf?object=nope-9`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const bad = await callRoute("GET", `/api/scenes/${d.scene.id}/export.urdf?object=..%2Fx`);
    expect(bad.status).toBe(400);
  });

  it("every USD holds one root per built object and the room", () => {
    for (const d of done) {
      const f = path.join(d.dir, "scene.usd");
      fs.writeFileSync(f, d.usdBytes);
      const built = d.scene.objects.filter((o) => o.build.status === "built" && !o.hidden).length;
      expect(usdaObjectCount(f), String(d.id)).toBe(built + 1);
    }
  });
});
