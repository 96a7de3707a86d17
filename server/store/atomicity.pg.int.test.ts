/**
 * The edit atomicity test (server/edits/atomicity.int.test.ts: 50 multi-object edits with kill -9 of the edit
 * process at random points and between a PARAMS edit's two builds) with the store on Postgres: the same file runs
 * here with DATABASE_URL pointing at a fresh database (a throwaway postgresql 15 cluster, or one on the
 * DATABASE_URL server), which its edit processes inherit. Afterwards the database holds the 50 edits' history.
 */
import { afterAll, expect } from "vitest";
import { testDatabase } from "@/test/support/postgres";

const pgDb = await testDatabase();
process.env.DATABASE_URL = pgDb.url;
delete process.env.REDIS_URL;
const { PostgresDatabase } = await import("./postgres");

// Registered first, so it runs after the atomicity file's own afterAll has closed its store. The database used is
// the one DATABASE_URL names by then (the atomicity file's temp data dir brings a fresh one on the same server).
afterAll(async () => {
  const db = new PostgresDatabase(process.env.DATABASE_URL!);
  try {
    expect(db.prepare("SELECT COUNT(*) AS n FROM history WHERE undone = 0").get()).toEqual({ n: 50 });
  } finally {
    db.close();
    await pgDb.drop();
  }
});

await import("@/server/edits/atomicity.int.test");
