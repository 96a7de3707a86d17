/**
 * The render gallery and the scene list read from the real store (SQLite, or Postgres under with-postgres): the
 * gallery lists render records only, not the fidelity view's `renders/fidelity.json`; the scene list gives each
 * scene with a thumbnail its URL and asks the database for all thumbnails at once, not once per scene.
 */
import fs from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useTempDataDir } from "../../test/support/env";


const dataDir = useTempDataDir("roomcode-render-list-");
const { getStore } = await import("../store");
const { listRenders } = await import("./index");
const { listScenes } = await import("../pipeline/files");

afterAll(() => {
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const insert = (id: string) => getStore().scenes.insert({ id, title: id, source: { kind: "prompt", prompt: "a room" }, engine: "offline", status: "completed" });

describe("listing renders and scenes", () => {
  it("lists render records and not the fidelity view's record", () => {
    insert("gallery");
    const a = getStore().artifacts;
    const camera = { position: [1, 1, 1], target: [0, 0, 0], fovDeg: 50 };
    const rec = { id: "mabc12-0a1b2c", preset: "overview", camera, createdAt: "2026-01-01T00:00:00.000Z", status: "completed", passes: [{ samples: 8, file: "mabc12-0a1b2c-p1.png", seconds: 1 }], error: null };
    a.put("gallery", "renders/mabc12-0a1b2c.json", JSON.stringify(rec));
    a.put("gallery", "renders/mabc12-0a1b2c-p1.png", "png");
    const fidelity = { id: "mabc13-ffffff", file: "fidelity-mabc13.png", widthPx: 640, heightPx: 480, createdAt: "2026-01-02T00:00:00.000Z", seconds: 2, status: "completed", error: null, stateKey: "k" };
    a.put("gallery", "renders/fidelity.json", JSON.stringify(fidelity));
    expect(listRenders("gallery")).toEqual([rec]);
  });

  it("gives the scenes with a thumbnail its URL, with one artifact query for the whole list", () => {
    const ids = ["list-a", "list-b", "list-c", "list-d", "list-e"];
    for (const id of ids) insert(id);
    getStore().artifacts.put("list-b", "thumb.png", "png");
    getStore().artifacts.put("list-d", "thumb.png", "png");
    const prepare = vi.spyOn(getStore().db, "prepare");
    const rows = listScenes(200);
    const artifactQueries = prepare.mock.calls.filter(([sql]) => /\bartifacts\b/.test(sql)).length;
    prepare.mockRestore();
    const withThumb = rows.filter((r) => r.thumbnailUrl).map((r) => r.id);
    expect(withThumb.sort()).toEqual(["list-b", "list-d"]);
    expect(rows.find((r) => r.id === "list-b")!.thumbnailUrl).toMatch(/^\/api\/scenes\/list-b\/thumb\.png\?v=/);
    if (getStore().backend === "postgres") expect(artifactQueries).toBe(1);
  });
});
