/**
 * Store against both real backends: SQLite in a temp dir and Postgres 15 (a throwaway cluster, or a fresh database
 * on the DATABASE_URL server): migrations, scene round-trip through zod, revisions, events, history, jobs, rollback.
 * Then what only the Postgres adapter does: types, parameters, savepoints, aborted transactions, tagged errors.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SceneObject } from "@/lib/scene/schema";
import { freePort } from "@/test/support/net";
import { testDatabase, type TestDatabase } from "@/test/support/postgres";
import { migrate, openPostgres } from "./db";
import { Store, ROOM_ID } from "./index";
import { MIGRATIONS } from "./migrations";
import { PG_MIGRATIONS } from "./migrations-pg";
import { PostgresDatabase } from "./postgres";

let pgDb: TestDatabase | null = null;
beforeAll(async () => {
  pgDb = await testDatabase();
});
afterAll(async () => {
  await pgDb?.drop();
});

function object(id: string): SceneObject {
  return {
    id,
    name: id,
    category: id.split("-")[0],
    description: `a ${id}`,
    route: "static_furniture",
    targetSize: { w: 1, d: 0.5, h: 0.8 },
    placement: { x: 1, y: -1, z: 0, yawDeg: 90 },
    support: "floor",
    attributes: { color: "#112233", colorName: "navy", material: "oak", size: null, style: ["modern"], tags: [] },
    plan: null,
    program: null,
    build: { status: "pending", glbRev: null, stats: null, error: null, attempts: 0 },
    hidden: false,
  };
}

describe.each(["sqlite", "postgres"] as const)("store on %s", (backend) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-store-"));
  let store: Store;
  beforeAll(() => {
    store = new Store(dir, backend === "postgres" ? pgDb!.url : null);
    expect(store.backend).toBe(backend);
  });
  afterAll(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("migrates once and records the version", () => {
    expect(migrate(store.db)).toEqual([]);
    const rows = store.db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[];
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
    if (backend === "sqlite") {
      expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    } else {
      expect(() => store.db.pragma("journal_mode")).toThrow(/^store: PRAGMA journal_mode is SQLite-only/);
    }
  });

  it("round-trips a scene with objects, room and revisions through the zod schema", () => {
    store.transaction(() => {
      store.scenes.insert({ id: "s1", title: "Bedroom", source: { kind: "prompt", prompt: "a bedroom" }, engine: "offline", status: "running" });
      store.objects.put("s1", object("bed-1"));
      store.objects.put("s1", object("nightstand-1"));
    });
    const rev = store.revisions.add("s1", "bed-1", { source: "PARAMS = {'width': 1}\n", params: { width: 1 }, origin: "generated" });
    expect(rev.rev).toBe(1);
    expect(store.revisions.add("s1", "bed-1", { source: "x", params: {}, origin: "repair" }).rev).toBe(2);
    store.objects.put("s1", { ...object("bed-1"), program: { rev: 1, source: rev.source, params: rev.params, origin: "generated", createdAt: rev.createdAt } });
    const roomRev = store.revisions.add("s1", ROOM_ID, { source: "room", params: {}, origin: "generated" });
    store.scenes.update("s1", {
      room: {
        roomType: "bedroom",
        footprint: [[-2, -2], [2, -2], [2, 2], [-2, 2]],
        wallHeight: 2.7,
        wallThickness: 0.1,
        openings: [],
        floorMaterial: { name: "oak", color: "#aa8855", roughness: 0.6, metallic: 0 },
        wallMaterial: { name: "paint", color: "#eeeeee", roughness: 0.9, metallic: 0 },
        ceiling: false,
      },
      roomRev: roomRev.rev,
    });
    const s = store.getScene("s1");
    expect(s.objects.map((o) => o.id)).toEqual(["bed-1", "nightstand-1"]);
    expect(s.objects[0].program?.rev).toBe(1);
    expect(s.objects[0].placement.yawDeg).toBe(90);
    expect(s.room?.program?.source).toBe("room");
    expect(s.room?.glbRev).toBeNull();
    expect(store.revisions.list("s1", "bed-1").map((r) => r.origin)).toEqual(["generated", "repair"]);
  });

  it("numbers events per scene and lists after a seq", () => {
    const a = store.events.append("s1", "job.started", { data: { n: 1 } });
    const b = store.events.append("s1", "stage.started", { stage: "structure", data: {} });
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(store.events.list("s1", 1).map((e) => e.type)).toEqual(["stage.started"]);
    expect(store.events.lastSeq("nope")).toBe(0);
  });

  it("keeps history with a redo stack that a new entry clears", () => {
    const h1 = store.history.push("s1", { name: "set-placement", label: "Move bed", command: { x: 1 }, inverse: { x: 0 } });
    store.history.push("s1", { name: "set-params", label: "Color", command: { c: 1 }, inverse: { c: 0 } });
    expect(store.history.lastDone("s1")?.label).toBe("Color");
    store.history.setUndone("s1", 2, true);
    expect(store.history.firstUndone("s1")?.seq).toBe(2);
    expect(store.history.lastDone("s1")?.seq).toBe(h1.seq);
    store.history.push("s1", { name: "set-hidden", label: "Hide", command: {}, inverse: {} });
    expect(store.history.list("s1").map((e) => e.name)).toEqual(["set-placement", "set-hidden"]);
    expect(store.history.firstUndone("s1")).toBeNull();
  });

  it("rolls back every write of a failed transaction", () => {
    const before = store.revisions.count("s1");
    expect(() =>
      store.transaction(() => {
        store.revisions.add("s1", "bed-1", { source: "y", params: {}, origin: "edit" });
        store.events.append("s1", "scene.updated", { data: {} });
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(store.revisions.count("s1")).toBe(before);
    expect(store.events.lastSeq("s1")).toBe(2);
  });

  it("tracks jobs and cascades a scene delete to all its rows", () => {
    store.jobs.put("s1", "create", "running");
    store.jobs.update("s1", { completedStages: ["structure", "layout"], stage: "profile" });
    expect(store.jobs.listRunning().map((j) => j.sceneId)).toEqual(["s1"]);
    expect(store.jobs.get("s1")?.completedStages).toEqual(["structure", "layout"]);
    store.deleteScene("s1");
    for (const t of ["objects", "program_revisions", "events", "history", "jobs"]) {
      expect((store.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n).toBe(0);
    }
    expect(() => store.getScene("s1")).toThrow(/does not exist/);
  });

  it("lists scenes newest first, by owner, and keeps memory entries in order", () => {
    store.transaction(() => {
      for (const [id, owner] of [["l1", "ann"], ["l2", "bob"], ["l3", "ann"]]) {
        store.scenes.insert({ id, title: id, source: { kind: "prompt", prompt: id }, engine: "offline", status: "completed", owner });
      }
    });
    store.objects.put("l3", object("chair-1"));
    expect(store.scenes.list(10, "ann").map((r) => [r.id, r.objectCount])).toEqual([["l3", 1], ["l1", 0]]);
    expect(store.scenes.list(2).map((r) => r.id)).toEqual(["l3", "l2"]);
    expect(store.scenes.ownerOf("l2")).toBe("bob");
    store.memory.add("l1", [
      { stage: "layout", kind: "note", key: "a", value: { n: 1 }, createdAt: "2026-01-01T00:00:00.000Z" },
      { stage: "layout", kind: "note", key: "b", value: null, createdAt: "2026-01-01T00:00:00.000Z" },
      { stage: "structure", kind: "note", key: "c", value: [1], createdAt: "2026-01-01T00:00:00.000Z" },
    ]);
    expect(store.memory.list("l1").map((e) => e.key)).toEqual(["a", "b", "c"]);
    store.memory.clearStage("l1", "layout");
    expect(store.memory.list("l1").map((e) => [e.key, e.value])).toEqual([["c", [1]]]);
    store.objects.setOrder("l3", ["chair-1"]);
    expect(store.objects.delete("l3", "chair-1")).toBe(true);
    expect(store.objects.delete("l3", "chair-1")).toBe(false);
    for (const id of ["l1", "l2", "l3"]) store.deleteScene(id);
  });

  it("rejects path-unsafe ids for files", () => {
    expect(() => store.artifacts.has("../etc", "thumb.png")).toThrow(/invalid/);
    expect(() => store.artifacts.put("s2", "objects/../../x.glb", "x")).toThrow(/invalid/);
  });
});

describe("Postgres adapter", () => {
  let db: PostgresDatabase;
  beforeAll(() => {
    db = openPostgres(pgDb!.url);
  });
  afterAll(() => db.close());

  it("has the same migration versions as SQLite, and a second open migrates nothing", () => {
    expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    expect(migrate(db)).toEqual([]);
  });

  it("binds ? parameters, leaving a literal ? alone", () => {
    expect(db.prepare("SELECT '?' AS q, CAST(? AS INTEGER) AS v").get(7)).toEqual({ q: "?", v: 7 });
  });

  it("reads INTEGER as number, TEXT as string, NULL as null, BYTEA as Buffer, COUNT(*) as number", () => {
    db.exec("CREATE TABLE t_types (i INTEGER, b BIGINT, s TEXT, n TEXT, y BYTEA)");
    expect(db.prepare("INSERT INTO t_types VALUES (?, ?, ?, ?, ?)").run(42, 2 ** 40, "x", null, Buffer.from([1, 2, 3]))).toEqual({ changes: 1 });
    const row = db.prepare("SELECT i, b, s, n, y, COUNT(*) OVER () AS c FROM t_types").get() as Record<string, unknown>;
    expect(row).toEqual({ i: 42, b: 2 ** 40, s: "x", n: null, y: Buffer.from([1, 2, 3]), c: 1 });
    expect(Buffer.isBuffer(row.y)).toBe(true);
    expect(db.prepare("SELECT * FROM t_types WHERE i = ?").get(0)).toBeUndefined();
    expect(db.prepare("UPDATE t_types SET s = @s WHERE i = @i").run({ s: "y", i: 42 }).changes).toBe(1);
    expect(() => db.prepare("UPDATE t_types SET s = @s WHERE i = @i").run({ s: "y" })).toThrow(/^store: missing named parameter @i/);
  });

  it("prepares a SELECT * again after a migration changed its table", () => {
    const all = db.prepare("SELECT * FROM t_types");
    expect(Object.keys(all.get() as object)).toEqual(["i", "b", "s", "n", "y"]);
    db.exec("ALTER TABLE t_types ADD COLUMN z TEXT DEFAULT 'new'");
    expect(all.get()).toMatchObject({ i: 42, z: "new" });
  });

  it("nests transactions as savepoints: an inner rollback keeps the outer writes", () => {
    db.exec("CREATE TABLE t_tx (k TEXT PRIMARY KEY)");
    const put = db.prepare("INSERT INTO t_tx VALUES (?)");
    db.transaction(() => {
      put.run("outer");
      expect(() =>
        db.transaction(() => {
          put.run("inner");
          throw new Error("inner fails");
        })(),
      ).toThrow("inner fails");
      put.run("after");
    })();
    expect((db.prepare("SELECT k FROM t_tx ORDER BY k").all() as { k: string }[]).map((r) => r.k)).toEqual(["after", "outer"]);
  });

  it("tags statement errors with store: and the SQLSTATE, and never commits a transaction a failed statement aborted", () => {
    const put = db.prepare("INSERT INTO t_tx VALUES (?)");
    let err: (Error & { code?: string }) | null = null;
    try {
      put.run("outer");
    } catch (e) {
      err = e as Error & { code?: string };
    }
    expect(err?.message).toMatch(/^store: duplicate key value violates unique constraint/);
    expect(err?.code).toBe("23505");
    expect(() =>
      db.transaction(() => {
        put.run("lost");
        expect(() => put.run("outer")).toThrow(/^store: duplicate key/);
      })(),
    ).toThrow(/^store: the transaction was rolled back because a statement in it failed/);
    expect(db.prepare("SELECT k FROM t_tx WHERE k = 'lost'").get()).toBeUndefined();
    expect(() => db.transaction(() => Promise.resolve(1))()).toThrow(/must not return a promise/);
    expect(db.prepare("SELECT 1 AS one").get()).toEqual({ one: 1 });
  });

  it("fails with a clear store: error when the server cannot be reached", async () => {
    const port = await freePort();
    expect(() => new Store(fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-store-")), `postgres://roomcode@127.0.0.1:${port}/none`)).toThrow(
      new RegExp(`^store: cannot reach Postgres at 127\\.0\\.0\\.1:${port}/none: .*ECONNREFUSED`),
    );
  });
});
