import "server-only";
/**
 * The ArtifactStore: a scene's files (input image, object and room GLBs, exports, thumbnail, renders, picture
 * textures) by scene-relative key, e.g. `objects/<oid>/r3.glb`, `exports/scene-<hash>.glb`, `thumb.png`.
 * `FileArtifactStore` (./files.ts) keeps them under `<dataDir>/scenes/<id>/`; `PgArtifactStore` (./artifacts-pg.ts)
 * keeps them as bytea rows in Postgres, so hosts sharing the database need no shared disk. Keys are `/`-separated
 * segments each matching SAFE; ids and keys are checked before they become paths or rows.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../lib/errors";

const SAFE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** `segment` when it is one safe path segment (no `/`, no `..`, no leading dot); throws AppError `bad_request` otherwise. */
export function safeSegment(segment: string, what: string): string {
  if (!SAFE.test(segment) || segment.includes("..")) throw new AppError("bad_request", `store: invalid ${what}`, { [what]: segment });
  return segment;
}

/** `key` when every `/`-separated segment is safe; throws AppError `bad_request` otherwise. */
export function checkKey(key: string): string {
  if (key.length > 400) throw new AppError("bad_request", "store: invalid key", { key: key.slice(0, 80) });
  for (const s of key.split("/")) safeSegment(s, "key");
  return key;
}

/** Size (bytes) and modification time (epoch ms) of a stored artifact. */
export interface ArtifactStat {
  size: number;
  mtimeMs: number;
}

/** A scene's files by key (see the module comment); every method is synchronous and checks `sceneId` and `key`. */
export interface ArtifactStore {
  /** `files` (under the data dir) or `postgres` (bytea rows). */
  readonly kind: "files" | "postgres";
  /** Store `bytes` under `key`, replacing what was there. */
  put(sceneId: string, key: string, bytes: Uint8Array | string): void;
  /** Store the local file `file` under `key`, moving it (it is gone afterwards); throws ENOENT when it does not exist. */
  putFile(sceneId: string, key: string, file: string): void;
  /** The bytes under `key`, or null. */
  get(sceneId: string, key: string): Buffer | null;
  /** Whether `key` holds bytes. */
  has(sceneId: string, key: string): boolean;
  /** The ids among `sceneIds` whose scene holds `key` (one query on Postgres, for lists). */
  scenesWith(sceneIds: readonly string[], key: string): Set<string>;
  /** Size and time of `key`, or null when absent. */
  stat(sceneId: string, key: string): ArtifactStat | null;
  /** Keys starting with `prefix` (e.g. `renders/`), sorted. */
  list(sceneId: string, prefix: string): string[];
  /** Remove `key` (no error when absent). */
  remove(sceneId: string, key: string): void;
  /** Remove every artifact of the scene (no error when none). */
  removeScene(sceneId: string): void;
  /** A local file holding the bytes of `key` (materialised into the data dir's cache when they live elsewhere), or null when absent. */
  localPath(sceneId: string, key: string): string | null;
  /** A fresh local path (same base name as `key`) where a producer such as Blender writes a file before `putFile`. */
  scratchPath(sceneId: string, key: string): string;
}

/** Keys of the scene files the pipeline writes. */
export const ArtifactKeys = {
  /** `objects/<oid>/r<rev>.glb`. */
  objectGlb: (objectId: string, rev: number): string => `objects/${safeSegment(objectId, "objectId")}/r${rev}.glb`,
  /** `room/r<rev>.glb`. */
  roomGlb: (rev: number): string => `room/r${rev}.glb`,
  /** `exports/<name>` (name may hold `/`, e.g. `sim-<hash>/scene.usd`). */
  exportFile: (name: string): string => checkKey(`exports/${name}`),
  /** `thumb.png` (top-down render). */
  thumb: "thumb.png",
  /** `renders/<name>` (render PNGs and their JSON records). */
  renderFile: (name: string): string => `renders/${safeSegment(name, "file")}`,
  /** A file at the scene folder's top (the input image, picture textures). */
  sceneFile: (name: string): string => safeSegment(name, "file"),
} as const;

let scratchSeq = 0;

/** `<dataDir>/tmp/artifacts/<pid>-<n>-<random>/<base name of key>`, its folder created (same file system as the data dir, so a move is a rename). */
export function newScratchPath(dataDir: string, key: string): string {
  const dir = path.join(dataDir, "tmp", "artifacts", `${process.pid}-${++scratchSeq}-${crypto.randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, path.basename(key));
}

/** Move `from` to `to` (creating `to`'s folder): a rename, or copy and unlink across file systems; removes an emptied scratch folder. */
export function moveInto(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    fs.copyFileSync(from, to);
    fs.rmSync(from, { force: true });
  }
  if (from.includes(`${path.sep}tmp${path.sep}artifacts${path.sep}`)) fs.rmSync(path.dirname(from), { recursive: true, force: true });
}

/** Store the scratch file `file` under `key` when `ok` and the file exists (true), else discard it (false). */
export function keepScratch(store: ArtifactStore, sceneId: string, key: string, file: string, ok: boolean): boolean {
  if (ok && fs.existsSync(file)) {
    store.putFile(sceneId, key, file);
    return true;
  }
  discardScratch(file);
  return false;
}

/** Remove a scratch file that will not be stored, with its folder from `newScratchPath`. */
export function discardScratch(file: string): void {
  fs.rmSync(path.dirname(file).includes(`${path.sep}tmp${path.sep}artifacts${path.sep}`) ? path.dirname(file) : file, { recursive: true, force: true });
}

/** Write `bytes` to `file` atomically (temp file in the same folder, then rename), creating the folder. */
export function writeAtomic(file: string, bytes: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${++scratchSeq}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}
