import "server-only";
/** Cross-stage memory entries (Code-as-Room): appended per stage, read back in order. */
import type { SqlDatabase } from "./sql";
import type { MemoryEntry, StageName } from "../../lib/scene/schema";
import { fromJson } from "./json";

interface Row {
  stage: string;
  kind: string;
  key: string;
  value_json: string;
  created_at: string;
}

/** Repository of memory entries. */
export class MemoryRepo {
  constructor(private readonly db: SqlDatabase) {}

  /** Append entries for a scene. */
  add(sceneId: string, entries: MemoryEntry[]): void {
    const stmt = this.db.prepare(`INSERT INTO memory_entries (scene_id, stage, kind, key, value_json, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const e of entries) stmt.run(sceneId, e.stage, e.kind, e.key, JSON.stringify(e.value ?? null), e.createdAt);
  }

  /** Entries of a scene in insertion order, optionally of one stage. */
  list(sceneId: string, stage?: StageName): MemoryEntry[] {
    const rows = (
      stage
        ? this.db.prepare(`SELECT * FROM memory_entries WHERE scene_id = ? AND stage = ? ORDER BY id`).all(sceneId, stage)
        : this.db.prepare(`SELECT * FROM memory_entries WHERE scene_id = ? ORDER BY id`).all(sceneId)
    ) as Row[];
    return rows.map((r) => ({ stage: r.stage as StageName, kind: r.kind, key: r.key, value: fromJson(r.value_json), createdAt: r.created_at }));
  }

  /** Remove a stage's entries (a stage that is re-run writes them again). */
  clearStage(sceneId: string, stage: StageName): void {
    this.db.prepare(`DELETE FROM memory_entries WHERE scene_id = ? AND stage = ?`).run(sceneId, stage);
  }
}
