/**
 * Test environment helpers. Call `useTempDataDir()` BEFORE any server module is imported (server config and
 * the store read ROOMCODE_DATA_DIR and DATABASE_URL once): import server modules dynamically after it, or call it
 * in `vi.hoisted`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseSync } from "./postgres";

/**
 * Point ROOMCODE_DATA_DIR at a fresh temp directory and return its absolute path. When DATABASE_URL is set (the
 * integration suite run on Postgres), also point it at a fresh empty database on that server, so that every test
 * starts from an empty store on either backend.
 */
export function useTempDataDir(prefix = "roomcode-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env.ROOMCODE_DATA_DIR = dir;
  if (process.env.DATABASE_URL) process.env.DATABASE_URL = createDatabaseSync(process.env.DATABASE_URL);
  return dir;
}

/** Same as `useTempDataDir`, under a name that React's hook lint rule does not mistake for a hook at module top level. */
export const setTempDataDir = useTempDataDir;

/** Absolute path of the shared third-party inputs (`<repo>/../shared/inputs`, see ../shared/inputs/SOURCES.md). */
export function sharedInputsDir(): string {
  return path.resolve(__dirname, "../../../shared/inputs");
}
