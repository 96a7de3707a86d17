import "server-only";
/**
 * Opens the store's database and applies pending migrations: SQLite (better-sqlite3) under the data dir with WAL,
 * foreign keys and a busy timeout, or Postgres (./postgres.ts) at a `postgres://` URL, migrated under an advisory
 * lock so that web servers starting at once migrate once. Each migration runs in one transaction. Throws an Error
 * tagged `store:` when a migration fails or Postgres cannot be reached.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type Migration } from "./migrations";
import { PG_MIGRATIONS } from "./migrations-pg";
import { MIGRATION_LOCK_KEY, PostgresDatabase, type PostgresOptions } from "./postgres";
import type { SqlDatabase } from "./sql";

/** Open (creating if needed) `<dataDir>/roomcode.sqlite` and migrate it to the latest version. */
export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, "roomcode.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  migrate(db);
  return db;
}

/** Connect to the Postgres database at `url` and migrate it to the latest version; throws `store:` when unreachable. */
export function openPostgres(url: string, opts?: PostgresOptions): PostgresDatabase {
  const db = new PostgresDatabase(url, opts);
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

const TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

function applyPending(db: SqlDatabase, migrations: readonly Migration[]): number[] {
  const done = new Set((db.prepare(`SELECT version FROM schema_migrations`).all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    try {
      const ran = db.transaction(() => {
        // Re-check inside the write lock: another process may have migrated meanwhile.
        if (db.prepare(`SELECT 1 FROM schema_migrations WHERE version = ?`).get(m.version)) return false;
        db.exec(m.sql);
        db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`).run(m.version, m.name, new Date().toISOString());
        return true;
      }).immediate();
      if (ran) applied.push(m.version);
    } catch (e) {
      throw new Error(`store: migration ${m.version} (${m.name}) failed: ${(e as Error).message.replace(/^store: /, "")}`);
    }
  }
  return applied;
}

/** Apply every migration newer than the recorded version (SQLite or Postgres DDL by backend); returns the versions applied. */
export function migrate(db: SqlDatabase): number[] {
  if (!(db instanceof PostgresDatabase)) {
    db.exec(TABLE);
    return applyPending(db, MIGRATIONS);
  }
  // Session-level lock: a second server blocks here until the first has migrated, then finds nothing to do.
  db.prepare(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`).get();
  try {
    db.exec(TABLE);
    return applyPending(db, PG_MIGRATIONS);
  } finally {
    try {
      db.prepare(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).get();
    } catch {
      // A lost connection has released the session lock already.
    }
  }
}
