/**
 * Batches through the real route, SQLite and Blender: moving two objects, recolouring one and copying another is
 * one history entry that one undo reverts (the copy removed, everything else byte-identical); a library op adds
 * the family's program; a bad op changes nothing. Renders: a quick top-plan render streams progress and lists.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { useTempDataDir as tempDataDir } from "@/test/support/env";

tempDataDir("roomcode-batch-");
process.env.ROOMCODE_ENGINE = "offline";
const { callRoute } = await import("@/test/support/routes");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");

let scene: Scene;

async function built(prompt: string): Promise<Scene> {
  const res = await callRoute("POST", "/api/scenes", { json: { prompt } });
  const id = ((await res.json()) as { scene: Scene }).scene.id;
  for (;;) {
    const s = getStore().getScene(id);
    if (s.status === "completed" || s.status === "failed") return s;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  scene = await built("A bedroom with a bed, a nightstand and a wardrobe.");
}, 180_000);

afterAll(async () => {
  await getRunner().close();
});

describe("POST /api/scenes/:id/batch", () => {
  it("applies moves, a recolour and a copy as one undo step", async () => {
    const [a, b] = scene.objects;
    const colour = Object.entries(a.program!.params).find(([, v]) => typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v))![0];
    const before = getStore().history.list(scene.id).length;
    const res = await callRoute("POST", `/api/scenes/${scene.id}/batch`, {
      json: {
        label: "move two, recolour one, copy one",
        ops: [
          { kind: "placement", objectId: a.id, placement: { ...a.placement, x: a.placement.x + 0.2 } },
          { kind: "placement", objectId: b.id, placement: { ...b.placement, yawDeg: 90 } },
          { kind: "params", objectId: a.id, params: { [colour]: "#2a4d69" } },
          { kind: "copy", object: { name: b.name, category: b.category, description: b.description, source: b.program!.source, targetSize: b.targetSize, support: "floor", placement: b.placement } },
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { scene: Scene; created: string[] };
    expect(body.created).toEqual([`${b.category}-${scene.objects.filter((o) => o.category === b.category).length + 1}`]);
    const copy = body.scene.objects.find((o) => o.id === body.created[0])!;
    expect(copy.program!.source).toBe(b.program!.source);
    expect(copy.build.status).toBe("built");
    expect(getStore().history.list(scene.id).length).toBe(before + 1);

    const undo = await callRoute("POST", `/api/scenes/${scene.id}/undo`);
    expect(undo.status).toBe(200);
    const after = getStore().getScene(scene.id);
    expect(after.objects.map((o) => o.id)).toEqual(scene.objects.map((o) => o.id));
    for (const o of after.objects) {
      const p = scene.objects.find((x) => x.id === o.id)!;
      expect(o.placement).toEqual(p.placement);
      expect(o.program!.source).toBe(p.program!.source);
    }
  }, 120_000);

  it("adds a library item with its family's program", async () => {
    const res = await callRoute("POST", `/api/scenes/${scene.id}/batch`, { json: { label: "add round coffee table", ops: [{ kind: "library", key: "coffee_table.round", placement: { x: 0, y: 0, z: 0, yawDeg: 0 } }] } });
    expect(res.status).toBe(200);
    const { scene: s, created } = (await res.json()) as { scene: Scene; created: string[] };
    const added = s.objects.find((o) => o.id === created[0])!;
    expect(added.category).toBe("coffee_table");
    expect(added.program!.params.shape).toBe("round");
  }, 120_000);

  it("rejects an unknown object and changes nothing", async () => {
    const before = getStore().getScene(scene.id);
    const res = await callRoute("POST", `/api/scenes/${scene.id}/batch`, { json: { label: "x", ops: [{ kind: "remove", objectId: before.objects[0].id }, { kind: "remove", objectId: "ghost-1" }] } });
    expect(res.status).toBe(404);
    expect(getStore().getScene(scene.id).objects.length).toBe(before.objects.length);
  });
});

describe("renders", () => {
  it("a quick top-plan render streams its passes and is listed as completed", async () => {
    const res = await callRoute("POST", `/api/scenes/${scene.id}/renders`, { json: { preset: "top", budget: "quick" } });
    expect(res.status).toBe(202);
    const { render } = (await res.json()) as { render: { id: string } };
    for (;;) {
      const list = (await (await callRoute("GET", `/api/scenes/${scene.id}/renders`)).json()) as { renders: { id: string; status: string; passes: { url: string; widthPx: number }[] }[] };
      const r = list.renders.find((x) => x.id === render.id)!;
      if (r.status === "failed") throw new Error("render failed");
      if (r.status === "completed") {
        expect(r.passes.map((p) => p.widthPx)).toEqual([640, 1280]);
        const png = await callRoute("GET", r.passes[1].url);
        expect(png.status).toBe(200);
        expect(png.headers.get("content-type")).toBe("image/png");
        break;
      }
      await new Promise((x) => setTimeout(x, 500));
    }
    const events = getStore().events.list(scene.id, 0).filter((e) => e.type.startsWith("render."));
    expect(events.map((e) => e.type)).toEqual(["render.started", "render.progress", "render.progress", "render.completed"]);
  }, 240_000);
});
