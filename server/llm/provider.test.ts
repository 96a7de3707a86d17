/**
 * The model door against the fixture model server over real HTTP (loopback): structured outputs, JSON-mode
 * fallback and re-ask, retries with Retry-After, timeouts, cancellation, refusals, streaming, usage accounting
 * and secret redaction.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { faults, startModelServer, type ModelServer, type ModelScript } from "../../test/fixtures/model-server";
import { createProvider, type ProviderOptions } from "./provider";
import type { TokenUsage } from "./usage";

const KEY = "sk-test-SECRET-provider-0123456789";
const Room = z.object({ roomType: z.string(), objects: z.array(z.object({ id: z.string() })) });
const SYSTEM = "[roomcode:stage=structure]\nReturn the room.";

let server: ModelServer;
let logs: string[];

async function start(script: ModelScript = {}) {
  server = await startModelServer(script);
  return server;
}

function provider(over: Partial<ProviderOptions> = {}) {
  return createProvider({ apiKey: KEY, baseURL: `${server.url}/v1`, model: "gpt-4.1-mini", timeoutMs: 2000, maxRetries: 2, ...over });
}

beforeEach(() => {
  logs = [];
  for (const level of ["info", "warn", "error", "log", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(" "));
    });
  }
});

afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  // No secret ever reaches a log line.
  expect(logs.join("\n")).not.toContain(KEY);
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("json", () => {
  it("asks for a strict json_schema and validates the answer with zod; reports usage", async () => {
    await start();
    const usage: TokenUsage[] = [];
    const out = await provider().json({ system: SYSTEM, user: "input: prompt\na bedroom", schema: Room, schemaName: "room" }, { stage: "structure", onUsage: (u) => usage.push(u) });
    expect(out.roomType).toBe("bedroom");
    expect(out.objects.map((o) => o.id)).toContain("bed-1");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].responseFormat).toBe("json_schema");
    expect(server.requests[0].authorization).toBe("present");
    expect(usage).toHaveLength(1);
    expect(usage[0].model).toBe("gpt-4.1-mini");
    expect(usage[0].promptTokens).toBeGreaterThan(10);
    expect(usage[0].completionTokens).toBeGreaterThan(10);
  });

  it("falls back to JSON mode when the server rejects json_schema, and stays there", async () => {
    await start({ structuredOutputs: false });
    const p = provider();
    const out = await p.json({ system: SYSTEM, user: "input: prompt\na bedroom", schema: Room, schemaName: "room" }, { stage: "structure" });
    expect(out.roomType).toBe("bedroom");
    expect(server.requests.map((r) => r.answer)).toEqual(["unsupported", "fixture"]);
    expect(server.requests[1].responseFormat).toBe("json_object");
    expect(server.requests[1].system).toContain("JSON schema");
    expect(p.structuredMode()).toBe("json_object");
    await p.json({ system: SYSTEM, user: "input: prompt\nagain", schema: Room, schemaName: "room" }, { stage: "structure" });
    expect(server.requests[2].responseFormat).toBe("json_object");
  });

  it("re-asks once on invalid JSON, quoting the reason", async () => {
    await start({ rules: [faults.invalidJson("structure")] });
    const usage: TokenUsage[] = [];
    const out = await provider().json({ system: SYSTEM, user: "input: prompt\nx", schema: Room, schemaName: "room" }, { stage: "structure", onUsage: (u) => usage.push(u) });
    expect(out.roomType).toBe("bedroom");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].messages).toBe(4);
    expect(server.requests[1].user).toMatch(/not valid JSON/);
    expect(usage).toHaveLength(2);
  });

  it("fails with model_error when the re-ask is invalid too", async () => {
    await start({ rules: [faults.invalidJson("structure", 2)] });
    const e = await rejection(provider().json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" }));
    expect(e.code).toBe("model_error");
    expect(e.message).toMatch(/^engine: structure: .*still invalid after one re-ask/);
    expect(server.requests).toHaveLength(2);
  });

  it("turns a refusal into model_error without retrying", async () => {
    await start({ rules: [faults.refusal("structure")] });
    const e = await rejection(provider().json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" }));
    expect(e.code).toBe("model_error");
    expect(e.message).toMatch(/refused/);
    expect(e.details?.refusal).toMatch(/can't help/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("retries", () => {
  it("honours Retry-After on a 429, then succeeds", async () => {
    await start({ rules: [faults.rateLimited("structure", 1)] });
    const t0 = Date.now();
    const out = await provider().json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" });
    const waited = Date.now() - t0;
    expect(out.roomType).toBe("bedroom");
    expect(server.requests.map((r) => r.answer)).toEqual(["status:429", "fixture"]);
    // The default backoff of the first retry is at most 500 ms; Retry-After asked for 1 s.
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(logs.join("\n")).toMatch(/retry 1\/2 in 1000 ms \(Retry-After\)/);
  });

  it("retries a 500 and succeeds", async () => {
    await start({ rules: [faults.serverError("structure", 1)] });
    const out = await provider().json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" });
    expect(out.roomType).toBe("bedroom");
    expect(server.requests.map((r) => r.answer)).toEqual(["status:500", "fixture"]);
  });

  it("gives up after maxRetries with the status and attempt count", async () => {
    await start({ rules: [faults.serverError("structure", 5)] });
    const e = await rejection(provider({ maxRetries: 1 }).json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" }));
    expect(e.code).toBe("model_error");
    expect(e.details).toMatchObject({ status: 500, attempts: 2, stage: "structure" });
    expect(server.requests).toHaveLength(2);
  });

  it("fails fast when Retry-After exceeds the limit", async () => {
    await start({ rules: [faults.rateLimited("structure", 120)] });
    const t0 = Date.now();
    const e = await rejection(provider().json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" }));
    expect(e.message).toMatch(/retry after 120 s/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("times out an unanswered request and retries it", async () => {
    await start({ rules: [faults.timeout("structure", 1)] });
    const out = await provider({ timeoutMs: 300 }).json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" });
    expect(out.roomType).toBe("bedroom");
    expect(server.requests.map((r) => r.answer)).toEqual(["hang", "fixture"]);
  });

  it("reports a timeout when every attempt times out", async () => {
    await start({ rules: [faults.timeout("structure", 3)] });
    const e = await rejection(provider({ timeoutMs: 200, maxRetries: 1 }).json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" }));
    expect(e.details).toMatchObject({ timeout: true, attempts: 2 });
    expect(e.message).toMatch(/did not answer in time/);
  });
});

describe("cancellation", () => {
  it("aborts a request in flight", async () => {
    await start({ rules: [faults.timeout("structure", 1)] });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await rejection(provider({ timeoutMs: 10_000 }).json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure", signal: ac.signal }));
    expect(e.details).toMatchObject({ cancelled: true });
    expect(server.requests).toHaveLength(1);
  });

  it("aborts while waiting for Retry-After", async () => {
    await start({ rules: [faults.rateLimited("structure", 30)] });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const t0 = Date.now();
    const e = await rejection(provider().json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure", signal: ac.signal }));
    expect(e.details).toMatchObject({ cancelled: true });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });
});

describe("text streaming", () => {
  const CODE = "[roomcode:stage=code]\nWrite the program.";
  const USER = "object_id: bed-1\ncategory: bed\ntarget_size_m: w=1.6 d=2.1 h=1";

  it("streams deltas and reports usage from the final chunk", async () => {
    await start({ chunkChars: 40 });
    const seen: string[] = [];
    const usage: TokenUsage[] = [];
    const text = await provider().text({ system: CODE, user: USER, onDelta: (t) => seen.push(t) }, { stage: "code", onUsage: (u) => usage.push(u) });
    expect(server.requests[0].stream).toBe(true);
    expect(text).toContain("def build(p):");
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[seen.length - 1]).toBe(text);
    for (let i = 1; i < seen.length; i++) expect(seen[i].startsWith(seen[i - 1])).toBe(true);
    expect(usage[0].completionTokens).toBeGreaterThan(100);
  });

  it("retries a stream after a 500 and turns a streamed refusal into model_error", async () => {
    await start({ rules: [faults.serverError("code", 1), faults.refusal("code", "object_id: nightstand-1")] });
    const text = await provider().text({ system: CODE, user: USER }, { stage: "code" });
    expect(text).toContain("headboard");
    const e = await rejection(provider().text({ system: CODE, user: "object_id: nightstand-1\ncategory: nightstand" }, { stage: "code" }));
    expect(e.details?.refusal).toMatch(/can't help/);
  });

  it("times out a stream that stops sending", async () => {
    await start({ rules: [faults.timeout("code", 5)] });
    const e = await rejection(provider({ timeoutMs: 200, maxRetries: 0 }).text({ system: CODE, user: USER }, { stage: "code" }));
    expect(e.details).toMatchObject({ timeout: true });
  });
});

describe("redaction", () => {
  it("never puts the API key into an error or a log line", async () => {
    await start({ rules: [{ stage: "structure", steps: [{ kind: "status", status: 401, message: `Incorrect API key provided: ${KEY}. Bearer ${KEY}` }] }] });
    const e = await rejection(provider().json({ system: SYSTEM, user: "x", schema: Room, schemaName: "room" }, { stage: "structure" }));
    expect(e.message).toMatch(/rejected the API key/);
    expect(JSON.stringify({ m: e.message, d: e.details, s: e.stack })).not.toContain(KEY);
    expect(e.message).toContain("[redacted]");
    expect(server.requests).toHaveLength(1);
  });
});
