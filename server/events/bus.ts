import "server-only";
/**
 * Scene event bus: `appendEvent` persists an event to the append-only log, then publishes it in process and,
 * with REDIS_URL, on a Redis pub/sub channel that every web server sharing the store follows (so a scene whose
 * job runs on one server streams through any other); `subscribeEvents` replays stored events after a seq and then
 * follows live ones, without gaps or duplicates: an event whose seq skips ahead is preceded by the stored events
 * it skipped, and one at or below the last delivered seq is dropped.
 */
import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import IORedis from "ioredis";
import type { StageEvent, StageEventType, StageName } from "../../lib/scene/schema";
import { config } from "../config";
import { getStore } from "../store";

/** Redis pub/sub channel of scene events across web servers. */
export const EVENTS_CHANNEL = "roomcode:events";

const ORIGIN = crypto.randomBytes(6).toString("hex");
const REDIS_KEY = Symbol.for("roomcode.events.redis");
type RedisHolder = { [REDIS_KEY]?: { pub: IORedis; sub: IORedis } | null };

/** The Redis publisher/subscriber pair when REDIS_URL is set (null otherwise); the subscriber feeds the local emitter. */
function redisBus(): { pub: IORedis; sub: IORedis } | null {
  const g = globalThis as RedisHolder;
  if (g[REDIS_KEY] !== undefined) return g[REDIS_KEY];
  const url = config().redisUrl;
  if (!url) return (g[REDIS_KEY] = null);
  const pub = new IORedis(url, { maxRetriesPerRequest: null });
  const sub = new IORedis(url, { maxRetriesPerRequest: null });
  pub.on("error", () => undefined);
  sub.on("error", () => undefined);
  void sub.subscribe(EVENTS_CHANNEL);
  sub.on("message", (_channel: string, raw: string) => {
    try {
      const msg = JSON.parse(raw) as { origin: string; event: StageEvent };
      if (msg.origin !== ORIGIN) emitter().emit(msg.event.sceneId, msg.event);
    } catch {
      // Not one of ours.
    }
  });
  // Connections close with the process; they must not keep a finished script alive.
  for (const c of [pub, sub]) (c as unknown as { stream?: { unref?: () => void } }).stream?.unref?.();
  return (g[REDIS_KEY] = { pub, sub });
}

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

/** Publish an already stored event to live subscribers here and on every other web server (REDIS_URL). */
export function publishEvent(event: StageEvent): void {
  emitter().emit(event.sceneId, event);
  const bus = redisBus();
  if (bus) void bus.pub.publish(EVENTS_CHANNEL, JSON.stringify({ origin: ORIGIN, event })).catch(() => undefined);
}

/**
 * Call `onEvent` for every stored event with seq > afterSeq (synchronously, in order), then for each new one.
 * Returns the unsubscribe function.
 */
export function subscribeEvents(sceneId: string, afterSeq: number, onEvent: (e: StageEvent) => void): () => void {
  let last = afterSeq;
  const deliver = (e: StageEvent) => {
    if (e.seq <= last) return;
    if (e.seq > last + 1) {
      // Skipped ahead (another server's events arrive over Redis): deliver what the log holds in between first.
      for (const s of getStore().events.list(sceneId, last)) {
        if (s.seq >= e.seq) break;
        last = s.seq;
        onEvent(s);
      }
    }
    last = e.seq;
    onEvent(e);
  };
  redisBus();
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
