import "server-only";
/**
 * The store (DESIGN.md sections 8 and 9): SQLite (better-sqlite3, WAL) under `config().dataDir`, or Postgres when
 * DATABASE_URL is set (./postgres.ts: the same synchronous repositories over one connection per store), plus the
 * scene files (./artifacts.ts): under the data dir on SQLite, as bytea rows on Postgres so that hosts need no
 * shared disk. Repositories per table; `transaction(fn)` groups writes atomically.
 * `getStore()` is process-wide.
 */
import { AppError } from "../../lib/errors";
import type { Scene } from "../../lib/scene/schema";
import { config } from "../config";
import { openDatabase, openPostgres } from "./db";
import { EventsRepo } from "./events";
import { ArtifactKeys, type ArtifactStore } from "./artifacts";
import { PgArtifactStore } from "./artifacts-pg";
import { FileArtifactStore } from "./files";
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
export { ArtifactKeys, discardScratch, keepScratch, type ArtifactStat, type ArtifactStore } from "./artifacts";

/** The store: repositories for scenes, objects, revisions, memory, events, history and jobs, plus the scene files. */
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
  /** The scenes' files by key: FileArtifactStore on SQLite, PgArtifactStore on Postgres. */
  readonly artifacts: ArtifactStore;

  /**
   * Open and migrate the store: on Postgres at `databaseUrl` (default `config().databaseUrl`), else SQLite in
   * `dataDir`; scene files live under `dataDir`, or in Postgres (cached under `dataDir/cache`). Throws a `store:` Error when Postgres is unreachable.
   */
  constructor(
    readonly dataDir: string,
    readonly databaseUrl: string | null = config().databaseUrl,
  ) {
    this.backend = databaseUrl ? "postgres" : "sqlite";
    const pg = databaseUrl ? openPostgres(databaseUrl) : null;
    this.db = pg ?? openDatabase(dataDir);
    this.revisions = new RevisionsRepo(this.db);
    this.objects = new ObjectsRepo(this.db);
    this.scenes = new ScenesRepo(this.db, this.objects, this.revisions);
    this.memory = new MemoryRepo(this.db);
    this.events = new EventsRepo(this.db);
    this.history = new HistoryRepo(this.db);
    this.jobs = new JobsRepo(this.db);
    this.artifacts = pg ? new PgArtifactStore(pg, dataDir) : new FileArtifactStore(dataDir);
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

  /** Delete a scene's rows and files (on Postgres its artifact rows in the same transaction); throws AppError `not_found` when it does not exist. */
  deleteScene(id: string): void {
    const inDb = this.artifacts.kind === "postgres";
    const deleted = this.transaction(() => {
      if (!this.scenes.delete(id)) return false;
      if (inDb) this.artifacts.removeScene(id);
      return true;
    });
    if (!deleted) throw new AppError("not_found", `Scene ${JSON.stringify(id.slice(0, 80))} does not exist.`);
    if (!inDb) this.artifacts.removeScene(id);
  }

  /** A local file holding the scene's artifact `key` (see ArtifactStore.localPath); throws AppError `not_found` naming `what` when absent. */
  localFile(sceneId: string, key: string, what = "file"): string {
    const file = this.artifacts.localPath(sceneId, key);
    if (!file) throw new AppError("not_found", `The scene's ${what} is missing.`, { key });
    return file;
  }

  /** The ids among `ids` whose scene has a thumbnail (one query on Postgres). */
  thumbs(ids: readonly string[]): Set<string> {
    return this.artifacts.scenesWith(ids, ArtifactKeys.thumb);
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
