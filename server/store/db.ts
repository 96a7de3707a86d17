import "server-only";
/**
 * Opens the SQLite database (better-sqlite3) with WAL, foreign keys and a busy timeout, and applies
 * pending migrations in one transaction each. Throws an Error tagged `store:` when a migration fails.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations";

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

/** Apply every migration newer than the recorded version; returns the versions applied. */
export function migrate(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set((db.prepare(`SELECT version FROM schema_migrations`).all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
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
      throw new Error(`store: migration ${m.version} (${m.name}) failed: ${(e as Error).message}`);
    }
  }
  return applied;
}
