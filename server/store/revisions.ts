import "server-only";
/**
 * Program revisions: every revision of every object program (and of the room shell, object id `@room`) is kept
 * with its origin (generated, repair, refine, edit, code, restore, decor, ...) and, once built, its GLB file,
 * stats or error. Revision numbers start at 1 per (scene, object).
 */
import type { SqlDatabase } from "./sql";
import type { BuildError, BuildStats, ProgramRevision } from "../../lib/scene/schema";
import { fromJson, nowIso, toJson } from "./json";

/** Object id under which room shell revisions are stored. */
export const ROOM_ID = "@room";

/** A stored revision: the ProgramRevision plus its build outcome (`glbFile` relative to the scene folder). */
export interface StoredRevision extends ProgramRevision {
  objectId: string;
  glbFile: string | null;
  stats: BuildStats | null;
  error: BuildError | null;
}

interface Row {
  object_id: string;
  rev: number;
  source: string;
  params_json: string;
  origin: string;
  glb_file: string | null;
  stats_json: string | null;
  error_json: string | null;
  created_at: string;
}

function toRevision(r: Row): StoredRevision {
  return {
    objectId: r.object_id,
    rev: r.rev,
    source: r.source,
    params: fromJson<Record<string, unknown>>(r.params_json) ?? {},
    origin: r.origin,
    createdAt: r.created_at,
    glbFile: r.glb_file,
    stats: fromJson<BuildStats>(r.stats_json),
    error: fromJson<BuildError>(r.error_json),
  };
}

/** Strip build fields: the plain ProgramRevision of the scene model. */
export function plainRevision(r: StoredRevision): ProgramRevision {
  return { rev: r.rev, source: r.source, params: r.params, origin: r.origin, createdAt: r.createdAt };
}

/** Repository of program revisions. */
export class RevisionsRepo {
  constructor(private readonly db: SqlDatabase) {}

  /** Append a revision with the next number for (scene, object); returns it. */
  add(sceneId: string, objectId: string, input: { source: string; params: Record<string, unknown>; origin: string }): StoredRevision {
    const next = (this.db.prepare(`SELECT COALESCE(MAX(rev), 0) + 1 AS n FROM program_revisions WHERE scene_id = ? AND object_id = ?`).get(sceneId, objectId) as { n: number }).n;
    const createdAt = nowIso();
    this.db
      .prepare(`INSERT INTO program_revisions (scene_id, object_id, rev, source, params_json, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(sceneId, objectId, next, input.source, JSON.stringify(input.params ?? {}), input.origin, createdAt);
    return { objectId, rev: next, source: input.source, params: input.params ?? {}, origin: input.origin, createdAt, glbFile: null, stats: null, error: null };
  }

  /** Remove a revision that never became current (its build was cancelled); the next `add` reuses its number. */
  delete(sceneId: string, objectId: string, rev: number): void {
    this.db.prepare(`DELETE FROM program_revisions WHERE scene_id = ? AND object_id = ? AND rev = ?`).run(sceneId, objectId, rev);
  }

  /** Record a revision's build outcome: the GLB file (relative to the scene folder) with stats, or an error. */
  setBuild(sceneId: string, objectId: string, rev: number, out: { glbFile: string | null; stats: BuildStats | null; error: BuildError | null }): void {
    this.db
      .prepare(`UPDATE program_revisions SET glb_file = ?, stats_json = ?, error_json = ? WHERE scene_id = ? AND object_id = ? AND rev = ?`)
      .run(out.glbFile, toJson(out.stats), toJson(out.error), sceneId, objectId, rev);
  }

  /** One revision, or null. */
  get(sceneId: string, objectId: string, rev: number): StoredRevision | null {
    const r = this.db.prepare(`SELECT * FROM program_revisions WHERE scene_id = ? AND object_id = ? AND rev = ?`).get(sceneId, objectId, rev) as Row | undefined;
    return r ? toRevision(r) : null;
  }

  /** All revisions of an object, oldest first. */
  list(sceneId: string, objectId: string): StoredRevision[] {
    return (this.db.prepare(`SELECT * FROM program_revisions WHERE scene_id = ? AND object_id = ? ORDER BY rev`).all(sceneId, objectId) as Row[]).map(toRevision);
  }

  /** The newest revision of an object, or null. */
  latest(sceneId: string, objectId: string): StoredRevision | null {
    const r = this.db.prepare(`SELECT * FROM program_revisions WHERE scene_id = ? AND object_id = ? ORDER BY rev DESC LIMIT 1`).get(sceneId, objectId) as Row | undefined;
    return r ? toRevision(r) : null;
  }

  /** Number of revisions of a scene (all objects and the room). */
  count(sceneId: string): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM program_revisions WHERE scene_id = ?`).get(sceneId) as { n: number }).n;
  }
}
