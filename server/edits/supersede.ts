import "server-only";
/**
 * The newest value wins: a PARAMS, colour or program change of an object that arrives while an earlier one of the
 * same object is still queued or building cancels the earlier build (its pool job is dequeued or its worker killed),
 * waits for it to let go of the object, and then runs. The cancelled change throws AppError `superseded` and leaves
 * no revision, no GLB and no history entry. State is per process on globalThis, like the edit locks.
 */
import { AppError } from "../../lib/errors";

const KEY = Symbol.for("roomcode.edits.supersede");
type Entry = { controller: AbortController; settled: Promise<void> };
type Holder = { [KEY]?: Map<string, Entry> };

function entries(): Map<string, Entry> {
  const g = globalThis as Holder;
  g[KEY] ??= new Map();
  return g[KEY];
}

/**
 * Runs `fn(signal)` as the newest change of (sceneId, objectId) after cancelling and awaiting the previous one;
 * `signal` aborts when a newer change arrives. Throws AppError `superseded` when it is replaced before it starts.
 */
export async function newestWins<T>(sceneId: string, objectId: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const key = `${sceneId}\u0000${objectId}`;
  const map = entries();
  const prev = map.get(key);
  const controller = new AbortController();
  let release!: () => void;
  const settled = new Promise<void>((r) => (release = r));
  map.set(key, { controller, settled });
  try {
    if (prev) {
      prev.controller.abort();
      await prev.settled;
    }
    if (controller.signal.aborted) throw new AppError("superseded", `The change of ${objectId} was replaced by a newer one before it started.`, { objectId });
    return await fn(controller.signal);
  } finally {
    if (map.get(key)?.controller === controller) map.delete(key);
    release();
  }
}
