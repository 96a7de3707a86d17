/**
 * Shared steps of the hostile-program suites: scenes built through the real routes, a hostile program saved
 * with `PUT .../program` as a designer (or a model) would, and the checks that follow every attack: what the
 * response says, that the attacked object kept its last good revision, that every other scene is byte-identical,
 * and that the pool still builds.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { callRoute } from "@/test/support/routes";

/** An object program (DESIGN.md section 4) whose build() runs `body` (indented by 4) and then adds a cube. */
export function program(body: string, header = ""): string {
  const indented = body
    .trim()
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
  return `"""Hostile test program."""\nimport bpy\n${header}\nPARAMS = {"size": 0.4}\n\n\ndef build(p):\n${indented}\n    bpy.ops.mesh.primitive_cube_add(size=p["size"], location=(0, 0, p["size"] / 2))\n    bpy.context.active_object.name = "body"\n    return [bpy.context.active_object]\n`;
}

/** Create a prompt scene through `POST /api/scenes` and wait until it has settled; throws unless it completed. */
export async function createScene(prompt: string, wait: (id: string, ms: number) => Promise<Scene>): Promise<Scene> {
  const res = await callRoute("POST", "/api/scenes", { json: { prompt } });
  expect(res.status).toBe(202);
  const { scene } = (await res.json()) as { scene: Scene };
  const done = await wait(scene.id, 240_000);
  expect(done.status, JSON.stringify(done.error)).toBe("completed");
  return done;
}

/** sha256 of every file under `dir` (relative path -> hex), for byte-identity checks. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** What `PUT .../objects/:oid/program` answered: status and the typed error body (or the object). */
export interface PutOutcome {
  status: number;
  error: { code: string; message: string; details?: { line?: number | null; type?: string | null; rule?: string; traceback?: string } } | null;
  body: Record<string, unknown>;
}

/** Save `source` as the program of `objectId` through the real route. */
export async function putProgram(sceneId: string, objectId: string, source: string): Promise<PutOutcome> {
  const res = await callRoute("PUT", `/api/scenes/${sceneId}/objects/${objectId}/program`, { json: { source } });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, error: (body.error as PutOutcome["error"]) ?? null, body };
}

/** The GLB bytes `GET .../model.glb` serves for an object now. */
export async function servedGlb(sceneId: string, objectId: string): Promise<Buffer> {
  const res = await callRoute("GET", `/api/scenes/${sceneId}/objects/${objectId}/model.glb`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Health as the route reports it. */
export async function health(): Promise<{ ok: boolean; pool: { size: number; alive: number } }> {
  const res = await callRoute("GET", "/api/health");
  return (await res.json()) as { ok: boolean; pool: { size: number; alive: number } };
}

/** The server modules a suite imports after pointing ROOMCODE_DATA_DIR at its temp dir. */
export interface ServerModules {
  pipeline: Pick<typeof import("@/server/pipeline"), "waitForScene" | "settleAll">;
  getRunner: typeof import("@/server/runner").getRunner;
  getStore: typeof import("@/server/store").getStore;
}

/** Prompt of the scene under attack, and of the bystander scene that must stay byte-identical. */
export const VICTIM_PROMPT = "A small bedroom with a bed and a nightstand.";
export const BYSTANDER_PROMPT = "A small office with a desk and an office chair.";

/** Build the victim and bystander scenes; returns them, the attacked object id and the bystander's file hashes. */
export async function buildAttackScenes(m: ServerModules): Promise<{ victim: Scene; bystander: Scene; target: string; bystanderFiles: Record<string, string> }> {
  expect(await m.getRunner().ready!(120_000)).toBe(true);
  const victim = await createScene(VICTIM_PROMPT, m.pipeline.waitForScene);
  const bystander = await createScene(BYSTANDER_PROMPT, m.pipeline.waitForScene);
  await m.pipeline.settleAll(); // thumbnails are rendered after completion
  return { victim, bystander, target: victim.objects[0].id, bystanderFiles: hashTree(path.join(m.getStore().dataDir, "scenes", bystander.id)) };
}

/** Let background work end, stop the pool, close the store and remove the suite's data dir. */
export async function closeServer(m: ServerModules, dataDir: string): Promise<void> {
  await m.pipeline.settleAll();
  await m.getRunner().close();
  m.getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** A plain program that must build after any attack (the pool is healthy). */
export const GOOD_PROGRAM = program("pass");
