import "server-only";
/**
 * PgArtifactStore: a scene's artifacts as rows of `artifacts(scene_id, key, bytes bytea, size, sha256, created_at)`
 * (migration 4) through the store's SqlDatabase, so every host sharing the database sees the same files. Local paths
 * (for Blender and for responses) are materialised under `<dataDir>/cache/artifacts/<sceneId>/<key>/<sha16>/<name>`:
 * the folder is named by the content hash read from the row, so a put from another host is never answered from a
 * stale copy; older copies of a key are removed when a new one is written.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type ArtifactStat, type ArtifactStore, checkKey, moveInto, newScratchPath, safeSegment, writeAtomic } from "./artifacts";
import type { PostgresDatabase } from "./postgres";

const sha256 = (b: Uint8Array): string => crypto.createHash("sha256").update(b).digest("hex");

/** Artifacts in Postgres with a local cache (see the module comment). */
export class PgArtifactStore implements ArtifactStore {
  readonly kind = "postgres" as const;

  constructor(
    private readonly db: PostgresDatabase,
    readonly dataDir: string,
  ) {}

  private cacheDir(sceneId: string, key: string): string {
    return path.join(this.dataDir, "cache", "artifacts", safeSegment(sceneId, "sceneId"), checkKey(key));
  }

  private cacheFile(sceneId: string, key: string, hash: string): string {
    return path.join(this.cacheDir(sceneId, key), hash.slice(0, 16), path.basename(key));
  }

  /** Remove the cached copies of `key` other than `keep`. */
  private prune(sceneId: string, key: string, keep: string | null): void {
    const dir = this.cacheDir(sceneId, key);
    if (!fs.existsSync(dir)) return;
    for (const d of fs.readdirSync(dir)) if (d !== keep) fs.rmSync(path.join(dir, d), { recursive: true, force: true });
  }

  private upsert(sceneId: string, key: string, bytes: Uint8Array): string {
    const hash = sha256(bytes);
    this.db
      .prepare(
        `INSERT INTO artifacts (scene_id, key, bytes, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (scene_id, key) DO UPDATE SET bytes = excluded.bytes, size = excluded.size, sha256 = excluded.sha256, created_at = excluded.created_at`,
      )
      .run(safeSegment(sceneId, "sceneId"), checkKey(key), bytes, bytes.byteLength, hash, new Date().toISOString());
    return hash;
  }

  /** Store `bytes` (one upsert) and keep them as the local copy. */
  put(sceneId: string, key: string, bytes: Uint8Array | string): void {
    const buf = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
    const hash = this.upsert(sceneId, key, buf);
    writeAtomic(this.cacheFile(sceneId, key, hash), buf);
    this.prune(sceneId, key, hash.slice(0, 16));
  }

  /** Store the file's bytes and move the file in as the local copy. */
  putFile(sceneId: string, key: string, file: string): void {
    const buf = fs.readFileSync(file);
    const hash = this.upsert(sceneId, key, buf);
    moveInto(file, this.cacheFile(sceneId, key, hash));
    this.prune(sceneId, key, hash.slice(0, 16));
  }

  /** The row's bytes (read as binary, see PostgresDatabase.readBytes), or null. */
  get(sceneId: string, key: string): Buffer | null {
    return this.db.readBytes(`SELECT bytes FROM artifacts WHERE scene_id = ? AND key = ?`, safeSegment(sceneId, "sceneId"), checkKey(key));
  }

  /** Whether the row exists. */
  has(sceneId: string, key: string): boolean {
    return !!this.db.prepare(`SELECT 1 AS one FROM artifacts WHERE scene_id = ? AND key = ?`).get(safeSegment(sceneId, "sceneId"), checkKey(key));
  }

  /** The ids among `sceneIds` with a row at `key`, in one query. */
  scenesWith(sceneIds: readonly string[], key: string): Set<string> {
    if (!sceneIds.length) return new Set();
    const ids = sceneIds.map((id) => safeSegment(id, "sceneId"));
    const rows = this.db.prepare(`SELECT scene_id FROM artifacts WHERE key = ? AND scene_id = ANY(?::text[])`).all(checkKey(key), ids) as { scene_id: string }[];
    return new Set(rows.map((r) => r.scene_id));
  }

  /** The row's size and time of writing, or null. */
  stat(sceneId: string, key: string): ArtifactStat | null {
    const r = this.db.prepare(`SELECT size, created_at FROM artifacts WHERE scene_id = ? AND key = ?`).get(safeSegment(sceneId, "sceneId"), checkKey(key)) as { size: number; created_at: string } | undefined;
    return r ? { size: r.size, mtimeMs: Date.parse(r.created_at) } : null;
  }

  /** Keys of the scene's rows starting with `prefix`, sorted. */
  list(sceneId: string, prefix: string): string[] {
    const rows = this.db.prepare(`SELECT key FROM artifacts WHERE scene_id = ? AND starts_with(key, ?) ORDER BY key COLLATE "C"`).all(safeSegment(sceneId, "sceneId"), prefix) as { key: string }[];
    return rows.map((r) => r.key);
  }

  /** Delete the row and its local copies. */
  remove(sceneId: string, key: string): void {
    this.db.prepare(`DELETE FROM artifacts WHERE scene_id = ? AND key = ?`).run(safeSegment(sceneId, "sceneId"), checkKey(key));
    this.prune(sceneId, key, null);
  }

  /** Delete the scene's rows (inside the caller's transaction when there is one) and its local cache. */
  removeScene(sceneId: string): void {
    this.db.prepare(`DELETE FROM artifacts WHERE scene_id = ?`).run(safeSegment(sceneId, "sceneId"));
    fs.rmSync(path.join(this.dataDir, "cache", "artifacts", sceneId), { recursive: true, force: true });
  }

  /** The local copy of the row's current content (fetched and written when this host has none), or null when there is no row. */
  localPath(sceneId: string, key: string): string | null {
    const r = this.db.prepare(`SELECT sha256 FROM artifacts WHERE scene_id = ? AND key = ?`).get(safeSegment(sceneId, "sceneId"), checkKey(key)) as { sha256: string } | undefined;
    if (!r) return null;
    const file = this.cacheFile(sceneId, key, r.sha256);
    if (fs.existsSync(file)) return file;
    const bytes = this.get(sceneId, key);
    if (!bytes) return null;
    // The row may have changed between the two reads: file the bytes under their own hash.
    const hash = sha256(bytes);
    const got = this.cacheFile(sceneId, key, hash);
    writeAtomic(got, bytes);
    this.prune(sceneId, key, hash.slice(0, 16));
    return got;
  }

  /** A fresh path under `<dataDir>/tmp/artifacts/`. */
  scratchPath(sceneId: string, key: string): string {
    safeSegment(sceneId, "sceneId");
    return newScratchPath(this.dataDir, checkKey(key));
  }
}
