/**
 * End to end through the real routes, the real pipeline and store, real Blender and the fixture model server
 * (over real HTTP through the openai SDK): a prompt scene carrying every scripted fault (429 + Retry-After,
 * 500, timeout, invalid JSON, a syntax error repaired, an `import os` policy rejection repaired), a refusal
 * that fails one object, a refusal that fails a scene, and an image scene. Asserts built programs, repair
 * prompts with the traceback and line, failures with reasons, token counts per stage, and that the API key
 * appears in no stored artefact and no log line.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "../../../lib/scene/schema";
import { faults, startModelServer, type ModelServer } from "../../../test/fixtures/model-server";
import { sharedInputsDir, useTempDataDir } from "../../../test/support/env";

const KEY = "sk-test-SECRET-int-9f8e7d6c5b4a3210";
let server: ModelServer;
let dataDir: string;
let callRoute: (typeof import("../../../test/support/routes"))["callRoute"];
const logs: string[] = [];
let bedroomId = "";
const restore: (() => void)[] = [];

beforeAll(async () => {
  dataDir = useTempDataDir("roomcode-openai-");
  server = await startModelServer();
  process.env.ROOMCODE_ENGINE = "openai";
  process.env.OPENAI_BASE_URL = `${server.url}/v1`;
  process.env.OPENAI_API_KEY = KEY;
  process.env.ROOMCODE_MODEL = "gpt-4.1-mini";
  process.env.ROOMCODE_MODEL_TIMEOUT_MS = "1500";
  process.env.ROOMCODE_MODEL_RETRIES = "2";
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const orig = console[level];
    console[level] = (...args: unknown[]) => {
      logs.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    };
    restore.push(() => (console[level] = orig));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const orig = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logs.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (orig as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = orig));
  }
  ({ callRoute } = await import("../../../test/support/routes"));
});

afterAll(async () => {
  const { getRunner } = await import("../../runner");
  await getRunner().close();
  await server?.close();
  for (const r of restore.reverse()) r();
});

async function waitDone(id: string, timeoutMs = 150_000): Promise<Scene> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await callRoute("GET", `/api/scenes/${id}`);
    const { scene } = (await res.json()) as { scene: Scene };
    if (["completed", "failed", "needs_review", "cancelled"].includes(scene.status)) return scene;
    if (Date.now() > until) throw new Error(`scene ${id} still ${scene.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function createPromptScene(prompt: string): Promise<Scene> {
  const res = await callRoute("POST", "/api/scenes", { json: { prompt } });
  expect(res.status).toBe(202);
  const { scene } = (await res.json()) as { scene: Scene };
  expect(scene.engine).toBe("openai");
  return waitDone(scene.id);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function store() {
  return (await import("../../store")).getStore();
}

describe("openai engine end to end", () => {
  it("builds a prompt scene through every retryable fault and repairs a syntax error and an `import os`", async () => {
    server.addRules(
      faults.rateLimited("structure", 1),
      faults.invalidJson("layout"),
      faults.serverError("profile", 1),
      faults.syntaxErrorThenFix("object_id: nightstand-1"),
      faults.importOsThenFix("object_id: table_lamp-1"),
      faults.timeout("decor", 1),
    );
    const first = server.requests.length;
    const scene = await createPromptScene("A cozy bedroom with an oak bed, a nightstand beside it with a table lamp on it, and a beige rug.");
    expect(scene.error).toBeNull();
    expect(scene.status).toBe("completed");
    expect(scene.objects.map((o) => [o.id, o.build.status])).toEqual([
      ["bed-1", "built"],
      ["nightstand-1", "built"],
      ["table_lamp-1", "built"],
      ["rug-1", "built"],
    ]);
    const reqs = server.requests.slice(first);
    const answers = (stage: string) => reqs.filter((r) => r.stage === stage).map((r) => r.answer);
    expect(answers("structure")).toEqual(["status:429", "fixture"]);
    expect(answers("layout")).toEqual(["content", "fixture"]);
    expect(reqs.filter((r) => r.stage === "layout")[1].messages).toBe(4);
    expect(answers("profile").slice(0, 2)).toEqual(["status:500", "fixture"]);
    expect(answers("decor")).toEqual(["hang", "fixture"]);
    expect(reqs.every((r) => r.authorization === "present")).toBe(true);
    // The code prompt carries the Blender version the runner reports.
    const { getRunner } = await import("../../runner");
    const version = getRunner().blenderVersion();
    expect(version).toMatch(/^\d+\.\d+/);
    expect(reqs.find((r) => r.stage === "code")!.system).toContain(`Blender ${version}`);
    expect(reqs.find((r) => r.stage === "repair")!.system).toContain(`Blender ${version}`);
    // The rug is a template: no code request for it.
    expect(reqs.filter((r) => r.stage === "code").map((r) => r.objectId).sort()).toEqual(["bed-1", "nightstand-1", "table_lamp-1"]);

    const st = await store();
    const ns = st.revisions.list(scene.id, "nightstand-1");
    expect(ns.map((r) => r.origin)).toEqual(["generated", "repair"]);
    expect(ns[0].source).toContain("def build(p)\n");
    const nsRepair = reqs.find((r) => r.stage === "repair" && r.objectId === "nightstand-1")!;
    expect(nsRepair.user).toMatch(/error_type: SyntaxError/);
    expect(nsRepair.user).toMatch(/error_line: \d+/);
    expect(nsRepair.user).toMatch(/>\s*\d+ \| def build\(p\)\n/);
    expect(nsRepair.user).toContain("traceback:");

    const lamp = st.revisions.list(scene.id, "table_lamp-1");
    expect(lamp.map((r) => r.origin)).toEqual(["generated", "repair"]);
    const lampRepair = reqs.find((r) => r.stage === "repair" && r.objectId === "table_lamp-1")!;
    expect(lampRepair.user).toMatch(/policy_rule: \S+/);
    expect(lampRepair.user).toMatch(/>\s*\d+ \| import os/);
    expect(scene.objects.find((o) => o.id === "table_lamp-1")!.build.attempts).toBe(2);

    const usage = st.memory.list(scene.id).filter((m) => m.kind === "usage");
    expect(usage.map((u) => u.stage).sort()).toEqual(["code", "decor", "layout", "profile", "structure"]);
    for (const u of usage) {
      const v = u.value as { promptTokens: number; completionTokens: number; model: string };
      expect(v.promptTokens).toBeGreaterThan(0);
      expect(v.completionTokens).toBeGreaterThan(0);
      expect(v.model).toBe("gpt-4.1-mini");
    }
    const notes = st.memory.list(scene.id).filter((m) => m.kind === "notes").flatMap((m) => m.value as string[]);
    expect(notes.join("\n")).toMatch(/prompt structure@\d+; tokens: \d+ in/);
    expect(notes.join("\n")).toMatch(/nightstand-1: repair 1 \(SyntaxError.*\): prompt repair@\d+/);
    expect(scene.decor?.floorMaterial.color).toBe("#c49a6c");
    bedroomId = scene.id;
  });

  it("edits: a parameter-only edit makes no model call; a model rewrite keeps PARAMS names and builds", async () => {
    expect(bedroomId).not.toBe("");
    const st = await store();
    const countsBefore = Object.fromEntries(["bed-1", "nightstand-1", "table_lamp-1", "rug-1"].map((id) => [id, st.revisions.list(bedroomId, id).length]));
    const first = server.requests.length;
    const res = await callRoute("POST", `/api/scenes/${bedroomId}/edits`, { json: { instruction: "make the bed navy" } });
    expect(res.status).toBe(200);
    expect(server.requests.slice(first)).toEqual([]);
    expect(st.revisions.list(bedroomId, "bed-1").length).toBe(countsBefore["bed-1"] + 1);
    for (const id of ["nightstand-1", "table_lamp-1", "rug-1"]) expect(st.revisions.list(bedroomId, id).length).toBe(countsBefore[id]);

    const { routeEdit, rewriteProgram } = await import("./edit");
    const { buildObjectRevision } = await import("../../pipeline");
    const { parseParams } = await import("../../../lib/program/params");
    const scene = st.getScene(bedroomId);
    const bed = scene.objects.find((o) => o.id === "bed-1")!;
    const plan = await routeEdit("give the bed a crest rail on the headboard", { objects: scene.objects.map((o) => ({ id: o.id, category: o.category, params: o.program?.params })) });
    const op = plan.ops.find((o) => o.kind === "rewrite")!;
    expect(op.objectId).toBe("bed-1");
    const source = await rewriteProgram(bed.program!.source, op.rewrite!, { id: bed.id, category: bed.category, targetSize: bed.targetSize, placement: bed.placement }, { blenderVersion: "3.4.1" });
    const before = parseParams(bed.program!.source);
    const after = parseParams(source);
    expect(after.ok && before.ok && Object.keys(after.value)).toEqual(before.ok ? Object.keys(before.value) : null);
    const built = await buildObjectRevision(bedroomId, "bed-1", source, "edit");
    expect(built.object.build.status).toBe("built");
    expect(built.object.build.stats?.parts).toContain("crest");
    expect(server.requests.slice(first).map((r) => r.stage)).toEqual(["edit-route", "edit-rewrite"]);
  });

  it("fails one object (not the scene) when the model refuses its program, and refines an off-size object once", async () => {
    server.addRules(faults.refusal("code", "object_id: bed-1"), faults.wrongSizeThenRefine("object_id: nightstand-1"));
    const first = server.requests.length;
    const scene = await createPromptScene("A bedroom with a bed and a nightstand.");
    expect(scene.status).toBe("completed");
    const bed = scene.objects.find((o) => o.id === "bed-1")!;
    expect(bed.build.status).toBe("failed");
    expect(bed.build.error?.message).toMatch(/engine: code: the model refused/);
    expect(scene.objects.filter((o) => o.id !== "bed-1").every((o) => o.build.status === "built")).toBe(true);
    const ns = (await store()).revisions.list(scene.id, "nightstand-1");
    expect(ns.map((r) => r.origin)).toEqual(["generated", "refine"]);
    const refine = server.requests.slice(first).find((r) => r.stage === "refine")!;
    expect(refine.user).toMatch(/width \(X\): target 0\.5 m, built 0\.800 m \(160%\)/);
    const built = scene.objects.find((o) => o.id === "nightstand-1")!;
    expect(built.build.glbRev).toBe(ns[1].rev);
    expect(built.build.stats!.size.w).toBeCloseTo(0.5, 2);
  });

  it("fails a scene whose structure the model refuses, with the reason", async () => {
    server.addRules(faults.refusal("structure", undefined, 1));
    const scene = await createPromptScene("Something the model refuses.");
    expect(scene.status).toBe("failed");
    expect(scene.error).toMatch(/engine: structure: the model refused/);
  });

  it("builds an image scene with the vision model", async () => {
    const first = server.requests.length;
    // Third-party input image, see ../shared/inputs/SOURCES.md.
    const file = path.join(sharedInputsDir(), "images", "code-as-room-example1.png");
    const form = new FormData();
    form.set("image", new Blob([fs.readFileSync(file)], { type: "image/png" }), "room.png");
    form.set("roomWidth", "5");
    form.set("roomDepth", "4");
    const res = await callRoute("POST", "/api/scenes", { body: form });
    expect(res.status).toBe(202);
    const { scene: created } = (await res.json()) as { scene: Scene };
    const scene = await waitDone(created.id);
    expect(scene.status).toBe("completed");
    expect(scene.objects.map((o) => [o.id, o.build.status])).toEqual([
      ["sofa-1", "built"],
      ["coffee_table-1", "built"],
    ]);
    const structure = server.requests.slice(first).find((r) => r.stage === "structure")!;
    expect(structure.hasImage).toBe(true);
    expect(structure.images[0]).toMatch(/^data:image\/png;base64,/);
    expect(scene.structure?.footprints.map((f) => f.category)).toEqual(["sofa", "coffee_table"]);
  });

  it("falls back to JSON mode (with validation) against a server without structured outputs", async () => {
    server.setStructuredOutputs(false);
    const first = server.requests.length;
    const scene = await createPromptScene("A bedroom with a bed, a nightstand, a lamp and a rug.");
    server.setStructuredOutputs(true);
    expect(scene.status).toBe("completed");
    expect(scene.objects.every((o) => o.build.status === "built")).toBe(true);
    const reqs = server.requests.slice(first);
    const structure = reqs.filter((r) => r.stage === "structure");
    expect(structure.map((r) => [r.responseFormat, r.answer])).toEqual([
      ["json_schema", "unsupported"],
      ["json_object", "fixture"],
    ]);
    // Once detected, later JSON stages go straight to JSON mode.
    expect(reqs.filter((r) => r.stage === "layout" || r.stage === "profile" || r.stage === "decor").every((r) => r.responseFormat === "json_object")).toBe(true);
  });

  it("cancels the model call in flight when the scene's job is aborted", async () => {
    // Earlier scenes' background work (the critic's rounds) must not be counted as calls of this scene.
    await (await import("../../pipeline")).settleAll();
    server.addRules(faults.timeout("structure", 1, "CANCEL-ME"));
    const first = server.requests.length;
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: "A bedroom with a bed. CANCEL-ME" } });
    const { scene } = (await res.json()) as { scene: Scene };
    const until = Date.now() + 10_000;
    while (!server.requests.slice(first).some((r) => r.answer === "hang") && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    const del = await callRoute("DELETE", `/api/scenes/${scene.id}`);
    expect(del.status).toBe(204);
    // The job ended without waiting for the 1.5 s model timeout, and no retry was sent after the abort.
    expect(Date.now() - t0).toBeLessThan(1400);
    await new Promise((r) => setTimeout(r, 2000));
    expect(server.requests.slice(first).map((r) => [r.stage, r.answer])).toEqual([["structure", "hang"]]);
  });

  it("leaves no secret in any stored artefact or log", async () => {
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(fs.readFileSync(f).includes(Buffer.from(KEY)), f).toBe(false);
    expect(logs.join("\n")).not.toContain(KEY);
    expect(logs.join("\n")).toMatch(/engine: structure: model call failed \(429\)/);
  });
});
