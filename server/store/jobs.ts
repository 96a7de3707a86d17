import "server-only";
/**
 * Pipeline job rows: one per scene (the latest job), with its state, current stage and completed stages,
 * so that a restarted server can resume from the last completed stage (objects resume from their build state).
 */
import type { SqlDatabase } from "./sql";
import type { StageName } from "../../lib/scene/schema";
import { nowIso } from "./json";

/** Job state: `paused` waits for a review (needs_review); `running` rows found at startup were interrupted. */
export type JobState = "running" | "paused" | "completed" | "failed";

/** A job row. `kind` is `create` (from structure) or `continue` (after review). */
export interface JobRow {
  sceneId: string;
  kind: "create" | "continue";
  state: JobState;
  stage: StageName | null;
  completedStages: StageName[];
  attempts: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  scene_id: string;
  kind: string;
  state: string;
  stage: string | null;
  completed_stages_json: string;
  attempts: number;
  error: string | null;
  created_at: string;
  updated_at: string;
}

function toJob(r: Row): JobRow {
  return {
    sceneId: r.scene_id,
    kind: r.kind as JobRow["kind"],
    state: r.state as JobState,
    stage: r.stage as StageName | null,
    completedStages: JSON.parse(r.completed_stages_json) as StageName[],
    attempts: r.attempts,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Repository of jobs. */
export class JobsRepo {
  constructor(private readonly db: SqlDatabase) {}

  /** Create or replace the scene's job row. */
  put(sceneId: string, kind: JobRow["kind"], state: JobState, completedStages: StageName[] = []): JobRow {
    const now = nowIso();
    this.db
      .prepare(
        `INSERT INTO jobs (scene_id, kind, state, stage, completed_stages_json, attempts, error, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, 1, NULL, ?, ?)
         ON CONFLICT(scene_id) DO UPDATE SET kind = excluded.kind, state = excluded.state, stage = NULL, completed_stages_json = excluded.completed_stages_json, attempts = 1, error = NULL, updated_at = excluded.updated_at`,
      )
      .run(sceneId, kind, state, JSON.stringify(completedStages), now, now);
    return this.get(sceneId)!;
  }

  /** Update fields of the scene's job row. */
  update(sceneId: string, patch: Partial<Pick<JobRow, "state" | "stage" | "completedStages" | "attempts" | "error" | "kind">>): void {
    const cur = this.get(sceneId);
    if (!cur) return;
    const next = { ...cur, ...patch };
    this.db
      .prepare(`UPDATE jobs SET kind = ?, state = ?, stage = ?, completed_stages_json = ?, attempts = ?, error = ?, updated_at = ? WHERE scene_id = ?`)
      .run(next.kind, next.state, next.stage, JSON.stringify(next.completedStages), next.attempts, next.error, nowIso(), sceneId);
  }

  /** The scene's job row, or null. */
  get(sceneId: string): JobRow | null {
    const r = this.db.prepare(`SELECT * FROM jobs WHERE scene_id = ?`).get(sceneId) as Row | undefined;
    return r ? toJob(r) : null;
  }

  /** Jobs in state `running` (interrupted when read at startup). */
  listRunning(): JobRow[] {
    return (this.db.prepare(`SELECT * FROM jobs WHERE state = 'running' ORDER BY created_at`).all() as Row[]).map(toJob);
  }
}
