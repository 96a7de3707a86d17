import "server-only";
/**
 * Scene rows and the rebuild of a whole `Scene` (validated by the zod schema) from its normalised rows:
 * the scene row (source, status, structure, decor, room core), object rows, and program revisions.
 */
import type { SqlDatabase } from "./sql";
import { Decor, Room, Scene, SceneSource, StructureSpec, type SceneStatus, type StageName } from "../../lib/scene/schema";
import { fromJson, nowIso, toJson } from "./json";
import type { ObjectsRepo } from "./objects";
import { plainRevision, ROOM_ID, type RevisionsRepo } from "./revisions";

/** The room without its program pointer (stored in the scene row). */
export type RoomCore = Omit<Room, "program" | "glbRev">;

/** A row of `GET /api/scenes`. */
export interface SceneSummary {
  id: string;
  title: string;
  status: SceneStatus;
  source: "prompt" | "image";
  objectCount: number;
  createdAt: string;
  updatedAt: string;
  hasThumb: boolean;
}

interface Row {
  id: string;
  title: string;
  source_json: string;
  engine: string;
  status: string;
  stage: string | null;
  error: string | null;
  structure_json: string | null;
  room_json: string | null;
  room_rev: number | null;
  room_glb_rev: number | null;
  decor_json: string | null;
  created_at: string;
  updated_at: string;
}

/** Fields of a scene row that can be updated. */
export interface ScenePatch {
  title?: string;
  status?: SceneStatus;
  stage?: StageName | null;
  error?: string | null;
  structure?: StructureSpec | null;
  room?: RoomCore | null;
  roomRev?: number | null;
  roomGlbRev?: number | null;
  decor?: Decor | null;
}

/** Repository of scenes. */
export class ScenesRepo {
  constructor(
    private readonly db: SqlDatabase,
    private readonly objects: ObjectsRepo,
    private readonly revisions: RevisionsRepo,
  ) {}

  /** Insert a new scene row (objects are stored with ObjectsRepo); `owner` is a user id (default `designer`, the shared-token user). */
  insert(s: { id: string; title: string; source: SceneSource; engine: Scene["engine"]; status: SceneStatus; owner?: string }): void {
    const now = nowIso();
    this.db
      .prepare(`INSERT INTO scenes (id, title, source_json, engine, status, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(s.id, s.title, JSON.stringify(SceneSource.parse(s.source)), s.engine, s.status, s.owner ?? "designer", now, now);
  }

  /** The user id owning a scene, or null when the scene does not exist. */
  ownerOf(id: string): string | null {
    const r = this.db.prepare(`SELECT owner FROM scenes WHERE id = ?`).get(id) as { owner: string } | undefined;
    return r ? r.owner : null;
  }

  /** Update scene fields; always bumps `updated_at`. */
  update(id: string, patch: ScenePatch): void {
    const sets: string[] = ["updated_at = @updated_at"];
    const vals: Record<string, unknown> = { id, updated_at: nowIso() };
    const col = (name: string, v: unknown) => {
      sets.push(`${name} = @${name}`);
      vals[name] = v;
    };
    if (patch.title !== undefined) col("title", patch.title);
    if (patch.status !== undefined) col("status", patch.status);
    if (patch.stage !== undefined) col("stage", patch.stage);
    if (patch.error !== undefined) col("error", patch.error);
    if (patch.structure !== undefined) col("structure_json", toJson(patch.structure === null ? null : StructureSpec.parse(patch.structure)));
    if (patch.room !== undefined) col("room_json", toJson(patch.room));
    if (patch.roomRev !== undefined) col("room_rev", patch.roomRev);
    if (patch.roomGlbRev !== undefined) col("room_glb_rev", patch.roomGlbRev);
    if (patch.decor !== undefined) col("decor_json", toJson(patch.decor === null ? null : Decor.parse(patch.decor)));
    this.db.prepare(`UPDATE scenes SET ${sets.join(", ")} WHERE id = @id`).run(vals);
  }

  /** Whether a scene exists. */
  exists(id: string): boolean {
    return !!this.db.prepare(`SELECT 1 FROM scenes WHERE id = ?`).get(id);
  }

  /** The whole scene rebuilt from its rows and validated, or null. */
  get(id: string): Scene | null {
    const r = this.db.prepare(`SELECT * FROM scenes WHERE id = ?`).get(id) as Row | undefined;
    if (!r) return null;
    const core = fromJson<RoomCore>(r.room_json);
    const roomRev = r.room_rev === null ? null : this.revisions.get(id, ROOM_ID, r.room_rev);
    const room = core ? Room.parse({ ...core, program: roomRev ? plainRevision(roomRev) : null, glbRev: r.room_glb_rev }) : null;
    return Scene.parse({
      id: r.id,
      title: r.title,
      source: JSON.parse(r.source_json),
      engine: r.engine,
      structure: fromJson(r.structure_json),
      room,
      objects: this.objects.list(id),
      decor: fromJson(r.decor_json),
      status: r.status,
      stage: r.stage,
      error: r.error,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }

  /** Scene summaries, newest first; only `owner`'s scenes when given. */
  list(limit = 200, owner?: string): SceneSummary[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.title, s.status, s.source_json, s.created_at, s.updated_at, (SELECT COUNT(*) FROM objects o WHERE o.scene_id = s.id) AS n
         FROM scenes s WHERE (CAST(@owner AS TEXT) IS NULL OR s.owner = @owner) ORDER BY s.created_at DESC, s.rowid DESC LIMIT @limit`,
      )
      .all({ owner: owner ?? null, limit }) as { id: string; title: string; status: string; source_json: string; created_at: string; updated_at: string; n: number }[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as SceneStatus,
      source: (JSON.parse(r.source_json) as SceneSource).kind,
      objectCount: r.n,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      hasThumb: false,
    }));
  }

  /** Delete a scene and (by cascade) all its rows. Returns whether it existed. */
  delete(id: string): boolean {
    return this.db.prepare(`DELETE FROM scenes WHERE id = ?`).run(id).changes > 0;
  }
}
