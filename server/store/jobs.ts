import "server-only";
/**
 * Pipeline job rows: one per scene (the latest job), with its state, current stage and completed stages,
 * so that a restarted server can resume from the last completed stage (objects resume from their build state).
 * A running job is leased to one process (`owner`, a runner id, until `lease_until`, epoch ms on the database's
 * clock): claims and renewals are single conditional UPDATEs, so of several servers exactly one wins; a job
 * leaving `running` drops its owner.
 */
import type { SqlDatabase } from "./sql";
import type { StageName } from "../../lib/scene/schema";
import { nowIso } from "./json";
import { PostgresDatabase } from "./postgres";

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
  /** Runner id of the process running it (null: nobody). */
  owner: string | null;
  /** Epoch ms (database clock) until which `owner` holds it. */
  leaseUntil: number | null;
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
  owner: string | null;
  lease_until: number | null;
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
    owner: r.owner,
    leaseUntil: r.lease_until,
  };
}

/** SQL for the database's clock in epoch ms (one value per statement on SQLite; the statement's time on Postgres). */
function clockSql(db: SqlDatabase): string {
  return db instanceof PostgresDatabase ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)" : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
}

/** Repository of jobs. */
export class JobsRepo {
  private readonly now: string;

  constructor(private readonly db: SqlDatabase) {
    this.now = clockSql(db);
  }

  /** Create or replace the scene's job row (unowned). */
  put(sceneId: string, kind: JobRow["kind"], state: JobState, completedStages: StageName[] = []): JobRow {
    const now = nowIso();
    this.db
      .prepare(
        `INSERT INTO jobs (scene_id, kind, state, stage, completed_stages_json, attempts, error, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, 1, NULL, ?, ?)
         ON CONFLICT(scene_id) DO UPDATE SET kind = excluded.kind, state = excluded.state, stage = NULL, completed_stages_json = excluded.completed_stages_json, attempts = 1, error = NULL, updated_at = excluded.updated_at, owner = NULL, lease_until = NULL`,
      )
      .run(sceneId, kind, state, JSON.stringify(completedStages), now, now);
    return this.get(sceneId)!;
  }

  /** Update fields of the scene's job row; a state other than `running` also drops the owner and lease. */
  update(sceneId: string, patch: Partial<Pick<JobRow, "state" | "stage" | "completedStages" | "attempts" | "error" | "kind">>): void {
    const cur = this.get(sceneId);
    if (!cur) return;
    const next = { ...cur, ...patch };
    const held = next.state === "running" ? 1 : 0;
    this.db
      .prepare(
        `UPDATE jobs SET kind = ?, state = ?, stage = ?, completed_stages_json = ?, attempts = ?, error = ?, updated_at = ?,
         owner = CASE WHEN ? = 1 THEN owner ELSE NULL END, lease_until = CASE WHEN ? = 1 THEN lease_until ELSE NULL END WHERE scene_id = ?`,
      )
      .run(next.kind, next.state, next.stage, JSON.stringify(next.completedStages), next.attempts, next.error, nowIso(), held, held, sceneId);
  }

  /**
   * Lease the running job to `runner` for `leaseMs` when nobody holds it, `runner` already does, its lease has
   * expired, or it is held by `deadOwner` (a runner id known to be gone); true when this call won the job.
   */
  claim(sceneId: string, runner: string, leaseMs: number, deadOwner: string | null = null): boolean {
    const r = this.db
      .prepare(
        `UPDATE jobs SET owner = @runner, lease_until = ${this.now} + @lease WHERE scene_id = @id AND state = 'running'
         AND (owner IS NULL OR owner = @runner OR lease_until IS NULL OR lease_until < ${this.now} OR owner = @dead)`,
      )
      .run({ id: sceneId, runner, lease: leaseMs, dead: deadOwner ?? "" });
    return r.changes === 1;
  }

  /** Extend `runner`'s lease on a running job by `leaseMs` from now; false when the job is no longer its own. */
  renew(sceneId: string, runner: string, leaseMs: number): boolean {
    const r = this.db
      .prepare(`UPDATE jobs SET lease_until = ${this.now} + @lease WHERE scene_id = @id AND state = 'running' AND owner = @runner`)
      .run({ id: sceneId, runner, lease: leaseMs });
    return r.changes === 1;
  }

  /** The database's clock (epoch ms), the one leases are measured on. */
  clockMs(): number {
    return (this.db.prepare(`SELECT ${this.now} AS now`).get() as { now: number }).now;
  }

  /** How many running jobs `runner` holds. */
  countOwned(runner: string): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE state = 'running' AND owner = ?`).get(runner) as { n: number }).n;
  }

  /** The scene's job row, or null. */
  get(sceneId: string): JobRow | null {
    const r = this.db.prepare(`SELECT * FROM jobs WHERE scene_id = ?`).get(sceneId) as Row | undefined;
    return r ? toJob(r) : null;
  }

  /** Jobs in state `running` (held by a live process, or interrupted), oldest first. */
  listRunning(): JobRow[] {
    return (this.db.prepare(`SELECT * FROM jobs WHERE state = 'running' ORDER BY created_at`).all() as Row[]).map(toJob);
  }
}
