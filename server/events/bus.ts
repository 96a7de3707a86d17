import "server-only";
/**
 * Scene event bus: `appendEvent` persists an event to the append-only log, then publishes it in process;
 * `subscribeEvents` replays stored events after a seq and then follows live ones, without gaps or duplicates
 * (the store write and the publish are synchronous, so no event can fall between replay and live delivery).
 */
import { EventEmitter } from "node:events";
import type { StageEvent, StageEventType, StageName } from "../../lib/scene/schema";
import { getStore } from "../store";

const KEY = Symbol.for("roomcode.events");
type Holder = { [KEY]?: EventEmitter };

function emitter(): EventEmitter {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    g[KEY] = new EventEmitter();
    g[KEY].setMaxListeners(0);
  }
  return g[KEY];
}

/** Persist an event with the scene's next seq and publish it; returns the stored event. */
export function appendEvent(
  sceneId: string,
  type: StageEventType,
  e: { stage?: StageName | null; objectId?: string | null; data?: Record<string, unknown> } = {},
): StageEvent {
  const store = getStore();
  const event = store.transaction(() => store.events.append(sceneId, type, e));
  publishEvent(event);
  return event;
}

/** Publish an already stored event to live subscribers (for events written inside a larger transaction). */
export function publishEvent(event: StageEvent): void {
  emitter().emit(event.sceneId, event);
}

/**
 * Call `onEvent` for every stored event with seq > afterSeq (synchronously, in order), then for each new one.
 * Returns the unsubscribe function.
 */
export function subscribeEvents(sceneId: string, afterSeq: number, onEvent: (e: StageEvent) => void): () => void {
  let last = afterSeq;
  const deliver = (e: StageEvent) => {
    if (e.seq <= last) return;
    last = e.seq;
    onEvent(e);
  };
  const em = emitter();
  em.on(sceneId, deliver);
  try {
    for (const e of getStore().events.list(sceneId, afterSeq)) deliver(e);
  } catch (e) {
    em.off(sceneId, deliver);
    throw e;
  }
  return () => em.off(sceneId, deliver);
}
