/**
 * Health names the store: SQLite under the data dir by default; with DATABASE_URL, Postgres (password hidden) and
 * whether it answers. An unreachable DATABASE_URL makes health ok:false with a one-line reason naming DATABASE_URL,
 * and scene reads fail with a `store:` error at once instead of hanging. Real postgresql 15, real Blender pool.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setTempDataDir } from "@/test/support/env";
import { freePort } from "@/test/support/net";
import { testDatabase, type TestDatabase } from "@/test/support/postgres";

const dataDir = setTempDataDir();
let pgDb: TestDatabase;
const STORE_KEY = Symbol.for("roomcode.store");

async function healthWith(databaseUrl: string | undefined) {
  vi.resetModules();
  if (databaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = databaseUrl;
  const { getHealth } = await import("@/server/health");
  return getHealth();
}

beforeAll(async () => {
  pgDb = await testDatabase();
  process.env.ROOMCODE_WORKERS = "1";
  delete process.env.REDIS_URL;
});

afterAll(async () => {
  (globalThis as { [STORE_KEY]?: { close(): void } })[STORE_KEY]?.close();
  const { getRunner } = await import("@/server/runner");
  await getRunner().close();
  await pgDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("health reports the store", () => {
  it("is SQLite under the data dir without DATABASE_URL", async () => {
    const h = await healthWith(undefined);
    expect(h.store).toEqual({ backend: "sqlite", location: path.join(dataDir, "roomcode.sqlite"), reachable: true, error: null });
  });

  it("is Postgres, reachable, with DATABASE_URL", async () => {
    const url = new URL(pgDb.url);
    url.password = "secret";
    const h = await healthWith(url.toString());
    expect(h.store.backend).toBe("postgres");
    expect(h.store.reachable, h.store.error ?? "").toBe(true);
    expect(h.store.location).toContain(":***@");
    expect(JSON.stringify(h)).not.toContain("secret");
    expect(h.reason).toBeNull();
  });

  it("says what to fix when DATABASE_URL cannot be reached, and store reads fail with a store: error", async () => {
    const port = await freePort();
    const h = await healthWith(`postgres://roomcode@127.0.0.1:${port}/roomcode`);
    expect(h.store).toMatchObject({ backend: "postgres", reachable: false });
    expect(h.store.error).toMatch(/^store: cannot reach Postgres at 127\.0\.0\.1:\d+\/roomcode: .*ECONNREFUSED/);
    expect(h.ok).toBe(false);
    expect(h.reason).toMatch(/^The Postgres store at postgres:\/\/roomcode@127\.0\.0\.1:\d+\/roomcode does not answer \(cannot reach Postgres.*check DATABASE_URL/);
    const { getStore } = await import("@/server/store");
    expect(() => getStore().scenes.list()).toThrow(/^store: cannot reach Postgres/);
  });
});
