import "server-only";
/** The append-only event log: one sequence per scene starting at 1. */
import type { SqlDatabase } from "./sql";
import { StageEvent, type StageEventType, type StageName } from "../../lib/scene/schema";
import { nowIso } from "./json";

interface Row {
  scene_id: string;
  seq: number;
  type: string;
  stage: string | null;
  object_id: string | null;
  data_json: string;
  ts: string;
}

function toEvent(r: Row): StageEvent {
  return StageEvent.parse({ seq: r.seq, sceneId: r.scene_id, type: r.type, stage: r.stage, objectId: r.object_id, data: JSON.parse(r.data_json), ts: r.ts });
}

/** Repository of events. */
export class EventsRepo {
  constructor(private readonly db: SqlDatabase) {}

  /** Append an event with the next seq (call inside a transaction when other writes go with it). */
  append(sceneId: string, type: StageEventType, e: { stage?: StageName | null; objectId?: string | null; data?: Record<string, unknown> }): StageEvent {
    const seq = this.lastSeq(sceneId) + 1;
    const ts = nowIso();
    const data = e.data ?? {};
    this.db
      .prepare(`INSERT INTO events (scene_id, seq, type, stage, object_id, data_json, ts) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(sceneId, seq, type, e.stage ?? null, e.objectId ?? null, JSON.stringify(data), ts);
    return { seq, sceneId, type, stage: e.stage ?? null, objectId: e.objectId ?? null, data, ts };
  }

  /** Events with seq > afterSeq, in order (at most `limit`). */
  list(sceneId: string, afterSeq = 0, limit = 100_000): StageEvent[] {
    return (this.db.prepare(`SELECT * FROM events WHERE scene_id = ? AND seq > ? ORDER BY seq LIMIT ?`).all(sceneId, afterSeq, limit) as Row[]).map(toEvent);
  }

  /** Highest seq of a scene (0 when none). */
  lastSeq(sceneId: string): number {
    return (this.db.prepare(`SELECT COALESCE(MAX(seq), 0) AS n FROM events WHERE scene_id = ?`).get(sceneId) as { n: number }).n;
  }
}
