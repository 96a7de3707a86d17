import "server-only";
/**
 * Server-sent events for a scene's log: replay after a seq (Last-Event-ID or `?after=`), then follow live,
 * a heartbeat comment every 15 s, and close after a terminal event that is the newest one (a client that
 * reconnects with Last-Event-ID follows what came after). Headers keep proxies from buffering.
 */
import { TERMINAL_EVENTS, type StageEvent } from "../../lib/scene/schema";
import { getStore } from "../store";
import { subscribeEvents } from "./bus";

/** Heartbeat period (ms). */
export const HEARTBEAT_MS = 15_000;

/** Headers of an SSE response (no caching, no transform, no proxy buffering). */
export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

/** One SSE frame for an event: `id: <seq>`, `event: <type>`, `data: <StageEvent JSON>`. */
export function formatEvent(e: StageEvent): string {
  return `id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

/** The SSE response for a scene after `afterSeq`; the stream ends on a newest terminal event or when `signal` aborts. */
export function sseResponse(sceneId: string, afterSeq: number, signal?: AbortSignal): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let unsubscribe: (() => void) | null = null;
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe?.();
        signal?.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      cleanup = close;
      function send(text: string) {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      }
      signal?.addEventListener("abort", close);
      send(`retry: 2000\n\n`);
      let pendingClose = false;
      unsubscribe = subscribeEvents(sceneId, afterSeq, (e) => {
        send(formatEvent(e));
        if (TERMINAL_EVENTS.includes(e.type) && getStore().events.lastSeq(sceneId) === e.seq) pendingClose = true;
        if (pendingClose) queueMicrotask(close);
      });
      if (pendingClose) close();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
}
