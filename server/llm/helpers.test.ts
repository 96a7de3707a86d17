/** Retry-After parsing, backoff, redaction, JSON/Python extraction and cost accounting of the model door. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extractPython, parseJsonText, parseWith } from "./extract";
import { redactDeep, redactSecrets, registerSecret } from "./redact";
import { backoffMs, retryAfterMs } from "./retry";
import { costUsd, UsageMeter } from "./usage";

describe("retryAfterMs", () => {
  it("reads delay-seconds, HTTP-dates and retry-after-ms", () => {
    const now = Date.parse("2026-11-20T10:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": "Fri, 20 Nov 2026 10:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeNull();
    expect(retryAfterMs(new Headers(), now)).toBeNull();
  });

  it("backs off exponentially with at most 25% jitter, capped at 8 s", () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(2, () => 0)).toBe(2000);
    expect(backoffMs(2, () => 1)).toBe(1500);
    expect(backoffMs(10, () => 0)).toBe(8000);
  });
});

describe("redaction", () => {
  it("removes registered secrets, sk- tokens and bearer credentials", () => {
    registerSecret("my-local-server-token-42");
    const text = "key sk-proj-AbCdEf1234567890 and Bearer abcdef123456 and my-local-server-token-42";
    const out = redactSecrets(text);
    expect(out).not.toMatch(/AbCdEf|abcdef123456|token-42/);
    expect(out).toBe("key [redacted] and Bearer [redacted] and [redacted]");
    expect(redactSecrets("GET http://admin:hunter22@127.0.0.1:8000/v1 failed")).toBe("GET http://[redacted]@127.0.0.1:8000/v1 failed");
    expect(redactDeep({ headers: { Authorization: "x" }, m: ["sk-abcdefghijkl"] })).toEqual({ headers: { Authorization: "[redacted]" }, m: ["[redacted]"] });
  });
});

describe("extraction", () => {
  it("takes the longest python block, or the whole text", () => {
    expect(extractPython("x\n```python\nimport bpy\n```\n```\na\n```")).toBe("import bpy\n");
    expect(extractPython("import bpy\nPARAMS = {}\n")).toBe("import bpy\nPARAMS = {}\n");
    expect(extractPython("```python\nimport bpy\nPARAMS = {}")).toBe("import bpy\nPARAMS = {}\n");
  });

  it("parses fenced or embedded JSON and explains schema mismatches", () => {
    expect(parseJsonText('Sure: {"a": 1} done')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText('```json\n{"a": [1]}\n```')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJsonText("{nope").ok).toBe(false);
    const r = parseWith(z.object({ a: z.string() }), '{"a": 3}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^the JSON does not match the schema \(a: /);
  });
});

describe("usage", () => {
  it("prices known models and sums calls", () => {
    expect(costUsd({ model: "gpt-4.1-mini", promptTokens: 1_000_000, completionTokens: 1_000_000 })).toBeCloseTo(2.0);
    expect(costUsd({ model: "gpt-4.1-2025-04-14", promptTokens: 1_000_000, completionTokens: 0 })).toBeCloseTo(2.0);
    expect(costUsd({ model: "llama3.1:8b", promptTokens: 10, completionTokens: 10 })).toBeNull();
    const m = new UsageMeter();
    m.add({ model: "gpt-4.1-mini", promptTokens: 1000, completionTokens: 500 });
    m.add({ model: "gpt-4.1-mini", promptTokens: 200, completionTokens: 100 });
    expect(m.summary()).toBe("tokens: 1200 in / 600 out over 2 calls (gpt-4.1-mini), ~$0.0014");
  });
});
