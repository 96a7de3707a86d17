/** The event bus and SSE stream against real SQLite: replay + live without gaps, heartbeat comments, close on a newest terminal event. */
import fs from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir();
const { getStore } = await import("@/server/store");
const { appendEvent, subscribeEvents } = await import("./bus");
const { sseResponse, HEARTBEAT_MS } = await import("./sse");

afterAll(() => {
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function scene(id: string): void {
  getStore().scenes.insert({ id, title: id, source: { kind: "prompt", prompt: "x" }, engine: "offline", status: "running" });
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
  const { value, done } = await reader.read();
  return done ? null : new TextDecoder().decode(value);
}

describe("event bus", () => {
  it("replays stored events after a seq, then delivers live ones exactly once", () => {
    scene("bus");
    appendEvent("bus", "job.started", { data: {} });
    appendEvent("bus", "stage.started", { stage: "structure", data: {} });
    const got: number[] = [];
    const off = subscribeEvents("bus", 1, (e) => got.push(e.seq));
    appendEvent("bus", "stage.completed", { stage: "structure", data: {} });
    off();
    appendEvent("bus", "stage.started", { stage: "layout", data: {} });
    expect(got).toEqual([2, 3]);
  });
});

describe("SSE stream", () => {
  it("sends heartbeats while idle and closes after a terminal event that is the newest", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      scene("sse");
      appendEvent("sse", "job.started", { data: {} });
      const res = sseResponse("sse", 0);
      expect(res.headers.get("x-accel-buffering")).toBe("no");
      const reader = res.body!.getReader();
      let text = "";
      while (!text.includes("event: job.started")) text += (await readChunk(reader)) ?? "";
      expect(text).toContain("id: 1\nevent: job.started\ndata: {");
      vi.advanceTimersByTime(HEARTBEAT_MS);
      expect(await readChunk(reader)).toMatch(/^: heartbeat \d+\n\n$/);
      appendEvent("sse", "job.completed", { data: {} });
      const last = await readChunk(reader);
      expect(last).toContain("id: 2\nevent: job.completed");
      expect(await readChunk(reader)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps following when the replayed terminal event is not the newest", async () => {
    scene("sse2");
    appendEvent("sse2", "scene.needs_review", { data: {} });
    appendEvent("sse2", "job.started", { data: {} });
    const reader = sseResponse("sse2", 0).body!.getReader();
    let text = "";
    while (!text.includes("event: job.started")) text += (await readChunk(reader)) ?? "";
    appendEvent("sse2", "job.completed", { data: {} });
    while (!text.includes("event: job.completed")) text += (await readChunk(reader)) ?? "";
    expect(await readChunk(reader)).toBeNull();
    expect(text.match(/^id: /gm)).toHaveLength(3);
  });
});
