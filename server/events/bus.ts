import "server-only";
/**
 * Scene event bus: `appendEvent` persists an event to the append-only log, then publishes it in process and,
 * with REDIS_URL, on a Redis pub/sub channel that every web server sharing the store follows (so a scene whose
 * job runs on one server streams through any other); with DATABASE_URL and no REDIS_URL the same fan-out runs on
 * Postgres LISTEN/NOTIFY (./pg-notify.ts). `subscribeEvents` replays stored events after a seq and then
 * follows live ones, without gaps or duplicates: an event whose seq skips ahead is preceded by the stored events
 * it skipped, and one at or below the last delivered seq is dropped.
 */
import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import IORedis from "ioredis";
import type { StageEvent, StageEventType, StageName } from "../../lib/scene/schema";
import { config } from "../config";
import { getStore } from "../store";
import { MAX_NOTIFY_BYTES, PgNotifyChannel } from "./pg-notify";

/** Redis pub/sub channel of scene events across web servers. */
export const EVENTS_CHANNEL = "roomcode:events";

const ORIGIN = crypto.randomBytes(6).toString("hex");
const REDIS_KEY = Symbol.for("roomcode.events.redis");
type RedisHolder = { [REDIS_KEY]?: { pub: IORedis; sub: IORedis; subscribed: Promise<unknown> } | null };
const PG_KEY = Symbol.for("roomcode.events.pg");
type PgHolder = { [PG_KEY]?: PgNotifyChannel | null };

/** The Redis publisher/subscriber pair when REDIS_URL is set (null otherwise); the subscriber feeds the local emitter. */
function redisBus(): { pub: IORedis; sub: IORedis; subscribed: Promise<unknown> } | null {
  const g = globalThis as RedisHolder;
  if (g[REDIS_KEY] !== undefined) return g[REDIS_KEY];
  const url = config().redisUrl;
  if (!url) return (g[REDIS_KEY] = null);
  const pub = new IORedis(url, { maxRetriesPerRequest: null });
  const sub = new IORedis(url, { maxRetriesPerRequest: null });
  pub.on("error", () => undefined);
  sub.on("error", () => undefined);
  const subscribed = sub.subscribe(EVENTS_CHANNEL).catch(() => undefined);
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
  return (g[REDIS_KEY] = { pub, sub, subscribed });
}

/**
 * The LISTEN/NOTIFY channel when DATABASE_URL is set and REDIS_URL is not (null otherwise). A payload is
 * `{ origin, event }`, or `{ origin, sceneId, seq }` when the event is too large for NOTIFY (read back from the log).
 */
function pgBus(): PgNotifyChannel | null {
  const g = globalThis as PgHolder;
  if (g[PG_KEY] !== undefined) return g[PG_KEY];
  const { databaseUrl, redisUrl } = config();
  if (!databaseUrl || redisUrl) return (g[PG_KEY] = null);
  return (g[PG_KEY] = new PgNotifyChannel(databaseUrl, (raw) => {
    let msg: { origin: string; event?: StageEvent; sceneId?: string; seq?: number };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return; // Not one of ours.
    }
    if (msg.origin === ORIGIN) return;
    if (msg.event) {
      emitter().emit(msg.event.sceneId, msg.event);
    } else if (msg.sceneId && typeof msg.seq === "number" && emitter().listenerCount(msg.sceneId) > 0) {
      const [stored] = getStore().events.list(msg.sceneId, msg.seq - 1, 1);
      if (stored?.seq === msg.seq) emitter().emit(msg.sceneId, stored);
    }
  }));
}

/** Resolves once this process follows other web servers' events (Redis SUBSCRIBE or Postgres LISTEN in place); at once when in-process only. */
export async function eventBusReady(): Promise<void> {
  const redis = redisBus();
  if (redis) await redis.subscribed;
  await pgBus()?.ready();
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

/** Publish an already stored event to live subscribers here and on every other web server (REDIS_URL, else DATABASE_URL). */
export function publishEvent(event: StageEvent): void {
  emitter().emit(event.sceneId, event);
  const bus = redisBus();
  if (bus) {
    void bus.pub.publish(EVENTS_CHANNEL, JSON.stringify({ origin: ORIGIN, event })).catch(() => undefined);
    return;
  }
  const pgChannel = pgBus();
  if (!pgChannel) return;
  const whole = JSON.stringify({ origin: ORIGIN, event });
  pgChannel.publish(Buffer.byteLength(whole) <= MAX_NOTIFY_BYTES ? whole : JSON.stringify({ origin: ORIGIN, sceneId: event.sceneId, seq: event.seq }));
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
      // Skipped ahead (another server's events arrive over Redis or NOTIFY): deliver what the log holds in between first.
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
  pgBus();
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
