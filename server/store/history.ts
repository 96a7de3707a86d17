import "server-only";
/**
 * Per-scene command history for undo/redo: each entry is a named command with its inverse (JSON), in order.
 * Pushing a new entry drops the undone entries after it (the redo stack), as every editor history does.
 */
import type { SqlDatabase } from "./sql";
import { nowIso } from "./json";

/** A history entry: `name` from the edit command union, a human label, the command and its inverse as JSON values. */
export interface HistoryEntry {
  seq: number;
  name: string;
  label: string;
  command: unknown;
  inverse: unknown;
  undone: boolean;
  createdAt: string;
}

interface Row {
  seq: number;
  name: string;
  label: string;
  command_json: string;
  inverse_json: string;
  undone: number;
  created_at: string;
}

function toEntry(r: Row): HistoryEntry {
  return { seq: r.seq, name: r.name, label: r.label, command: JSON.parse(r.command_json), inverse: JSON.parse(r.inverse_json), undone: r.undone === 1, createdAt: r.created_at };
}

/** Repository of history entries. */
export class HistoryRepo {
  constructor(private readonly db: SqlDatabase) {}

  /** Append a done entry after dropping undone ones; returns it. */
  push(sceneId: string, e: { name: string; label: string; command: unknown; inverse: unknown }): HistoryEntry {
    this.db.prepare(`DELETE FROM history WHERE scene_id = ? AND undone = 1`).run(sceneId);
    const seq = (this.db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM history WHERE scene_id = ?`).get(sceneId) as { n: number }).n;
    const createdAt = nowIso();
    this.db
      .prepare(`INSERT INTO history (scene_id, seq, name, label, command_json, inverse_json, undone, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)`)
      .run(sceneId, seq, e.name, e.label, JSON.stringify(e.command ?? null), JSON.stringify(e.inverse ?? null), createdAt);
    return { seq, name: e.name, label: e.label, command: e.command, inverse: e.inverse, undone: false, createdAt };
  }

  /** Replace the command/inverse (and label) of an entry, e.g. to merge a continuous drag into one entry. */
  replace(sceneId: string, seq: number, e: { label?: string; command: unknown; inverse: unknown }): void {
    this.db
      .prepare(`UPDATE history SET command_json = ?, inverse_json = ?, label = COALESCE(?, label) WHERE scene_id = ? AND seq = ?`)
      .run(JSON.stringify(e.command ?? null), JSON.stringify(e.inverse ?? null), e.label ?? null, sceneId, seq);
  }

  /** Mark an entry undone (true) or done again (false). */
  setUndone(sceneId: string, seq: number, undone: boolean): void {
    this.db.prepare(`UPDATE history SET undone = ? WHERE scene_id = ? AND seq = ?`).run(undone ? 1 : 0, sceneId, seq);
  }

  /** The newest done entry (what undo reverts), or null. */
  lastDone(sceneId: string): HistoryEntry | null {
    const r = this.db.prepare(`SELECT * FROM history WHERE scene_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1`).get(sceneId) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  /** The oldest undone entry (what redo re-applies), or null. */
  firstUndone(sceneId: string): HistoryEntry | null {
    const r = this.db.prepare(`SELECT * FROM history WHERE scene_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1`).get(sceneId) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  /** All entries, oldest first. */
  list(sceneId: string): HistoryEntry[] {
    return (this.db.prepare(`SELECT * FROM history WHERE scene_id = ? ORDER BY seq`).all(sceneId) as Row[]).map(toEntry);
  }
}
