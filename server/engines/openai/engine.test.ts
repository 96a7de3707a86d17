/**
 * The openai engine's stages against the fixture model server over real HTTP: conversion of structured
 * answers into the scene model, image resizing, solver after model placements, streaming code, repair and
 * refine prompts, thin-cover templates, edits keeping PARAMS names, prompt versions and usage in the notes.
 */
import sharp from "sharp";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseParams } from "../../../lib/program/params";
import { Scene, SceneObject, type StructureSpec } from "../../../lib/scene/schema";
import { faults, startModelServer, type ModelScript, type ModelServer } from "../../../test/fixtures/model-server";
import { createProvider } from "../../llm/provider";
import type { StageContext } from "../types";
import { routeEdit, rewriteProgram } from "./edit";
import { createOpenAIEngine } from "./index";

const KEY = "sk-test-SECRET-engine-0123456789";
let server: ModelServer;

async function setup(script: ModelScript = {}) {
  server = await startModelServer(script);
  const provider = createProvider({ apiKey: KEY, baseURL: `${server.url}/v1`, model: "gpt-4.1-mini", visionModel: "gpt-4.1", timeoutMs: 2000, maxRetries: 1 });
  return { provider, engine: createOpenAIEngine({ provider }) };
}

function context(): StageContext & { notes: string[]; tokens: { promptTokens: number; completionTokens: number; model: string }[] } {
  const notes: string[] = [];
  const tokens: { promptTokens: number; completionTokens: number; model: string }[] = [];
  return {
    sceneId: "s1",
    memory: [],
    blenderVersion: "3.4.1",
    signal: new AbortController().signal,
    note: (t) => notes.push(t),
    usage: (u) => tokens.push(u),
    notes,
    tokens,
  };
}

function sceneOf(spec: StructureSpec): Scene {
  const now = new Date().toISOString();
  return Scene.parse({
    id: "s1",
    title: "t",
    source: { kind: "prompt", prompt: "a bedroom" },
    engine: "openai",
    structure: spec,
    room: null,
    objects: spec.objects.map((o) =>
      SceneObject.parse({
        ...o,
        route: o.category === "rug" ? "thin_cover" : o.category === "table_lamp" ? "structured_manipuland" : "static_furniture",
        placement: { x: 0, y: 0, z: 0, yawDeg: 0 },
        plan: null,
        program: null,
        build: { status: "pending", glbRev: null, stats: null, error: null, attempts: 0 },
      }),
    ),
    decor: null,
    status: "running",
    stage: "code",
    createdAt: now,
    updatedAt: now,
  });
}

afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
});

describe("structure", () => {
  it("turns the model's answer into a StructureSpec with canonical categories, ids, supports and relations", async () => {
    const { engine } = await setup();
    const ctx = context();
    const spec = await engine.structure(ctx, { prompt: "a cozy bedroom", image: null });
    expect(spec.objects.map((o) => o.id)).toEqual(["bed-1", "nightstand-1", "table_lamp-1", "rug-1"]);
    expect(spec.objects[1].category).toBe("nightstand");
    expect(spec.objects[2].support).toBe("on:nightstand-1");
    expect(spec.objects[0].attributes.color).toBe("#b58a55");
    expect(spec.relations).toContainEqual({ type: "next_to", subject: "nightstand-1", anchor: "bed-1" });
    expect(spec.openings[0]).toMatchObject({ id: "door-1", kind: "door", wall: 0 });
    expect(server.requests[0].user).toContain("a cozy bedroom");
    expect(ctx.notes[0]).toMatch(/^prompt structure@\d+; tokens: \d+ in \/ \d+ out over 1 call \(gpt-4.1-mini\), ~\$/);
    expect(ctx.tokens).toHaveLength(1);
  });

  it("sends an image resized to 1024 px to the vision model and maps boxes back to the original pixels", async () => {
    const { engine } = await setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rc-img-"));
    const file = path.join(dir, "plan.png");
    await sharp({ create: { width: 2048, height: 1536, channels: 3, background: "#ffffff" } }).png().toFile(file);
    const ctx = context();
    const spec = await engine.structure(ctx, { prompt: null, image: { path: file, widthPx: 2048, heightPx: 1536, roomDims: { w: 5, d: 4 } } });
    const req = server.requests[0];
    expect(req.hasImage).toBe(true);
    expect(req.model).toBe("gpt-4.1");
    const sent = await sharp(Buffer.from(req.images[0].replace(/^data:image\/png;base64,/, ""), "base64")).metadata();
    expect([sent.width, sent.height]).toEqual([1024, 768]);
    expect(spec.objects.map((o) => o.id)).toEqual(["sofa-1", "coffee_table-1"]);
    const fp = spec.footprints.find((f) => f.category === "sofa")!;
    expect(fp.boxPx).toEqual({ x: 624, y: 120, w: 800, h: 360 });
    // 800 px of 2048 px across a 5 m room.
    expect(fp.boxM.w).toBeCloseTo((800 / 2048) * 5);
    expect(spec.objects[0].approxCenter![1]).toBeGreaterThan(0);
    expect(spec.objects[0].targetSize.w).toBeCloseTo((800 / 2048) * 5);
  });

  it("fails with model_error when the model refuses", async () => {
    const { engine } = await setup({ rules: [faults.refusal("structure")] });
    await expect(engine.structure(context(), { prompt: "x", image: null })).rejects.toMatchObject({ code: "model_error" });
  });
});

describe("layout", () => {
  it("passes the model's placements to the solver and builds the room shell from the library", async () => {
    const { engine } = await setup();
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const ctx = context();
    const out = await engine.layout(ctx, spec);
    expect(Object.keys(out.placements).sort()).toEqual(spec.objects.map((o) => o.id).sort());
    expect(out.room.programSource).toMatch(/^PARAMS = \{/m);
    expect(server.requests[1].stage).toBe("layout");
    expect(ctx.notes[0]).toMatch(/^prompt layout@\d+;/);
  });

  it("falls back to the solver alone when the model fails, noting why", async () => {
    const { engine } = await setup({ rules: [faults.serverError("layout", 5)] });
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const ctx = context();
    const out = await engine.layout(ctx, spec);
    expect(Object.keys(out.placements)).toHaveLength(4);
    expect(ctx.notes.join("\n")).toMatch(/model placements unavailable \(engine: layout: the model server answered 500/);
  });
});

describe("code, repair and refine", () => {
  it("streams a program with route guidance and the Blender version in the prompt", async () => {
    const { engine } = await setup({ chunkChars: 16 });
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const scene = sceneOf(spec);
    const ctx = context();
    const texts: string[] = [];
    const lamp = scene.objects.find((o) => o.id === "table_lamp-1")!;
    const { source } = await engine.code(ctx, lamp, scene, (t) => texts.push(t));
    expect(source).toMatch(/^"""Table lamp/);
    expect(parseParams(source).ok).toBe(true);
    expect(texts[texts.length - 1]).toBe(source);
    const req = server.requests.at(-1)!;
    expect(req.stream).toBe(true);
    expect(req.system).toContain("Blender 3.4.1");
    expect(req.system).toContain("Route: structured_manipuland");
    expect(req.system).toContain("stack them along +Z");
    expect(ctx.notes[0]).toMatch(/^table_lamp-1: prompt code@\d+, code-routes@\d+; tokens/);
  });

  it("uses the library template for thin covers without a model call", async () => {
    const { engine } = await setup();
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const scene = sceneOf(spec);
    const before = server.requests.length;
    const rug = scene.objects.find((o) => o.id === "rug-1")!;
    const { source } = await engine.code(context(), rug, scene);
    expect(server.requests.length).toBe(before);
    expect(parseParams(source).ok).toBe(true);
  });

  it("sends the error type, line, offending lines, policy rule and traceback to the repair prompt", async () => {
    const { engine } = await setup();
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const scene = sceneOf(spec);
    const ns = scene.objects.find((o) => o.id === "nightstand-1")!;
    const broken = 'import bpy\nimport os\n\nPARAMS = {"width": 0.5}\n\n\ndef build(p):\n    return []\n';
    const ctx = context();
    const out = await engine.repair(ctx, ns, broken, { type: "PolicyError", message: "import of 'os' is not allowed", line: 2, traceback: 'File "<program>", line 2\n    import os', rule: "import:os" }, 1);
    expect(out?.source).toMatch(/"""Nightstand/);
    const req = server.requests.at(-1)!;
    expect(req.stage).toBe("repair");
    expect(req.user).toContain("error_line: 2");
    expect(req.user).toContain("policy_rule: import:os");
    expect(req.user).toMatch(/> *2 \| import os/);
    expect(req.user).toContain('File "<program>", line 2');
    expect(ctx.notes[0]).toMatch(/nightstand-1: repair 1 \(PolicyError, rule import:os, line 2\): prompt repair@/);
  });

  it("asks for JOINTS on the articulated route and repairs from the joint validator's error", async () => {
    const { engine } = await setup();
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const scene = sceneOf(spec);
    const ns = { ...scene.objects.find((o) => o.id === "nightstand-1")!, route: "articulated" as const };
    await engine.code(context(), ns, scene);
    const codeReq = server.requests.at(-1)!;
    expect(codeReq.system).toContain("Route: articulated");
    expect(codeReq.system).toContain("JOINTS = [");
    expect(codeReq.system).toContain('"type": "prismatic"');
    const source = 'import bpy\n\nPARAMS = {"width": 0.5}\n\nJOINTS = [\n    {"name": "d", "type": "prismatic", "parent": "top", "children": ["drawer_9"], "axis": [0, -1, 0], "origin": [0, 0, 0], "limits": [0, 0.3]},\n]\n\n\ndef build(p):\n    return []\n';
    const ctx = context();
    await engine.repair(ctx, ns, source, { type: "JointError", message: "JOINTS of 'nightstand-1': joint d: child part 'drawer_9' was not built (parts: top, drawer_1)", line: 6, traceback: "" }, 1);
    const req = server.requests.at(-1)!;
    expect(req.system).toContain("A JointError names the `JOINTS` entry");
    expect(req.user).toContain("error_type: JointError");
    expect(req.user).toContain("child part 'drawer_9' was not built");
    expect(req.user).toContain("error_line: 6");
  });

  it("asks for a refinement with target and measured sizes", async () => {
    const { engine } = await setup();
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const scene = sceneOf(spec);
    const bed = scene.objects.find((o) => o.id === "bed-1")!;
    const stats = { bbox: { min: [0, 0, 0] as [number, number, number], max: [2.4, 2.1, 1] as [number, number, number] }, size: { w: 2.4, d: 2.1, h: 1 }, vertices: 8, triangles: 12, parts: ["frame"], materials: 1, nonManifoldEdges: 0, timings: {} };
    const out = await engine.refine(context(), bed, "PARAMS = {}\n", stats);
    expect(out?.source).toContain("def build(p):");
    expect(server.requests.at(-1)!.user).toContain("width (X): target 1.6 m, built 2.400 m (150%)");
  });
});

describe("decor", () => {
  it("returns the model's materials and lights clamped into the room", async () => {
    const { engine } = await setup();
    const spec = await engine.structure(context(), { prompt: "a bedroom", image: null });
    const scene = sceneOf(spec);
    const ctx = context();
    const out = await engine.decor(ctx, scene);
    expect(out.decor.floorMaterial).toMatchObject({ name: "oak", color: "#c49a6c" });
    expect(out.decor.lights[0].position[2]).toBeLessThanOrEqual(2.65);
    expect(ctx.notes[0]).toMatch(/^prompt decor@/);
  });
});

describe("edits", () => {
  it("routes an instruction and rewrites a program keeping its PARAMS keys", async () => {
    const { provider } = await setup();
    const notes: string[] = [];
    const plan = await routeEdit("give the bed a crest rail", { objects: [{ id: "bed-1" }] }, { provider, note: (t) => notes.push(t) });
    expect(plan.ops[0]).toMatchObject({ kind: "rewrite", objectId: "bed-1" });
    expect(plan.promptVersion).toMatch(/^edit-route@/);
    const bed = fs.readFileSync(path.resolve(__dirname, "../../../test/fixtures/model-server/programs/bed.py"), "utf8");
    const out = await rewriteProgram(bed, "give the headboard a crest rail", { id: "bed-1", category: "bed" }, { provider, blenderVersion: "3.4.1" });
    expect(out).toContain('"crest"');
    const before = parseParams(bed);
    const after = parseParams(out);
    expect(before.ok && after.ok && Object.keys(after.value)).toEqual(before.ok ? Object.keys(before.value) : null);
    expect(server.requests.at(-1)!.system).toContain("Blender 3.4.1");
  });

  it("re-asks once when a rewrite drops PARAMS keys, then gives up with model_error", async () => {
    const dropped = '```python\nimport bpy\n\nPARAMS = {"width": 1.6}\n\n\ndef build(p):\n    return []\n```';
    const { provider } = await setup({ rules: [{ stage: "edit-rewrite", steps: [{ kind: "content", content: dropped }] }] });
    const bed = fs.readFileSync(path.resolve(__dirname, "../../../test/fixtures/model-server/programs/bed.py"), "utf8");
    const out = await rewriteProgram(bed, "crest rail", { id: "bed-1", category: "bed" }, { provider, blenderVersion: "3.4.1" });
    expect(out).toContain('"headboard": True');
    expect(server.requests.at(-1)!.user).toMatch(/dropped the PARAMS keys depth, height/);
    server.addRules({ stage: "edit-rewrite", steps: [{ kind: "content", content: dropped }, { kind: "content", content: dropped }] });
    await expect(rewriteProgram(bed, "crest rail", { id: "bed-1", category: "bed" }, { provider, blenderVersion: "3.4.1" })).rejects.toMatchObject({ code: "model_error" });
  });
});
