/**
 * The ArtifactStore on both backends: files under the data dir (SQLite store) and bytea rows (Postgres store, a
 * throwaway cluster or a fresh database on the DATABASE_URL server). Round trip of binary bytes through put, get,
 * putFile and localPath; list and stat; key checks; removal with the scene. On Postgres, a second store on another
 * data dir (a second host) sees the first's puts, and a put from it is what the first host's localPath returns.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase, type TestDatabase } from "@/test/support/postgres";
import { Store } from "./index";

let pgDb: TestDatabase | null = null;
beforeAll(async () => {
  pgDb = await testDatabase();
});
afterAll(async () => {
  await pgDb?.drop();
});

/** All 256 byte values, then 64 KiB of random bytes. */
const BYTES = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), crypto.randomBytes(65536)]);
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-artifacts-"));

describe.each(["sqlite", "postgres"] as const)("artifacts on %s", (backend) => {
  const dir = tmpDir();
  let store: Store;
  beforeAll(() => {
    store = new Store(dir, backend === "postgres" ? pgDb!.url : null);
    expect(store.artifacts.kind).toBe(backend === "postgres" ? "postgres" : "files");
  });
  afterAll(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("round-trips every byte value through put, get and localPath", () => {
    const a = store.artifacts;
    expect(a.has("s1", "objects/bed-1/r1.glb")).toBe(false);
    expect(a.get("s1", "objects/bed-1/r1.glb")).toBeNull();
    expect(a.localPath("s1", "objects/bed-1/r1.glb")).toBeNull();
    a.put("s1", "objects/bed-1/r1.glb", BYTES);
    expect(a.has("s1", "objects/bed-1/r1.glb")).toBe(true);
    expect(a.get("s1", "objects/bed-1/r1.glb")!.equals(BYTES)).toBe(true);
    const local = a.localPath("s1", "objects/bed-1/r1.glb")!;
    expect(path.isAbsolute(local) && local.startsWith(dir)).toBe(true);
    expect(path.basename(local)).toBe("r1.glb");
    expect(fs.readFileSync(local).equals(BYTES)).toBe(true);
    expect(a.stat("s1", "objects/bed-1/r1.glb")).toMatchObject({ size: BYTES.length });
    if (backend === "sqlite") expect(local).toBe(path.join(dir, "scenes", "s1", "objects", "bed-1", "r1.glb"));
  });

  it("round-trips an 8 MiB buffer byte-exact through put, get and a cold localPath", () => {
    const a = store.artifacts;
    const big = crypto.randomBytes(8 << 20);
    a.put("s1", "exports/big.glb", big);
    expect(a.get("s1", "exports/big.glb")!.equals(big)).toBe(true);
    if (backend === "postgres") fs.rmSync(path.join(dir, "cache"), { recursive: true, force: true });
    expect(fs.readFileSync(a.localPath("s1", "exports/big.glb")!).equals(big)).toBe(true);
    a.remove("s1", "exports/big.glb");
  });

  it("moves a produced file in with putFile and replaces a key's bytes on put", () => {
    const a = store.artifacts;
    const scratch = a.scratchPath("s1", "exports/scene-abc.glb");
    expect(path.basename(scratch)).toBe("scene-abc.glb");
    fs.writeFileSync(scratch, BYTES.subarray(0, 1000));
    a.putFile("s1", "exports/scene-abc.glb", scratch);
    expect(fs.existsSync(scratch)).toBe(false);
    expect(fs.existsSync(path.dirname(scratch))).toBe(false);
    expect(fs.readFileSync(a.localPath("s1", "exports/scene-abc.glb")!).equals(BYTES.subarray(0, 1000))).toBe(true);
    a.put("s1", "thumb.png", "first");
    a.put("s1", "thumb.png", "second");
    expect(a.get("s1", "thumb.png")!.toString()).toBe("second");
    expect(fs.readFileSync(a.localPath("s1", "thumb.png")!, "utf8")).toBe("second");
  });

  it("lists keys by prefix", () => {
    const a = store.artifacts;
    a.put("s1", "renders/r-1.json", "{}");
    a.put("s1", "renders/r-1-p1.png", "png");
    a.put("s1", "exports/sim-k/raw/bed-1.obj", "o");
    expect(a.list("s1", "renders/")).toEqual(["renders/r-1-p1.png", "renders/r-1.json"]);
    expect(a.list("s1", "exports/")).toEqual(["exports/scene-abc.glb", "exports/sim-k/raw/bed-1.obj"]);
    expect(a.list("s1", "")).toEqual(["exports/scene-abc.glb", "exports/sim-k/raw/bed-1.obj", "objects/bed-1/r1.glb", "renders/r-1-p1.png", "renders/r-1.json", "thumb.png"]);
    expect(a.list("nope", "")).toEqual([]);
  });

  it("rejects path-unsafe scene ids and keys", () => {
    const a = store.artifacts;
    for (const key of ["../x", "objects/../../x.glb", "/etc/passwd", ".hidden", "a//b", "", "a/./b", "a\\..\\b"]) {
      expect(() => a.put("s1", key, "x"), key).toThrow(/invalid/);
      expect(() => a.localPath("s1", key), key).toThrow(/invalid/);
    }
    for (const id of ["../etc", "a/b", ".", ""]) expect(() => a.has(id, "thumb.png"), id).toThrow(/invalid/);
  });

  it("removes a scene's artifacts with the scene and leaves other scenes alone", () => {
    const a = store.artifacts;
    store.transaction(() => store.scenes.insert({ id: "gone", title: "t", source: { kind: "prompt", prompt: "a bed" }, engine: "offline", status: "running" }));
    a.put("gone", "objects/bed-1/r1.glb", BYTES);
    const local = a.localPath("gone", "objects/bed-1/r1.glb")!;
    store.deleteScene("gone");
    expect(a.list("gone", "")).toEqual([]);
    expect(a.has("gone", "objects/bed-1/r1.glb")).toBe(false);
    expect(fs.existsSync(local)).toBe(false);
    expect(a.has("s1", "objects/bed-1/r1.glb")).toBe(true);
    if (backend === "postgres") expect(store.db.prepare("SELECT COUNT(*) AS n FROM artifacts WHERE scene_id = ?").get("gone")).toEqual({ n: 0 });
  });
});

describe("artifacts on Postgres from two hosts (two data dirs, one database)", () => {
  const dirA = tmpDir();
  const dirB = tmpDir();
  let a: Store;
  let b: Store;
  beforeAll(() => {
    a = new Store(dirA, pgDb!.url);
    b = new Store(dirB, pgDb!.url);
  });
  afterAll(() => {
    a.close();
    b.close();
    for (const d of [dirA, dirB]) fs.rmSync(d, { recursive: true, force: true });
  });

  it("gives host B the bytes host A stored, from B's own disk", () => {
    a.artifacts.put("h1", "objects/desk-1/r2.glb", BYTES);
    const onB = b.artifacts.localPath("h1", "objects/desk-1/r2.glb")!;
    expect(onB.startsWith(dirB)).toBe(true);
    expect(fs.readFileSync(onB).equals(BYTES)).toBe(true);
  });

  it("reads raw bytes with quoted parameters, and null for no row or NULL", () => {
    const pg = a.db as import("./postgres").PostgresDatabase;
    expect(pg.readBytes("SELECT convert_to(? || '$1 ?', 'UTF8')", "it's \\ ")!.toString()).toBe("it's \\ $1 ?");
    expect(pg.readBytes("SELECT bytes FROM artifacts WHERE scene_id = ? AND key = ?", "h1", "nope")).toBeNull();
    expect(pg.readBytes("SELECT NULL::bytea")).toBeNull();
    expect(pg.readBytes("SELECT ''::bytea")!.length).toBe(0);
    expect(() => pg.readBytes("SELECT nope FROM artifacts")).toThrow(/store: .*nope/);
    expect(b.artifacts.get("h1", "objects/desk-1/r2.glb")!.equals(BYTES)).toBe(true);
  });

  it("answers host A's localPath with host B's newer put, not A's stale cache", () => {
    a.artifacts.put("h1", "thumb.png", "from A");
    const first = a.artifacts.localPath("h1", "thumb.png")!;
    expect(fs.readFileSync(first, "utf8")).toBe("from A");
    expect(b.artifacts.get("h1", "thumb.png")!.toString()).toBe("from A");
    b.artifacts.put("h1", "thumb.png", "from B, newer");
    const again = a.artifacts.localPath("h1", "thumb.png")!;
    expect(fs.readFileSync(again, "utf8")).toBe("from B, newer");
    expect(fs.existsSync(first)).toBe(false);
    expect(a.artifacts.get("h1", "thumb.png")!.toString()).toBe("from B, newer");
  });
});
