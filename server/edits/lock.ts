import "server-only";
/**
 * Per-object edit locks (in process, kept on globalThis): two edits of the same object at once get a clear
 * `busy` error instead of racing; different objects of one scene can be edited concurrently.
 */
import { AppError } from "../../lib/errors";

const KEY = Symbol.for("roomcode.edits.locks");
type Holder = { [KEY]?: Set<string> };

function held(): Set<string> {
  const g = globalThis as Holder;
  g[KEY] ??= new Set();
  return g[KEY];
}

/** Lock id of the room shell (room-level edits lock it like an object). */
export const ROOM_LOCK = "@room";

/**
 * Runs `fn` holding locks on `ids` of the scene; throws AppError `busy` (409) at once when any is held,
 * naming the object. Locks are released when `fn` settles.
 */
export async function withObjectLocks<T>(sceneId: string, ids: readonly string[], fn: () => Promise<T>): Promise<T> {
  const set = held();
  const keys = [...new Set(ids)].map((id) => `${sceneId}\u0000${id}`);
  const taken = keys.findIndex((k) => set.has(k));
  if (taken >= 0) {
    const id = [...new Set(ids)][taken];
    throw new AppError("busy", `${id === ROOM_LOCK ? "The room" : id} is being edited right now; try again when that edit finishes.`, { objectId: id });
  }
  for (const k of keys) set.add(k);
  try {
    return await fn();
  } finally {
    for (const k of keys) set.delete(k);
  }
}
