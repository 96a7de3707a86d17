import "server-only";
/**
 * The store (DESIGN.md sections 8 and 9): SQLite (better-sqlite3, WAL) under `config().dataDir`, or Postgres when
 * DATABASE_URL is set (./postgres.ts: the same synchronous repositories over one connection per store), plus the
 * scene files under the data dir. Repositories per table; `transaction(fn)` groups writes atomically.
 * `getStore()` is process-wide.
 */
import fs from "node:fs";
import { AppError } from "../../lib/errors";
import type { Scene } from "../../lib/scene/schema";
import { config } from "../config";
import { openDatabase, openPostgres } from "./db";
import { EventsRepo } from "./events";
import { SceneFiles } from "./files";
import { HistoryRepo } from "./history";
import { JobsRepo } from "./jobs";
import { MemoryRepo } from "./memory";
import { ObjectsRepo } from "./objects";
import { RevisionsRepo } from "./revisions";
import { ScenesRepo } from "./scenes";
import type { SqlDatabase, StoreBackend } from "./sql";

export { ROOM_ID, plainRevision, type StoredRevision } from "./revisions";
export type { HistoryEntry } from "./history";
export type { JobRow, JobState } from "./jobs";
export type { RoomCore, ScenePatch, SceneSummary } from "./scenes";
export type { SqlDatabase, StoreBackend } from "./sql";

/** The store: repositories for scenes, objects, revisions, memory, events, history and jobs, plus file paths. */
export class Store {
  readonly db: SqlDatabase;
  /** `postgres` when opened on a database URL, else `sqlite`. */
  readonly backend: StoreBackend;
  readonly revisions: RevisionsRepo;
  readonly objects: ObjectsRepo;
  readonly scenes: ScenesRepo;
  readonly memory: MemoryRepo;
  readonly events: EventsRepo;
  readonly history: HistoryRepo;
  readonly jobs: JobsRepo;
  readonly files: SceneFiles;

  /**
   * Open and migrate the store: on Postgres at `databaseUrl` (default `config().databaseUrl`), else SQLite in
   * `dataDir`; scene files always live under `dataDir`. Throws a `store:` Error when Postgres is unreachable.
   */
  constructor(
    readonly dataDir: string,
    readonly databaseUrl: string | null = config().databaseUrl,
  ) {
    this.backend = databaseUrl ? "postgres" : "sqlite";
    this.db = databaseUrl ? openPostgres(databaseUrl) : openDatabase(dataDir);
    this.revisions = new RevisionsRepo(this.db);
    this.objects = new ObjectsRepo(this.db);
    this.scenes = new ScenesRepo(this.db, this.objects, this.revisions);
    this.memory = new MemoryRepo(this.db);
    this.events = new EventsRepo(this.db);
    this.history = new HistoryRepo(this.db);
    this.jobs = new JobsRepo(this.db);
    this.files = new SceneFiles(dataDir);
  }

  /** Run `fn` in one IMMEDIATE transaction (nested calls become savepoints); all its writes commit or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** The whole scene; throws AppError `not_found` when it does not exist. */
  getScene(id: string): Scene {
    const s = this.scenes.get(id);
    if (!s) throw new AppError("not_found", `Scene ${JSON.stringify(id.slice(0, 80))} does not exist.`, { sceneId: id.slice(0, 80) });
    return s;
  }

  /** Delete a scene's rows and files; throws AppError `not_found` when it does not exist. */
  deleteScene(id: string): void {
    if (!this.transaction(() => this.scenes.delete(id))) throw new AppError("not_found", `Scene ${JSON.stringify(id.slice(0, 80))} does not exist.`);
    this.files.removeScene(id);
  }

  /** Whether the scene has a thumbnail file. */
  hasThumb(id: string): boolean {
    return fs.existsSync(this.files.thumb(id));
  }

  /** Close the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

const KEY = Symbol.for("roomcode.store");
type Holder = { [KEY]?: Store };

/** The process-wide store of `config()` (data dir, DATABASE_URL), kept on globalThis across dev module reloads. */
export function getStore(): Store {
  const g = globalThis as Holder;
  const { dataDir, databaseUrl } = config();
  const cur = g[KEY];
  if (!cur || cur.dataDir !== dataDir || cur.databaseUrl !== databaseUrl || !cur.db.open) g[KEY] = new Store(dataDir, databaseUrl);
  return g[KEY]!;
}
