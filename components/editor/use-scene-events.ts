"use client";
/**
 * The SSE side effect: subscribes to `GET /api/scenes/:id/events?after=<lastSeq>`, applies events to the
 * store (de-duplicated by seq), refetches the scene snapshot (throttled) when objects or stages change,
 * and reconnects with backoff after a drop; the browser also resends `Last-Event-ID` on its own retries.
 */
import { useEffect } from "react";
import { StageEvent, StageEventType, TERMINAL_EVENTS, type SceneStatus } from "@/lib/scene";
import { fetchScene } from "./api";
import type { EditorStore } from "./editor-store";

const TERMINAL_STATUS: readonly SceneStatus[] = ["completed", "failed", "needs_review", "cancelled"];
const REFRESH_ON: readonly string[] = [
  "stage.completed",
  "stage.output",
  "object.code",
  "object.built",
  "object.failed",
  "scene.updated",
  "edit.applied",
  "edit.failed",
  ...TERMINAL_EVENTS,
];

/** Keep the store in sync with the scene's event log while the editor is open. */
export function useSceneEvents(store: EditorStore): void {
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let attempt = 0;
    let fetching = false;
    let dirty = false;
    const id = store.getState().sceneId;

    const refresh = async () => {
      if (fetching) {
        dirty = true;
        return;
      }
      fetching = true;
      do {
        dirty = false;
        const r = await fetchScene(id);
        if (r.ok && !stopped) store.getState().setScene(r.value.scene, undefined);
      } while (dirty && !stopped);
      fetching = false;
    };

    const onMessage = (msg: MessageEvent<string>) => {
      let parsed: StageEvent;
      try {
        parsed = StageEvent.parse(JSON.parse(msg.data));
      } catch {
        return;
      }
      attempt = 0;
      const applied = store.getState().applyEvent(parsed);
      if (!applied) return;
      if (REFRESH_ON.includes(parsed.type)) void refresh();
      if (TERMINAL_EVENTS.includes(parsed.type)) {
        source?.close();
        source = null;
        store.getState().setConnection("closed");
      }
    };

    const open = () => {
      if (stopped) return;
      const after = store.getState().lastSeq;
      store.getState().setConnection(attempt === 0 ? "connecting" : "reconnecting");
      const es = new EventSource(`/api/scenes/${encodeURIComponent(id)}/events?after=${after}`);
      source = es;
      es.onopen = () => store.getState().setConnection("open");
      es.onmessage = onMessage;
      for (const t of StageEventType.options) es.addEventListener(t, onMessage as EventListener);
      es.onerror = () => {
        // WARNING: EventSource retries on its own forever, even when the server ended the stream on
        // purpose; close it and decide from the snapshot whether the scene is still producing events.
        es.close();
        if (source === es) source = null;
        if (stopped) return;
        store.getState().setConnection("reconnecting");
        void (async () => {
          const r = await fetchScene(id);
          if (stopped) return;
          if (r.ok) {
            store.getState().setScene(r.value.scene, undefined);
            if (TERMINAL_STATUS.includes(r.value.scene.status) && r.value.lastSeq <= store.getState().lastSeq) {
              store.getState().setConnection("closed");
              return;
            }
          }
          attempt += 1;
          retry = setTimeout(open, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)));
        })();
      };
    };

    const scene = store.getState().scene;
    if (!scene || !TERMINAL_STATUS.includes(scene.status)) open();
    else store.getState().setConnection("closed");

    // Reopen when an action asks for it (e.g. an edit after the job stream ended).
    const unsub = store.subscribe((s, prev) => {
      if (s.resubscribe !== prev.resubscribe && !source) {
        if (retry) clearTimeout(retry);
        attempt = 0;
        open();
      }
    });

    return () => {
      stopped = true;
      unsub();
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [store]);
}
