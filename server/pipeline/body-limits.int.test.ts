/**
 * Request bodies are cut off at their limit as they stream in, through the real routes (callRoute): a chunked
 * 100 MB body without Content-Length, generated on the fly, gets 413 `payload_too_large` after reading little
 * more than the limit, and the process RSS grows by far less than the body (JSON and multipart).
 */
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir("roomcode-limits-");
const { callRoute } = await import("@/test/support/routes");
const { getStore } = await import("@/server/store");

const BODY_BYTES = 100 * 1024 * 1024;
const CHUNK = 64 * 1024;
/** Generous bound on RSS growth (bytes): the body is 100 MB; the image part may be held up to its 20 MB limit. */
const MAX_RSS_GROWTH = 60 * 1024 * 1024;

afterAll(() => {
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A `total`-byte stream of fresh chunks (so that buffering it would really cost memory), after `prefix`; counts what was pulled. */
function hugeBody(total: number, prefix = new Uint8Array(0)): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (first) {
        first = false;
        if (prefix.length) {
          sent += prefix.length;
          controller.enqueue(prefix);
          return;
        }
      }
      if (sent >= total) return controller.close();
      const n = Math.min(CHUNK, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x20 + (sent % 64)));
    },
  });
  return { stream, pulled: () => sent };
}

/** Run `fn` while sampling RSS every 5 ms; returns its result and the peak growth over the starting RSS (bytes). */
async function peakRssGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - start };
  } finally {
    clearInterval(timer);
  }
}

async function errorCode(res: Response): Promise<string | undefined> {
  return ((await res.json()) as { error?: { code?: string } }).error?.code;
}

describe("streamed body limits", () => {
  it("cuts a chunked 100 MB JSON body off at 2 MiB: 413, memory flat", async () => {
    // Warm the route module first, so that loading it is not counted as growth.
    await callRoute("POST", "/api/scenes", { json: {} });
    const body = hugeBody(BODY_BYTES, new TextEncoder().encode('{"prompt":"'));
    const { result: res, growth } = await peakRssGrowth(() => callRoute("POST", "/api/scenes", { body: body.stream, headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe("payload_too_large");
    expect(body.pulled()).toBeLessThan(8 * 1024 * 1024);
    expect(growth).toBeLessThan(MAX_RSS_GROWTH);
  });

  it("cuts a chunked 100 MB JSON body off on a scene route too (edits)", async () => {
    getStore().scenes.insert({ id: "limits", title: "t", source: { kind: "prompt", prompt: "a room" }, engine: "offline", status: "completed" });
    const body = hugeBody(BODY_BYTES);
    const res = await callRoute("POST", "/api/scenes/limits/edits", { body: body.stream, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const body = hugeBody(BODY_BYTES);
    const res = await callRoute("POST", "/api/scenes", { body: body.stream, headers: { "content-type": "application/json", "content-length": String(BODY_BYTES) } });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it("cuts a chunked 100 MB multipart image off at the 20 MB image limit: 413, memory flat", async () => {
    const head = new TextEncoder().encode('--XBOUNDARY\r\nContent-Disposition: form-data; name="image"; filename="huge.png"\r\nContent-Type: image/png\r\n\r\n');
    const body = hugeBody(BODY_BYTES, head);
    const { result: res, growth } = await peakRssGrowth(() => callRoute("POST", "/api/scenes", { body: body.stream, headers: { "content-type": "multipart/form-data; boundary=XBOUNDARY" } }));
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe("payload_too_large");
    expect(body.pulled()).toBeLessThan(30 * 1024 * 1024);
    expect(growth).toBeLessThan(MAX_RSS_GROWTH);
  });

  it("cuts 100 MB of bytes that busboy would skip (a preamble before the first boundary) off at the 40 MB body limit", async () => {
    const body = hugeBody(BODY_BYTES);
    const res = await callRoute("POST", "/api/scenes", { body: body.stream, headers: { "content-type": "multipart/form-data; boundary=XB" } });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(41 * 1024 * 1024);
  });

  it("refuses a form with too many fields (413)", async () => {
    const fields = Array.from({ length: 50 }, (_, i) => `--XB\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join("") + "--XB--\r\n";
    const res = await callRoute("POST", "/api/scenes", { body: fields, headers: { "content-type": "multipart/form-data; boundary=XB" } });
    expect(res.status).toBe(413);
  });

  it("answers a malformed multipart body with 400 bad_request", async () => {
    const res = await callRoute("POST", "/api/scenes", { body: "not multipart", headers: { "content-type": "multipart/form-data" } });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe("bad_request");
  });
});
