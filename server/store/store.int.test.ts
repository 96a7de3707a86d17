/** Store against real SQLite in a temp dir: migrations, scene round-trip through zod, revisions, events, history, jobs, rollback. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SceneObject } from "@/lib/scene/schema";
import { migrate } from "./db";
import { Store, ROOM_ID } from "./index";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-store-"));
const store = new Store(dir);
afterAll(() => store.close());

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

describe("store", () => {
  it("migrates once and records the version", () => {
    expect(migrate(store.db)).toEqual([]);
    const rows = store.db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[];
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
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

  it("rejects path-unsafe ids for files", () => {
    expect(() => store.files.sceneDir("../etc")).toThrow(/invalid/);
    expect(store.files.objectGlb("s2", "bed-1", 3)).toBe(path.join(dir, "scenes", "s2", "objects", "bed-1", "r3.glb"));
  });
});
