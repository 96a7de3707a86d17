/**
 * Every change keeps the room valid: an instruction that leaves an object in another one or in a wall, with no
 * valid spot for it, is refused (409) and changes nothing; one that fits is applied and its message says what
 * moved. Real routes, real Blender, real SQLite, offline engine.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneIssues } from "@/lib/layout/issues";
import type { Scene } from "@/lib/scene/schema";
import { useTempDataDir as tempDataDir } from "@/test/support/env";

const dataDir = tempDataDir("roomcode-keepvalid-");
process.env.ROOMCODE_WORKERS = "2";
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

const PROMPT = "A small bedroom with a queen bed against the back wall, a nightstand next to the bed, a wardrobe in the corner and a desk with a chair.";
let scene: Scene;

beforeAll(async () => {
  await getRunner().ready!(120_000);
  const res = await callRoute("POST", "/api/scenes", { json: { prompt: PROMPT } });
  expect(res.status).toBe(202);
  scene = await pipeline.waitForScene(((await res.json()) as { scene: Scene }).scene.id, 300_000);
  expect(scene.status).toBe("completed");
}, 420_000);

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const edit = (instruction: string) => callRoute("POST", `/api/scenes/${scene.id}/edits`, { json: { instruction } });
const invalid = (s: Scene) => [...sceneIssues(s).values()].flat().filter((i) => i.kind === "collision" || i.kind === "wall" || i.kind === "outside");

describe("instruction edits keep the room valid", () => {
  it("starts valid", () => {
    expect(invalid(getStore().getScene(scene.id))).toEqual([]);
  });

  it("refuses a wardrobe five times as wide as it is, wider than any spot in the room, and changes nothing", async () => {
    const before = getStore().getScene(scene.id);
    const res = await edit("make the wardrobe 5 times as wide");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status, JSON.stringify(body).slice(0, 600)).toBe(409);
    expect(body.error.message).toMatch(/No valid spot/);
    const after = getStore().getScene(scene.id);
    expect(after.objects.map((o) => [o.id, o.placement, o.targetSize, o.build.glbRev])).toEqual(before.objects.map((o) => [o.id, o.placement, o.targetSize, o.build.glbRev]));
    expect(invalid(after)).toEqual([]);
    // The refusal is in the scene's log too, so the editor's stream says why nothing changed.
    const failed = getStore().events.list(scene.id).filter((e) => e.type === "edit.failed").at(-1);
    expect(failed?.data).toMatchObject({ instruction: "make the wardrobe 5 times as wide", code: "conflict" });
  });

  it("applies a rotate and a move next to another object, leaving nothing in a wall or another object", async () => {
    for (const instruction of ["rotate the wardrobe 90 degrees", "move the chair next to the bed", "add a plant in the corner"]) {
      const res = await edit(instruction);
      expect(res.status, instruction).toBe(200);
      expect(invalid(getStore().getScene(scene.id)), instruction).toEqual([]);
    }
  });
});
