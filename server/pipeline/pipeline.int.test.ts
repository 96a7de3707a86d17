/**
 * The scene pipeline end to end through the real routes (callRoute), real SQLite and real Blender:
 * dev-set prompts (object categories and counts against SceneEval's obj_count, no collisions, nothing out of
 * bounds, valid GLBs), SSE replay, exports and thumbnails, and bad input.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalCategory } from "@/lib/vocab";
import { findConflicts } from "@/lib/layout/check";
import type { Scene, StageEvent } from "@/lib/scene/schema";
import { countRules, loadDevPrompts, satisfies, type DevPrompt } from "@/test/support/dev-prompts";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir();
process.env.ROOMCODE_WORKERS = "2";
const { callRoute, readSse } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");
const { validateGlb } = await import("@/blender-runner/client/glb");

/** Every 11th easy prompt: 10 prompts spread over bedrooms, living, dining, kitchens, bathrooms and offices. */
const SAMPLE: DevPrompt[] = loadDevPrompts()
  .filter((p) => p.difficulty === "easy")
  .filter((_, i) => i % 11 === 0)
  .slice(0, 10);

/**
 * Whether a scene category counts as a ground-truth category: equal, or a compound whose head noun is it
 * (`swivel_chair` is a `chair`, `canopy_bed` a `bed`), as SceneEval matches object categories semantically.
 */
function isA(category: string, truth: string): boolean {
  return category === truth || category.endsWith(`_${truth}`);
}

async function createPrompt(prompt: string): Promise<Scene> {
  const res = await callRoute("POST", "/api/scenes", { json: { prompt } });
  expect(res.status).toBe(202);
  return ((await res.json()) as { scene: Scene }).scene;
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await callRoute("GET", url);
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  // Warm the pool so that the first scene does not pay for Blender's start.
  await getRunner().ready!(120_000);
});

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("dev-set prompts through the routes", () => {
  const done: { prompt: DevPrompt; scene: Scene }[] = [];

  beforeAll(async () => {
    for (const p of SAMPLE) {
      const created = await createPrompt(p.description);
      const scene = await pipeline.waitForScene(created.id, 120_000);
      done.push({ prompt: p, scene });
    }
  }, 600_000);

  it("completes every scene with one built object per structure object", () => {
    expect(done).toHaveLength(10);
    for (const { prompt, scene } of done) {
      expect(scene.status, `prompt ${prompt.id}: ${scene.error}`).toBe("completed");
      expect(scene.room?.glbRev, `prompt ${prompt.id} room`).not.toBeNull();
      for (const o of scene.objects) expect(o.build.status, `${prompt.id}/${o.id}: ${o.build.error?.message}`).toBe("built");
    }
  });

  it("matches SceneEval's object counts", () => {
    const failures: string[] = [];
    for (const { prompt, scene } of done) {
      for (const rule of countRules(prompt)) {
        const cat = canonicalCategory(rule.category);
        const n = scene.objects.filter((o) => isA(o.category, cat)).length;
        if (!satisfies(rule, n)) failures.push(`${prompt.id}: ${rule.op} ${rule.n} ${cat}, got ${n} (${scene.objects.map((o) => o.category).join(", ")})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("has no collisions and nothing out of bounds with the built sizes", () => {
    for (const { prompt, scene } of done) {
      const objs = scene.objects
        .filter((o) => o.build.stats)
        .map((o) => ({ id: o.id, placement: o.placement, size: o.build.stats!.size, support: o.support, thin: o.route === "thin_cover" }));
      const c = findConflicts(objs, scene.room!.footprint);
      const detail = JSON.stringify({ footprint: scene.room!.footprint, objects: objs.map((o) => [o.id, o.placement, o.size]) });
      expect({ prompt: prompt.id, ...c }, detail).toEqual({ prompt: prompt.id, collisions: [], outOfBounds: [] });
    }
  });

  it("serves valid GLBs for every object revision and the room through the routes", async () => {
    for (const { scene } of done.slice(0, 4)) {
      for (const o of scene.objects) {
        const res = await callRoute("GET", `/api/scenes/${scene.id}/objects/${o.id}/model.glb?rev=${o.build.glbRev}`);
        expect(res.status).toBe(200);
        expect(res.headers.get("cache-control")).toContain("immutable");
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.subarray(0, 4).toString("latin1")).toBe("glTF");
        const file = getStore().artifacts.localPath(scene.id, `objects/${o.id}/r${o.build.glbRev!}.glb`)!;
        expect(bytes.equals(fs.readFileSync(file))).toBe(true);
        const v = await validateGlb(file);
        expect(v.errors, `${o.id}: ${v.messages.join("; ")}`).toBe(0);
      }
      const room = await callRoute("GET", `/api/scenes/${scene.id}/room.glb`);
      expect(room.status).toBe(200);
    }
  });

  it("stores every program revision with its origin and serves program.py", async () => {
    const { scene } = done[0];
    const o = scene.objects[0];
    const res = await callRoute("GET", `/api/scenes/${scene.id}/objects/${o.id}/program.py?rev=${o.program!.rev}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(o.program!.source);
    const revs = getStore().revisions.list(scene.id, o.id);
    expect(revs.length).toBeGreaterThanOrEqual(1);
    expect(revs[0].origin).toBe("generated");
  });

  it("records the five stages with memory entries, in order", () => {
    const { scene } = done[0];
    const events = getStore().events.list(scene.id);
    const started = events.filter((e) => e.type === "stage.started").map((e) => e.stage);
    expect(started).toEqual(["structure", "layout", "profile", "code", "decor"]);
    const outputs = events.filter((e) => e.type === "stage.output");
    expect(outputs).toHaveLength(5);
    expect(events.at(-1)?.type).toBe("job.completed");
    expect(events.filter((e) => e.type === "object.built").length).toBeGreaterThanOrEqual(scene.objects.length);
    expect(getStore().memory.list(scene.id, "profile").length).toBeGreaterThan(0);
  });

  it("lists scenes with titles and thumbnails", async () => {
    await pipeline.settleAll();
    const { body } = await getJson<{ scenes: { id: string; title: string; objectCount: number; thumbnailUrl: string | null; source: string }[] }>("/api/scenes");
    const row = body.scenes.find((s) => s.id === done[0].scene.id)!;
    expect(row.title.length).toBeGreaterThan(3);
    expect(row.source).toBe("prompt");
    expect(row.objectCount).toBe(done[0].scene.objects.length);
    expect(row.thumbnailUrl).toMatch(/thumb\.png/);
    const png = await callRoute("GET", row.thumbnailUrl!);
    expect(png.status).toBe(200);
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("exports glb, blend and scene.py", async () => {
    const { scene } = done[1];
    const glb = await callRoute("GET", `/api/scenes/${scene.id}/export.glb`);
    expect(glb.status).toBe(200);
    expect(Buffer.from(await glb.arrayBuffer()).subarray(0, 4).toString("latin1")).toBe("glTF");
    const again = await callRoute("GET", `/api/scenes/${scene.id}/export.glb`);
    expect(again.status).toBe(200);
    expect(getStore().artifacts.list(scene.id, "exports/").filter((f) => f.endsWith(".glb"))).toHaveLength(1);
    const blend = await callRoute("GET", `/api/scenes/${scene.id}/export.blend`);
    expect(blend.status).toBe(200);
    // A .blend starts with "BLENDER", or with the zstd frame magic when Blender compresses it (3.0+).
    const head = Buffer.from(await blend.arrayBuffer()).subarray(0, 7);
    expect(head.toString("latin1") === "BLENDER" || head.readUInt32LE(0) === 0xfd2fb528).toBe(true);
    const py = await callRoute("GET", `/api/scenes/${scene.id}/export.py`);
    expect(py.status).toBe(200);
    const text = await py.text();
    for (const o of scene.objects) expect(text).toContain(o.id);
  });
});

describe("SSE", () => {
  it("streams live to the terminal event, then replays after Last-Event-ID without loss or duplicates", async () => {
    const scene = await createPrompt("A small office with a desk, an office chair and a bookshelf.");
    const live = await readSse(await callRoute("GET", `/api/scenes/${scene.id}/events`));
    const res0 = await callRoute("GET", `/api/scenes/${scene.id}/events?after=0`);
    expect(res0.headers.get("content-type")).toContain("text/event-stream");
    expect(res0.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res0.headers.get("x-accel-buffering")).toBe("no");
    const all = await readSse(res0);
    const seqs = all.map((e) => Number(e.id));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(all.at(-1)?.event).toBe("job.completed");
    expect(live.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const stored = getStore().events.list(scene.id);
    expect(all.map((e) => (JSON.parse(e.data) as StageEvent).type)).toEqual(stored.map((e) => e.type));

    const mid = Math.floor(all.length / 2);
    const tail = await readSse(await callRoute("GET", `/api/scenes/${scene.id}/events`, { headers: { "Last-Event-ID": String(mid) } }));
    expect(tail.map((e) => Number(e.id))).toEqual(seqs.slice(mid));
  });

  it("rejects a malformed Last-Event-ID and unknown scenes", async () => {
    const scene = (await getJson<{ scenes: { id: string }[] }>("/api/scenes")).body.scenes[0];
    const bad = await callRoute("GET", `/api/scenes/${scene.id}/events?after=abc`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("validation");
    expect((await callRoute("GET", `/api/scenes/nope/events`)).status).toBe(404);
  });
});

describe("bad input", () => {
  async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
    const body = (await res.json()) as { error: { code: string; message: string } };
    return { status: res.status, code: body.error.code, message: body.error.message };
  }

  it("gives typed errors and stores nothing for empty, whitespace, huge and malformed prompts", async () => {
    const before = getStore().scenes.list(1000).length;
    expect(await errorOf(await callRoute("POST", "/api/scenes", { json: { prompt: "" } }))).toMatchObject({ status: 400, code: "empty_prompt" });
    expect(await errorOf(await callRoute("POST", "/api/scenes", { json: { prompt: " \n\t " } }))).toMatchObject({ status: 400, code: "empty_prompt" });
    expect(await errorOf(await callRoute("POST", "/api/scenes", { json: { prompt: "a bed ".repeat(17_000) } }))).toMatchObject({ status: 413, code: "prompt_too_long" });
    expect(await errorOf(await callRoute("POST", "/api/scenes", { json: { prompt: 42 } }))).toMatchObject({ status: 400, code: "validation" });
    expect(await errorOf(await callRoute("POST", "/api/scenes", { body: "{not json", headers: { "content-type": "application/json" } }))).toMatchObject({ status: 400, code: "bad_request" });
    expect(await errorOf(await callRoute("POST", "/api/scenes", { body: "prompt", headers: { "content-type": "text/plain" } }))).toMatchObject({ status: 415, code: "unsupported_media" });
    expect(getStore().scenes.list(1000).length).toBe(before);
  });

  it("completes SQL-looking, foreign-language and unknown-word prompts sensibly without corrupting the store", async () => {
    const sql = await createPrompt("A bedroom with a bed'); DROP TABLE scenes; -- and a lamp");
    const foreign = await createPrompt("Ein Schlafzimmer mit einem Bett und einem Schrank.");
    const nonsense = await createPrompt("zxqv blorf frobnicate wibble");
    for (const s of [sql, foreign, nonsense]) {
      const done = await pipeline.waitForScene(s.id, 120_000);
      expect(done.status, done.error ?? "").toBe("completed");
    }
    expect(pipeline.getScene(sql.id).source).toEqual({ kind: "prompt", prompt: "A bedroom with a bed'); DROP TABLE scenes; -- and a lamp" });
    expect(pipeline.getScene(sql.id).objects.some((o) => o.category === "bed")).toBe(true);
    const none = pipeline.getScene(nonsense.id);
    expect(none.objects).toEqual([]);
    expect(none.room).not.toBeNull();
    // The SQL-looking prompt left every table in place (and SQLite's file intact).
    expect((getStore().db.prepare("SELECT COUNT(*) AS n FROM scenes").get() as { n: number }).n).toBeGreaterThan(0);
    if (getStore().backend === "sqlite") expect(getStore().db.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("answers unknown ids and missing revisions with not_found", async () => {
    expect(await errorOf(await callRoute("GET", "/api/scenes/does-not-exist"))).toMatchObject({ status: 404, code: "not_found" });
    expect(await errorOf(await callRoute("DELETE", "/api/scenes/does-not-exist"))).toMatchObject({ status: 404, code: "not_found" });
    const s = (await getJson<{ scenes: { id: string; status: string; objectCount: number }[] }>("/api/scenes")).body.scenes.find((x) => x.status === "completed" && x.objectCount > 0)!;
    const scene = pipeline.getScene(s.id);
    const o = scene.objects[0];
    expect(await errorOf(await callRoute("GET", `/api/scenes/${s.id}/objects/${o.id}/model.glb?rev=999`))).toMatchObject({ status: 404, code: "not_found" });
    expect(await errorOf(await callRoute("GET", `/api/scenes/${s.id}/objects/${o.id}/model.glb?rev=0`))).toMatchObject({ status: 400, code: "validation" });
    expect(await errorOf(await callRoute("GET", `/api/scenes/${s.id}/objects/nope-1/model.glb`))).toMatchObject({ status: 404, code: "not_found" });
    expect(await errorOf(await callRoute("GET", `/api/scenes/${s.id}/room.glb?rev=77`))).toMatchObject({ status: 404, code: "not_found" });
    expect(await errorOf(await callRoute("GET", `/api/scenes/${s.id}/structure.png`))).toMatchObject({ status: 404, code: "not_found" });
    expect(await errorOf(await callRoute("POST", `/api/scenes/${s.id}/continue`))).toMatchObject({ status: 409, code: "conflict" });
  });

  it("refuses a second job on a scene while one runs, and deletes a scene with its files", async () => {
    const scene = await createPrompt("A living room with a sofa, a coffee table, two armchairs and a tv stand.");
    const second = await errorOf(await callRoute("POST", `/api/scenes/${scene.id}/continue`));
    expect(second).toMatchObject({ status: 409, code: "busy" });
    await pipeline.waitForScene(scene.id);
    const del = await callRoute("DELETE", `/api/scenes/${scene.id}`);
    expect(del.status).toBe(204);
    expect(getStore().artifacts.list(scene.id, "")).toEqual([]);
    expect(fs.existsSync(path.join(getStore().dataDir, "scenes", scene.id))).toBe(false);
    expect((await callRoute("GET", `/api/scenes/${scene.id}`)).status).toBe(404);
  });
});
