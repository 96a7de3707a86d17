/**
 * Two processes, one Postgres database (a throwaway postgresql 15 cluster, or a fresh database on the DATABASE_URL
 * server): two processes that start migrating at the same moment apply each migration once between them; a scene
 * written by one process is read whole by the other; and events appended by one stream live to a subscriber in the
 * other over LISTEN/NOTIFY (no REDIS_URL), in order and without gaps, including one too large for a NOTIFY payload.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import type { StageEvent } from "@/lib/scene/schema";
import { setTempDataDir } from "@/test/support/env";
import { testDatabase, type TestDatabase } from "@/test/support/postgres";

const REPO = path.resolve(__dirname, "../..");
const dataDir = setTempDataDir();
const pgDb: TestDatabase = await testDatabase();
process.env.DATABASE_URL = pgDb.url;
delete process.env.REDIS_URL;
const { getStore } = await import("./index");
const { eventBusReady, subscribeEvents } = await import("@/server/events/bus");

interface Child {
  proc: ChildProcess;
  next(): Promise<Record<string, unknown>>;
  send(line: string): void;
  exit: Promise<number | null>;
}

function child(args: string[]): Child {
  const proc = spawn("npx", ["tsx", "--conditions", "react-server", "test/support/pg-child.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, ROOMCODE_DATA_DIR: dataDir, DATABASE_URL: pgDb.url },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  const lines = readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const exit = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return {
    proc,
    async next() {
      const r = await lines.next();
      if (r.done) throw new Error(`pg-child ${args.join(" ")} ended early: ${stderr.slice(-2000)}`);
      return JSON.parse(r.value as string) as Record<string, unknown>;
    },
    send: (line) => proc.stdin!.write(`${line}\n`),
    exit,
  };
}

async function finish(c: Child): Promise<number | null> {
  c.proc.stdin!.end();
  return c.exit;
}

afterAll(async () => {
  getStore().close();
  await pgDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("two processes on one Postgres database", () => {
  it("migrates once when two processes start at the same moment", async () => {
    const a = child(["migrate"]);
    const b = child(["migrate"]);
    expect(await a.next()).toEqual({ ready: true });
    expect(await b.next()).toEqual({ ready: true });
    a.send("go");
    b.send("go");
    const applied = [(await a.next()).applied, (await b.next()).applied] as number[][];
    expect(applied.flat().sort()).toEqual([1, 2, 3, 4]);
    expect(applied.some((x) => x.length === 0)).toBe(true);
    expect(await finish(a)).toBe(0);
    expect(await finish(b)).toBe(0);
    const rows = getStore().db.prepare("SELECT version, COUNT(*) AS n FROM schema_migrations GROUP BY version ORDER BY version").all();
    expect(rows).toEqual([
      { version: 1, n: 1 },
      { version: 2, n: 1 },
      { version: 3, n: 1 },
      { version: 4, n: 1 },
    ]);
  });

  it("reads a scene that the other process wrote", async () => {
    const w = child(["write", "pg-two"]);
    expect(await w.next()).toEqual({ written: "pg-two" });
    expect(await finish(w)).toBe(0);
    const s = getStore().getScene("pg-two");
    expect(s.title).toBe("Written elsewhere");
    expect(s.objects.map((o) => o.id)).toEqual(["bed-1", "lamp-1"]);
    expect(s.objects[0].program).toMatchObject({ rev: 1, params: { width: 1.4 }, origin: "generated" });
    expect(s.objects[0].placement).toEqual({ x: 1, y: -1, z: 0, yawDeg: 90 });
    expect(getStore().events.list("pg-two").map((e) => e.type)).toEqual(["job.started", "stage.started"]);
  });

  it("streams the other process's events live over LISTEN/NOTIFY, in order and without gaps", async () => {
    const got: StageEvent[] = [];
    let wake: () => void = () => undefined;
    const off = subscribeEvents("pg-two", getStore().events.lastSeq("pg-two"), (e) => {
      got.push(e);
      wake();
    });
    await eventBusReady();
    const e = child(["events", "pg-two", "3"]);
    expect(await e.next()).toEqual({ appended: [3, 4, 5] });
    while (got.length < 3) await new Promise<void>((r) => (wake = r));
    off();
    expect(await finish(e)).toBe(0);
    expect(got.map((x) => x.seq)).toEqual([3, 4, 5]);
    expect(got.map((x) => x.data.i)).toEqual([0, 1, 2]);
    expect(String(got[1].data.note)).toHaveLength(20_000);
  });
});
