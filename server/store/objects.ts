import "server-only";
/**
 * Object rows: one per scene object, in insertion order. The object's `program` is the revision its
 * `program_rev` points at (joined from program_revisions); `build` is stored in columns.
 */
import type { SqlDatabase } from "./sql";
import { SceneObject, type BuildError, type BuildStats } from "../../lib/scene/schema";
import { fromJson, toJson } from "./json";

interface Row {
  scene_id: string;
  id: string;
  ord: number;
  name: string;
  category: string;
  description: string;
  route: string;
  target_size_json: string;
  placement_json: string;
  support: string;
  attributes_json: string;
  plan_json: string | null;
  program_rev: number | null;
  build_status: string;
  glb_rev: number | null;
  stats_json: string | null;
  error_json: string | null;
  attempts: number;
  hidden: number;
  /** The current program revision's columns, joined (null when the object has none). */
  p_source: string | null;
  p_params_json: string | null;
  p_origin: string | null;
  p_created_at: string | null;
}

/** Object rows with their current program revision joined, so a scene reads in one query. */
const SELECT_WITH_PROGRAM = `SELECT o.*, r.source AS p_source, r.params_json AS p_params_json, r.origin AS p_origin, r.created_at AS p_created_at
  FROM objects o LEFT JOIN program_revisions r ON r.scene_id = o.scene_id AND r.object_id = o.id AND r.rev = o.program_rev`;

/** Repository of scene objects. */
export class ObjectsRepo {
  constructor(private readonly db: SqlDatabase) {}

  private toObject(r: Row): SceneObject {
    const program =
      r.program_rev === null || r.p_source === null
        ? null
        : { rev: r.program_rev, source: r.p_source, params: fromJson<Record<string, unknown>>(r.p_params_json) ?? {}, origin: r.p_origin!, createdAt: r.p_created_at! };
    return SceneObject.parse({
      id: r.id,
      name: r.name,
      category: r.category,
      description: r.description,
      route: r.route,
      targetSize: JSON.parse(r.target_size_json),
      placement: JSON.parse(r.placement_json),
      support: r.support,
      attributes: JSON.parse(r.attributes_json),
      plan: fromJson(r.plan_json),
      program,
      build: {
        status: r.build_status,
        glbRev: r.glb_rev,
        stats: fromJson<BuildStats>(r.stats_json),
        error: fromJson<BuildError>(r.error_json),
        attempts: r.attempts,
      },
      hidden: r.hidden === 1,
    });
  }

  /** Insert or update an object (all fields; `program` is stored as a pointer to `program.rev`, which must exist). */
  put(sceneId: string, obj: SceneObject): void {
    const o = SceneObject.parse(obj);
    const existing = this.db.prepare(`SELECT ord FROM objects WHERE scene_id = ? AND id = ?`).get(sceneId, o.id) as { ord: number } | undefined;
    const ord = existing?.ord ?? (this.db.prepare(`SELECT COALESCE(MAX(ord), 0) + 1 AS n FROM objects WHERE scene_id = ?`).get(sceneId) as { n: number }).n;
    this.db
      .prepare(
        `INSERT INTO objects (scene_id, id, ord, name, category, description, route, target_size_json, placement_json, support, attributes_json, plan_json, program_rev, build_status, glb_rev, stats_json, error_json, attempts, hidden)
         VALUES (@scene_id, @id, @ord, @name, @category, @description, @route, @target_size_json, @placement_json, @support, @attributes_json, @plan_json, @program_rev, @build_status, @glb_rev, @stats_json, @error_json, @attempts, @hidden)
         ON CONFLICT(scene_id, id) DO UPDATE SET name = excluded.name, category = excluded.category, description = excluded.description, route = excluded.route,
           target_size_json = excluded.target_size_json, placement_json = excluded.placement_json, support = excluded.support, attributes_json = excluded.attributes_json,
           plan_json = excluded.plan_json, program_rev = excluded.program_rev, build_status = excluded.build_status, glb_rev = excluded.glb_rev, stats_json = excluded.stats_json,
           error_json = excluded.error_json, attempts = excluded.attempts, hidden = excluded.hidden`,
      )
      .run({
        scene_id: sceneId,
        id: o.id,
        ord,
        name: o.name,
        category: o.category,
        description: o.description,
        route: o.route,
        target_size_json: JSON.stringify(o.targetSize),
        placement_json: JSON.stringify(o.placement),
        support: o.support,
        attributes_json: JSON.stringify(o.attributes),
        plan_json: toJson(o.plan),
        program_rev: o.program?.rev ?? null,
        build_status: o.build.status,
        glb_rev: o.build.glbRev,
        stats_json: toJson(o.build.stats),
        error_json: toJson(o.build.error),
        attempts: o.build.attempts,
        hidden: o.hidden ? 1 : 0,
      });
  }

  /** One object, or null. */
  get(sceneId: string, objectId: string): SceneObject | null {
    const r = this.db.prepare(`${SELECT_WITH_PROGRAM} WHERE o.scene_id = ? AND o.id = ?`).get(sceneId, objectId) as Row | undefined;
    return r ? this.toObject(r) : null;
  }

  /** All objects of a scene in insertion order. */
  list(sceneId: string): SceneObject[] {
    return (this.db.prepare(`${SELECT_WITH_PROGRAM} WHERE o.scene_id = ? ORDER BY o.ord`).all(sceneId) as Row[]).map((r) => this.toObject(r));
  }

  /** Set the stored order of a scene's objects to `ids` (1-based `ord`); ids not listed keep theirs. */
  setOrder(sceneId: string, ids: readonly string[]): void {
    const stmt = this.db.prepare(`UPDATE objects SET ord = ? WHERE scene_id = ? AND id = ?`);
    ids.forEach((id, i) => stmt.run(i + 1, sceneId, id));
  }

  /** Number of objects of a scene. */
  count(sceneId: string): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM objects WHERE scene_id = ?`).get(sceneId) as { n: number }).n;
  }

  /** Remove an object row (its revisions and GLB files are kept for undo). Returns whether it existed. */
  delete(sceneId: string, objectId: string): boolean {
    return this.db.prepare(`DELETE FROM objects WHERE scene_id = ? AND id = ?`).run(sceneId, objectId).changes > 0;
  }

  /** Remove every object row of a scene (revisions are kept). */
  deleteAll(sceneId: string): void {
    this.db.prepare(`DELETE FROM objects WHERE scene_id = ?`).run(sceneId);
  }
}
