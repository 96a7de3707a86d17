import { describe, expect, it } from "vitest";
import { encodeJob, parseWorkerMessage, PROTOCOL_VERSION, splitLines } from "./protocol";

describe("worker protocol", () => {
  it("parses the ready message", () => {
    const r = parseWorkerMessage(JSON.stringify({ v: 1, id: null, kind: "ready", blender: "3.4.1", python: "3.11.2", pid: 2 }));
    expect(r).toEqual({ ok: true, value: { type: "ready", v: 1, id: null, kind: "ready", blender: "3.4.1", python: "3.11.2", pid: 2 } });
  });

  it("parses a failed result with a structured error and fills defaults", () => {
    const r = parseWorkerMessage(JSON.stringify({ v: 1, id: "j3", ok: false, error: { type: "KeyError", message: "'x'", line: 7 } }));
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === "result") {
      expect(r.value.error).toEqual({ type: "KeyError", message: "'x'", line: 7, traceback: "" });
      expect(r.value.prints).toBe("");
      expect(r.value.stray).toBe(0);
    }
  });

  it("rejects another protocol version, non-JSON and malformed errors", () => {
    expect(parseWorkerMessage(JSON.stringify({ v: 2, id: "j1", ok: true })).ok).toBe(false);
    expect(parseWorkerMessage("Blender quit").ok).toBe(false);
    const bad = parseWorkerMessage(JSON.stringify({ v: 1, id: "j1", ok: false, error: { type: "X", line: "seven" } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^runner: bad result message at error/);
  });

  it("encodes a job as one line with version, id and kind winning over the body", () => {
    const line = encodeJob("j9", "check", { source: "a\nb", v: 99, id: "evil" });
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ source: "a\nb", v: PROTOCOL_VERSION, id: "j9", kind: "check" });
  });

  it("splits a stream into complete lines and keeps the partial rest", () => {
    expect(splitLines('{"a":1}\n\n{"b"')).toEqual({ lines: ['{"a":1}'], rest: '{"b"' });
    expect(splitLines("")).toEqual({ lines: [], rest: "" });
  });
});
