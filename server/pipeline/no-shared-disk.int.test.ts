/**
 * Hosts on one Postgres store need no shared disk: this process (host A, data dir A) makes a scene with real
 * Blender; a second process (test/support/second-host.ts) with an empty data dir B on the same database downloads
 * its object and room GLBs and thumbnail and exports the scene GLB through the real routes, and gets A's bytes;
 * host A then serves B's export from the store without assembling it again.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { setTempDataDir } from "@/test/support/env";
import { testDatabase } from "@/test/support/postgres";

const REPO = path.resolve(__dirname, "../..");
const dataDir = setTempDataDir();
const pgDb = await testDatabase();
process.env.DATABASE_URL = pgDb.url;
delete process.env.REDIS_URL;
const { callRoute } = await import("@/test/support/routes");
const pipeline = await import("@/server/pipeline");
const { getRunner } = await import("@/server/runner");
const { getStore } = await import("@/server/store");
const dirB = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-host-b-"));

afterAll(async () => {
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  await pgDb.drop();
  for (const d of [dataDir, dirB]) fs.rmSync(d, { recursive: true, force: true });
});

type Served = Record<string, { status: number; sha256: string; bytes: number }>;

/** Run the second host on data dir B; resolves with what it was served. */
function secondHost(sceneId: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const proc = spawn("npx", ["tsx", "--conditions", "react-server", "test/support/second-host.ts", sceneId], {
      cwd: REPO,
      env: { ...process.env, ROOMCODE_DATA_DIR: dirB, DATABASE_URL: pgDb.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    proc.stdout.on("data", (d) => (out += String(d)));
    proc.stderr.on("data", (d) => (err += String(d)));
    proc.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as Served) : reject(new Error(`second host exited ${code}: ${err.slice(-2000)}`))));
  });
}

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

describe("two hosts, one Postgres store, no shared disk", () => {
  let scene: Scene;
  let exportedByB = "";

  it("host A makes a scene; its files live in the database", async () => {
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: "a small bedroom with a bed and a nightstand" } });
    expect(res.status).toBe(202);
    const { scene: created } = (await res.json()) as { scene: Scene };
    scene = await pipeline.waitForScene(created.id, 300_000);
    expect(scene.status, scene.error ?? "").toBe("completed");
    await pipeline.settleAll(); // the thumbnail is rendered after completion
    expect(getStore().artifacts.kind).toBe("postgres");
    const keys = getStore().artifacts.list(scene.id, "");
    expect(keys).toContain("thumb.png");
    expect(keys.filter((k) => k.startsWith("objects/")).length).toBe(scene.objects.length);
    expect(fs.existsSync(path.join(dataDir, "scenes", scene.id))).toBe(false);
  }, 360_000);

  it("host B, with an empty data dir, downloads host A's files and exports the scene", async () => {
    const served = await secondHost(scene.id);
    const store = getStore();
    for (const o of scene.objects) {
      const got = served[`/api/scenes/${scene.id}/objects/${o.id}/model.glb?rev=${o.build.glbRev}`];
      expect(got, o.id).toMatchObject({ status: 200, sha256: sha(store.artifacts.get(scene.id, `objects/${o.id}/r${o.build.glbRev}.glb`)!) });
    }
    expect(served[`/api/scenes/${scene.id}/room.glb`]).toMatchObject({ status: 200, sha256: sha(store.artifacts.get(scene.id, `room/r${scene.room!.glbRev}.glb`)!) });
    expect(served[`/api/scenes/${scene.id}/thumb.png`]).toMatchObject({ status: 200, sha256: sha(store.artifacts.get(scene.id, "thumb.png")!) });
    expect(served[`/api/scenes/${scene.id}/export.glb`].status).toBe(200);
    exportedByB = served[`/api/scenes/${scene.id}/export.glb`].sha256;
    expect(fs.existsSync(path.join(dirB, "scenes"))).toBe(false);
    expect(fs.existsSync(path.join(dirB, "cache", "artifacts", scene.id))).toBe(true);
  }, 300_000);

  it("host A serves host B's export from the store without assembling it again", async () => {
    const assemble = vi.spyOn(getRunner(), "assembleScene");
    const res = await callRoute("GET", `/api/scenes/${scene.id}/export.glb`);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 4).toString("latin1")).toBe("glTF");
    expect(assemble).not.toHaveBeenCalled();
    assemble.mockRestore();
    const exports = getStore().artifacts.list(scene.id, "exports/").filter((k) => k.endsWith(".glb"));
    expect(exports).toHaveLength(1);
    expect(sha(body)).toBe(exportedByB);
    expect(sha(getStore().artifacts.get(scene.id, exports[0])!)).toBe(exportedByB);
  });
});
