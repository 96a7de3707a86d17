/**
 * The critic through the real pipeline, store, Blender and the fixture model server (real HTTP): after a model
 * engine scene is built, the vision model sees a render beside the prompt, proposes an edit that goes through the
 * edit router, then is satisfied; at most two rounds. Off for offline scenes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "../../lib/scene/schema";
import { startModelServer, type ModelServer } from "../../test/fixtures/model-server";
import { useTempDataDir } from "../../test/support/env";

let server: ModelServer;
let callRoute: (typeof import("../../test/support/routes"))["callRoute"];

beforeAll(async () => {
  useTempDataDir("roomcode-critic-");
  server = await startModelServer();
  process.env.ROOMCODE_ENGINE = "openai";
  process.env.OPENAI_BASE_URL = `${server.url}/v1`;
  process.env.OPENAI_API_KEY = "sk-test-critic";
  process.env.ROOMCODE_MODEL = "gpt-4.1-mini";
  process.env.ROOMCODE_MODEL_RETRIES = "0";
  ({ callRoute } = await import("../../test/support/routes"));
});

afterAll(async () => {
  const { getRunner } = await import("../runner");
  await getRunner().close();
  await server?.close();
});

async function until<T>(f: () => Promise<T | null>, ms = 150_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe("critic", () => {
  it("looks at a render beside the prompt, applies its edit through the router, then stops when satisfied", async () => {
    server.addRules({ stage: "critic", steps: [{ kind: "content", content: JSON.stringify({ done: false, edits: ["remove the rug"], notes: "The prompt asks for no rug... but the room has one." }) }] });
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: "A cozy bedroom with an oak bed, a nightstand beside it with a table lamp on it, and a beige rug." } });
    const id = ((await res.json()) as { scene: Scene }).scene.id;
    const { getStore } = await import("../store");
    const store = getStore();
    const critic = () => store.events.list(id, 0).filter((e) => e.type === "stage.output" && (e.data as { critic?: unknown }).critic);
    const outputs = await until(async () => {
      const c = critic();
      return c.some((e) => (e.data.critic as { done?: boolean }).done) ? c : null;
    });
    expect(outputs.map((e) => (e.data.critic as { round: number }).round)).toEqual([1, 2]);
    const requests = server.requests.filter((r) => r.stage === "critic");
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.hasImage)).toBe(true);
    expect(requests[0].user).toContain("a beige rug");
    const scene = store.getScene(id);
    expect(scene.objects.map((o) => o.category)).not.toContain("rug");
    const history = store.history.list(id);
    expect(history.some((h) => h.label === "remove the rug" && (h.command as { actor?: string }).actor === "critic")).toBe(true);
  }, 240_000);

  it("is off for offline scenes and with ROOMCODE_CRITIC=0", async () => {
    const { criticEnabled } = await import("./index");
    expect(criticEnabled({ engine: "offline" })).toBe(false);
    expect(criticEnabled({ engine: "openai" }, {})).toBe(true);
    expect(criticEnabled({ engine: "openai" }, { ROOMCODE_CRITIC: "0" })).toBe(false);
  });
});
