import "server-only";
/**
 * FileArtifactStore: a scene's artifacts as files under `<dataDir>/scenes/<id>/<key>` (the input image,
 * `objects/<oid>/r<rev>.glb`, `room/r<rev>.glb`, `exports/`, `thumb.png`, `renders/`). Writes are atomic (temp
 * file and rename); `putFile` moves a produced file into place without copying it.
 */
import fs from "node:fs";
import path from "node:path";
import { type ArtifactStat, type ArtifactStore, checkKey, moveInto, newScratchPath, safeSegment, writeAtomic } from "./artifacts";

/** Artifacts as files under the data dir (see the module comment). */
export class FileArtifactStore implements ArtifactStore {
  readonly kind = "files" as const;

  constructor(readonly dataDir: string) {}

  /** `<dataDir>/scenes/<sceneId>`. */
  sceneDir(sceneId: string): string {
    return path.join(this.dataDir, "scenes", safeSegment(sceneId, "sceneId"));
  }

  /** Absolute path of `key` (whether or not it exists). */
  pathOf(sceneId: string, key: string): string {
    return path.join(this.sceneDir(sceneId), checkKey(key));
  }

  /** Store `bytes` under `key`. */
  put(sceneId: string, key: string, bytes: Uint8Array | string): void {
    writeAtomic(this.pathOf(sceneId, key), bytes);
  }

  /** Move `file` to `key`'s path. */
  putFile(sceneId: string, key: string, file: string): void {
    const to = this.pathOf(sceneId, key);
    if (path.resolve(file) !== to) moveInto(file, to);
  }

  /** The file's bytes, or null. */
  get(sceneId: string, key: string): Buffer | null {
    try {
      return fs.readFileSync(this.pathOf(sceneId, key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  /** Whether the file exists. */
  has(sceneId: string, key: string): boolean {
    return fs.existsSync(this.pathOf(sceneId, key));
  }

  /** The ids among `sceneIds` with a file at `key`. */
  scenesWith(sceneIds: readonly string[], key: string): Set<string> {
    return new Set(sceneIds.filter((id) => this.has(id, key)));
  }

  /** The file's size and mtime, or null. */
  stat(sceneId: string, key: string): ArtifactStat | null {
    const s = fs.statSync(this.pathOf(sceneId, key), { throwIfNoEntry: false });
    return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  }

  /** Files (recursively) whose key starts with `prefix`, temp files left out. */
  list(sceneId: string, prefix: string): string[] {
    const root = this.sceneDir(sceneId);
    const slash = prefix.lastIndexOf("/");
    const start = slash < 0 ? root : path.join(root, checkKey(prefix.slice(0, slash)));
    if (!fs.existsSync(start)) return [];
    const keys = (fs.readdirSync(start, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((d) => d.isFile() && !/\.tmp-\d+/.test(d.name))
      .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join("/"));
    return keys.filter((k) => k.startsWith(prefix)).sort();
  }

  /** Remove the file. */
  remove(sceneId: string, key: string): void {
    fs.rmSync(this.pathOf(sceneId, key), { force: true });
  }

  /** Remove the scene's folder. */
  removeScene(sceneId: string): void {
    fs.rmSync(this.sceneDir(sceneId), { recursive: true, force: true });
  }

  /** The file's path when it exists, else null. */
  localPath(sceneId: string, key: string): string | null {
    const p = this.pathOf(sceneId, key);
    return fs.existsSync(p) ? p : null;
  }

  /** A fresh path under `<dataDir>/tmp/artifacts/`. */
  scratchPath(sceneId: string, key: string): string {
    this.pathOf(sceneId, key);
    return newScratchPath(this.dataDir, key);
  }
}
