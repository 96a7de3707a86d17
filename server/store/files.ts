import "server-only";
/**
 * File layout of a scene under the data dir: `scenes/<id>/` holds the input image, `objects/<oid>/r<rev>.glb`,
 * `room/r<rev>.glb`, `exports/` and `thumb.png`. Ids are checked before they become path segments.
 */
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../lib/errors";

const SAFE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

function safe(segment: string, what: string): string {
  if (!SAFE.test(segment) || segment.includes("..")) throw new AppError("bad_request", `store: invalid ${what}`, { [what]: segment });
  return segment;
}

/** Paths of a scene's files; every method returns an absolute path and creates nothing unless `ensure*` is called. */
export class SceneFiles {
  constructor(readonly dataDir: string) {}

  /** `<dataDir>/scenes/<sceneId>`. */
  sceneDir(sceneId: string): string {
    return path.join(this.dataDir, "scenes", safe(sceneId, "sceneId"));
  }

  /** `<scene>/objects/<oid>/r<rev>.glb`. */
  objectGlb(sceneId: string, objectId: string, rev: number): string {
    return path.join(this.sceneDir(sceneId), "objects", safe(objectId, "objectId"), `r${rev}.glb`);
  }

  /** `<scene>/room/r<rev>.glb`. */
  roomGlb(sceneId: string, rev: number): string {
    return path.join(this.sceneDir(sceneId), "room", `r${rev}.glb`);
  }

  /** `<scene>/exports/<name>`. */
  exportFile(sceneId: string, name: string): string {
    return path.join(this.sceneDir(sceneId), "exports", safe(name, "file"));
  }

  /** `<scene>/thumb.png` (top-down render). */
  thumb(sceneId: string): string {
    return path.join(this.sceneDir(sceneId), "thumb.png");
  }

  /** `<scene>/renders/<name>` (render PNGs and their JSON records). */
  renderFile(sceneId: string, name: string): string {
    return path.join(this.sceneDir(sceneId), "renders", safe(name, "file"));
  }

  /** Absolute path of a file stored relative to the scene folder (e.g. the input image). */
  sceneFile(sceneId: string, name: string): string {
    return path.join(this.sceneDir(sceneId), safe(name, "file"));
  }

  /** Create the parent folder of `file` and return `file`. */
  ensureParent(file: string): string {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return file;
  }

  /** Remove a scene's folder (no error when absent). */
  removeScene(sceneId: string): void {
    fs.rmSync(this.sceneDir(sceneId), { recursive: true, force: true });
  }
}
