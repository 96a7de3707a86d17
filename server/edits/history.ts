import "server-only";
/**
 * Scene history on the store's history table: every change is recorded as its named commands with their
 * inverses (plus who and what), program revisions named by number (server/edits/compact.ts); undo applies the
 * inverses, redo the commands, under the objects' locks.
 * Continuous drags of one object merge into one entry.
 */
import { z } from "zod";
import { Command, commandObjectId, describeCommand } from "../../lib/edits/commands";
import { shouldMerge } from "../../lib/edits/history";
import { AppError } from "../../lib/errors";
import type { Scene } from "../../lib/scene/schema";
import { assertSceneIdle } from "../pipeline";
import { getStore, type HistoryEntry as StoredEntry, type Store } from "../store";
import { compactCommands, hydrateCommands } from "./compact";
import { SceneChange } from "./executor";
import { ROOM_LOCK, withObjectLocks } from "./lock";

const Recorded = z.object({ actor: z.string(), kind: z.string(), commands: z.array(Command) });
const Inverse = z.object({ commands: z.array(Command) });

/** A history entry as the API lists it: who, what (kind, label, commands), when, and whether it is undone. */
export interface HistoryItem {
  seq: number;
  kind: string;
  label: string;
  actor: string;
  at: string;
  undone: boolean;
  changes: string[];
  objectIds: string[];
}

function toItem(e: StoredEntry): HistoryItem {
  const rec = Recorded.safeParse(e.command);
  const cmds = rec.success ? rec.data.commands : [];
  return {
    seq: e.seq,
    kind: rec.success ? rec.data.kind : e.name,
    label: e.label,
    actor: rec.success ? rec.data.actor : "unknown",
    at: e.createdAt,
    undone: e.undone,
    changes: cmds.map(describeCommand),
    objectIds: lockIds(cmds).filter((id) => id !== ROOM_LOCK),
  };
}

/** Object ids (and the room lock) a list of commands touches. */
export function lockIds(cmds: readonly Command[]): string[] {
  const ids = new Set<string>();
  for (const c of cmds) {
    ids.add(commandObjectId(c) ?? ROOM_LOCK);
  }
  return [...ids];
}

/**
 * Records a change inside the caller's transaction: `commands` (already applied) and `inverses` (undo order). A
 * single set-placement of the same object by the same actor within the merge window replaces the previous entry's
 * command and keeps its inverse.
 */
export function recordChangeIn(store: Store, sceneId: string, e: { kind: string; label: string; actor: string; commands: Command[]; inverses: Command[] }): HistoryItem {
  const last = store.history.lastDone(sceneId);
  // Merge only into the top of the history (no undone entries after it).
  if (last && !store.history.firstUndone(sceneId)) {
    const rec = Recorded.safeParse(last.command);
    const prev = rec.success ? { id: last.seq, sceneId, kind: rec.data.kind, label: last.label, actor: rec.data.actor, at: last.createdAt, commands: rec.data.commands, inverses: [], undone: false } : null;
    if (prev && shouldMerge(prev, { commands: e.commands, actor: e.actor, at: new Date().toISOString(), kind: e.kind })) {
      const command = { actor: e.actor, kind: e.kind, commands: compactCommands(e.commands) };
      store.history.replace(sceneId, last.seq, { label: e.label, command, inverse: last.inverse });
      return toItem({ ...last, label: e.label, command });
    }
  }
  const pushed = store.history.push(sceneId, { name: e.kind, label: e.label, command: { actor: e.actor, kind: e.kind, commands: compactCommands(e.commands) }, inverse: { commands: compactCommands(e.inverses) } });
  return toItem(pushed);
}

/** History entries of a scene, oldest first. Throws `not_found` for an unknown scene. */
export function listHistory(sceneId: string): HistoryItem[] {
  const store = getStore();
  store.getScene(sceneId);
  return store.history.list(sceneId).map(toItem);
}

/** Undoes the latest done entry; throws `nothing_to_undo` (409) when there is none, `busy` when its objects are being edited. */
export async function undo(sceneId: string): Promise<{ scene: Scene; entry: HistoryItem }> {
  return step(sceneId, "undo");
}

/** Redoes the earliest undone entry; throws `nothing_to_undo` (409, "Nothing to redo") when there is none. */
export async function redo(sceneId: string): Promise<{ scene: Scene; entry: HistoryItem }> {
  return step(sceneId, "redo");
}

async function step(sceneId: string, action: "undo" | "redo"): Promise<{ scene: Scene; entry: HistoryItem }> {
  const store = getStore();
  store.getScene(sceneId);
  assertSceneIdle(sceneId);
  const entry = action === "undo" ? store.history.lastDone(sceneId) : store.history.firstUndone(sceneId);
  if (!entry) throw new AppError("nothing_to_undo", action === "undo" ? "Nothing to undo." : "Nothing to redo.", { action });
  const rec = Recorded.parse(entry.command);
  const inv = Inverse.parse(entry.inverse);
  const cmds = hydrateCommands(store, sceneId, action === "undo" ? inv.commands : rec.commands);
  if (cmds.some((c) => c.name === "set-structure") && store.getScene(sceneId).status !== "needs_review") {
    throw new AppError("conflict", `The picture's corrections were used to generate this room; ${action} can no longer change them.`, { action, seq: entry.seq });
  }
  return withObjectLocks(sceneId, lockIds([...rec.commands, ...inv.commands]), async () => {
    const change = new SceneChange(sceneId);
    for (const c of cmds) change.apply(c);
    const item = toItem({ ...entry, undone: action === "undo" });
    const room = change.scene.room;
    change.emit({ type: "scene.updated", data: { history: { action, seq: entry.seq, label: entry.label, kind: item.kind, objectIds: item.objectIds }, room: room ? { rev: room.program?.rev ?? null, glbRev: room.glbRev } : null } });
    const done = change.commit(null, (s) => s.history.setUndone(sceneId, entry.seq, action === "undo"));
    return { scene: done.scene, entry: item };
  });
}
