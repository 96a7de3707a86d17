/**
 * Model-planned edits end to end: an `openai` scene built from a prompt through the real routes, pipeline,
 * store and Blender with the fixture model server (real HTTP through the openai SDK). An instruction the rule
 * router cannot do goes to the model (edit route + program rewrite) and rebuilds only the named object with
 * its PARAMS names kept; a parameter-only edit makes no model call; the model's unsupported answer, question,
 * refusal and failures come back as typed errors with nothing applied; undo restores the previous revision.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "../../lib/scene/schema";
import { faults, startModelServer, type ModelServer } from "../../test/fixtures/model-server";
import { useTempDataDir } from "../../test/support/env";

let server: ModelServer;
let callRoute: (typeof import("../../test/support/routes"))["callRoute"];
let sceneId = "";

beforeAll(async () => {
  useTempDataDir("roomcode-model-edits-");
  server = await startModelServer();
  process.env.ROOMCODE_ENGINE = "openai";
  process.env.OPENAI_BASE_URL = `${server.url}/v1`;
  process.env.OPENAI_API_KEY = "sk-test-model-edits-0123456789";
  process.env.ROOMCODE_MODEL = "gpt-4.1-mini";
  process.env.ROOMCODE_MODEL_TIMEOUT_MS = "5000";
  process.env.ROOMCODE_MODEL_RETRIES = "1";
  ({ callRoute } = await import("../../test/support/routes"));
});

afterAll(async () => {
  const { getRunner } = await import("../runner");
  await getRunner().close();
  await server?.close();
});

async function store() {
  return (await import("../store")).getStore();
}

async function waitDone(id: string, timeoutMs = 150_000): Promise<Scene> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { scene } = (await (await callRoute("GET", `/api/scenes/${id}`)).json()) as { scene: Scene };
    if (["completed", "failed", "needs_review", "cancelled"].includes(scene.status)) return scene;
    if (Date.now() > until) throw new Error(`scene ${id} still ${scene.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Snap = Record<string, { rev: number | null; glbRev: number | null; sha: string | null; placement: string; params: string }>;

/** Per object: program revision, GLB revision, GLB bytes (sha256), placement and PARAMS. */
async function snapshot(id: string): Promise<Snap> {
  const st = await store();
  const out: Snap = {};
  for (const o of st.getScene(id).objects) {
    const glb = o.build.glbRev ? st.artifacts.get(id, `objects/${o.id}/r${o.build.glbRev}.glb`) : null;
    out[o.id] = {
      rev: o.program?.rev ?? null,
      glbRev: o.build.glbRev,
      sha: glb ? crypto.createHash("sha256").update(glb).digest("hex") : null,
      placement: JSON.stringify(o.placement),
      params: JSON.stringify(o.program?.params ?? null),
    };
  }
  return out;
}

async function edit(instruction: string): Promise<{ status: number; body: { scene?: Scene; error?: { code: string; message: string; details?: Record<string, unknown> } } }> {
  const res = await callRoute("POST", `/api/scenes/${sceneId}/edits`, { json: { instruction } });
  return { status: res.status, body: await res.json() };
}

async function revisionCount(objectId: string): Promise<number> {
  return (await store()).revisions.list(sceneId, objectId).length;
}

const modelAnswer = (a: { ops?: unknown[]; question?: string | null; unsupported?: string | null }) =>
  JSON.stringify({ ops: a.ops ?? [], question: a.question ?? null, unsupported: a.unsupported ?? null, notes: [] });

describe("model-planned edits on an openai scene", () => {
  it("builds the prompt scene with the fixture model", async () => {
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: "A cozy bedroom with an oak bed, a nightstand beside it with a table lamp on it, and a beige rug." } });
    expect(res.status).toBe(202);
    const { scene: created } = (await res.json()) as { scene: Scene };
    expect(created.engine).toBe("openai");
    const scene = await waitDone(created.id);
    expect(scene.status).toBe("completed");
    expect(scene.objects.map((o) => [o.id, o.build.status])).toEqual([
      ["bed-1", "built"],
      ["nightstand-1", "built"],
      ["table_lamp-1", "built"],
      ["rug-1", "built"],
    ]);
    expect(scene.objects.find((o) => o.id === "bed-1")!.build.stats?.parts).not.toContain("crest");
    sceneId = scene.id;
  });

  it("asks the model for an instruction the rules cannot do and rebuilds only the bed, keeping PARAMS names; undo restores it", async () => {
    expect(sceneId).not.toBe("");
    const st = await store();
    const before = await snapshot(sceneId);
    const bedBefore = st.getScene(sceneId).objects.find((o) => o.id === "bed-1")!;
    const revsBefore = await revisionCount("bed-1");
    const first = server.requests.length;
    const seq0 = st.events.list(sceneId).at(-1)?.seq ?? 0;

    const r = await edit("give the bed a carved crest on its headboard");
    expect(r.status, JSON.stringify(r.body.error)).toBe(200);
    const reqs = server.requests.slice(first);
    expect(reqs.map((q) => q.stage)).toEqual(["edit-route", "edit-rewrite"]);
    expect(reqs[0].user).toContain("instruction: give the bed a carved crest on its headboard");
    expect(reqs[0].user).toMatch(/"id":"bed-1","category":"bed".*"params":\{/);
    expect(reqs[1].objectId).toBe("bed-1");
    expect(reqs[1].user).toContain(`PARAMS keys to keep: ${Object.keys(bedBefore.program!.params).join(", ")}`);

    const after = await snapshot(sceneId);
    const bed = st.getScene(sceneId).objects.find((o) => o.id === "bed-1")!;
    expect(await revisionCount("bed-1")).toBe(revsBefore + 1);
    expect(bed.program!.rev).not.toBe(bedBefore.program!.rev);
    expect(bed.program!.origin).toBe("edit");
    expect(bed.build.status).toBe("built");
    expect(bed.build.stats?.parts).toContain("crest");
    expect(Object.keys(bed.program!.params)).toEqual(Object.keys(bedBefore.program!.params));
    expect(after["bed-1"].sha).not.toBe(before["bed-1"].sha);
    for (const id of ["nightstand-1", "table_lamp-1", "rug-1"]) expect(after[id], id).toEqual(before[id]);

    const events = st.events.list(sceneId, seq0);
    const plan = events.find((e) => e.type === "edit.plan")!;
    const data = plan.data as { planner: string; ops: { command: { name: string; args: { objectId: string; build?: { status: string } } } }[]; model: { promptVersion: string; usage: string; calls: string[]; promptTokens: number; completionTokens: number } };
    expect(data.planner).toBe("model");
    expect(data.ops.map((o) => [o.command.name, o.command.args.objectId, o.command.args.build?.status])).toEqual([["set-program", "bed-1", "pending"]]);
    expect(data.model.promptVersion).toMatch(/^edit-route@\d+$/);
    expect(data.model.usage).toMatch(/tokens: \d+ in \/ \d+ out/);
    expect(data.model.calls.join("\n")).toMatch(/prompt edit-rewrite@\d+; tokens: \d+ in/);
    expect(data.model.promptTokens).toBeGreaterThan(0);
    expect(data.model.completionTokens).toBeGreaterThan(0);
    expect(events.map((e) => e.type)).toContain("edit.applied");
    expect(events.findIndex((e) => e.type === "edit.plan")).toBeLessThan(events.findIndex((e) => e.type === "object.built"));

    const undo = await callRoute("POST", `/api/scenes/${sceneId}/undo`);
    expect(undo.status).toBe(200);
    expect(await snapshot(sceneId)).toEqual(before);
    const restored = st.getScene(sceneId).objects.find((o) => o.id === "bed-1")!;
    expect(restored.program!.rev).toBe(bedBefore.program!.rev);
    expect(restored.build.stats?.parts).not.toContain("crest");
  });

  it("does a parameter-only edit without any model request", async () => {
    const before = await snapshot(sceneId);
    const revs = await revisionCount("bed-1");
    const first = server.requests.length;
    const r = await edit("make the bed navy");
    expect(r.status).toBe(200);
    expect(server.requests.slice(first)).toEqual([]);
    expect(await revisionCount("bed-1")).toBe(revs + 1);
    const after = await snapshot(sceneId);
    for (const id of ["nightstand-1", "table_lamp-1", "rug-1"]) expect(after[id]).toEqual(before[id]);
  });

  it("returns the model's unsupported answer, question and refusal as 422s with nothing applied", async () => {
    const text = "Carving a dragon needs a sculpted mesh, which a bpy program of primitives cannot express.";
    server.addRules(
      { stage: "edit-route", match: "DRAGON-CASE", steps: [{ kind: "content", content: modelAnswer({ unsupported: text }) }] },
      { stage: "edit-route", match: "WHICH-CASE", steps: [{ kind: "content", content: modelAnswer({ question: "Which lamp do you mean: the table lamp or a new floor lamp?" }) }] },
      faults.refusal("edit-route", "REFUSE-CASE"),
    );
    const before = await snapshot(sceneId);
    const revs = await revisionCount("bed-1");
    const first = server.requests.length;

    const dragon = await edit("carve a dragon into the bed footboard DRAGON-CASE");
    expect(dragon.status).toBe(422);
    expect(dragon.body.error?.code).toBe("unsupported_edit");
    expect(dragon.body.error?.message).toBe(text);

    const which = await edit("make the glow thing fancier WHICH-CASE");
    expect(which.status).toBe(422);
    expect(which.body.error?.code).toBe("ambiguous");
    expect(which.body.error?.details?.question).toBe("Which lamp do you mean: the table lamp or a new floor lamp?");

    const refused = await edit("give the bed a carved crest REFUSE-CASE");
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe("unsupported_edit");
    expect(refused.body.error?.message).toMatch(/declined.*can't help/);

    expect(server.requests.slice(first).map((q) => [q.stage, q.answer])).toEqual([
      ["edit-route", "content"],
      ["edit-route", "content"],
      ["edit-route", "refusal"],
    ]);
    expect(await snapshot(sceneId)).toEqual(before);
    expect(await revisionCount("bed-1")).toBe(revs);
  });

  it("keeps asking the rules' question without the model, and refuses an empty instruction without it", async () => {
    const first = server.requests.length;
    const add = await edit("add a nightstand");
    expect(add.status).toBe(200);
    const ask = await edit("make the nightstand taller");
    expect(ask.status).toBe(422);
    expect(ask.body.error?.code).toBe("ambiguous");
    const empty = await edit("   ");
    expect(empty.status).toBe(422);
    expect(empty.body.error?.code).toBe("unsupported_edit");
    expect(server.requests.slice(first).some((q) => q.stage === "edit-route" || q.stage === "edit-rewrite")).toBe(false);
  });

  it("turns model failures into model_error (502) and applies nothing", async () => {
    server.addRules(
      faults.serverError("edit-route", 2, "FAIL-ROUTE"),
      { stage: "edit-route", match: "UNKNOWN-ID", steps: [{ kind: "content", content: modelAnswer({ ops: [{ kind: "remove", objectId: "sofa-9", label: "remove the sofa", move: null, params: null, rewrite: null, add: null, room: null }] }) }] },
      { stage: "edit-rewrite", match: "DROP-KEYS", steps: [0, 1].map(() => ({ kind: "content" as const, content: "```python\nPARAMS = {\"width\": 1.6}\n\ndef build(p):\n    return []\n```" })) },
    );
    const before = await snapshot(sceneId);
    const revs = await revisionCount("bed-1");
    const first = server.requests.length;

    const down = await edit("give the bed a carved crest FAIL-ROUTE");
    expect(down.status).toBe(502);
    expect(down.body.error?.code).toBe("model_error");
    expect(down.body.error?.message).toMatch(/model could not plan this edit \(edit-route\).*500/);

    const unknown = await edit("get rid of the settee UNKNOWN-ID");
    expect(unknown.status).toBe(502);
    expect(unknown.body.error?.message).toMatch(/sofa-9, which is not in the scene/);

    const dropped = await edit("give the bed a carved crest DROP-KEYS");
    expect(dropped.status).toBe(502);
    expect(dropped.body.error?.message).toMatch(/edit-rewrite.*PARAMS keys .* were dropped/);

    expect(server.requests.slice(first).map((q) => q.stage)).toEqual(["edit-route", "edit-route", "edit-route", "edit-route", "edit-rewrite", "edit-rewrite"]);
    expect(await snapshot(sceneId)).toEqual(before);
    expect(await revisionCount("bed-1")).toBe(revs);
  });
});
