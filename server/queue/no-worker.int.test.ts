/**
 * The build queue with nobody consuming it: with REDIS_URL set and no `npm run worker` process connected, health
 * says so in one line (naming the command to run) and creating a scene answers 503 `blender_missing` at once
 * instead of queueing work that nobody runs. Real `redis-server` on loopback.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";

let redis: ChildProcess | null = null;
let dataDir = "";

beforeAll(async () => {
  if (spawnSync("redis-server", ["--version"]).status !== 0) throw new Error("redis-server is not installed: apt-get install redis-server (npm test installs it through scripts/ensure-system.sh)");
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => readline.createInterface({ input: redis!.stdout! }).on("line", (l) => /Ready to accept connections/.test(l) && resolve()));
  dataDir = setTempDataDir();
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
});

afterAll(async () => {
  const { getRunner } = await import("@/server/runner");
  await getRunner().close();
  redis?.kill("SIGKILL");
  delete process.env.REDIS_URL;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("build queue without workers", () => {
  it("reports no worker in health and refuses new scenes with 503", async () => {
    const { getHealth } = await import("@/server/health");
    const h = await getHealth();
    expect(h.ok).toBe(false);
    expect(h.reason).toMatch(/No Blender worker is connected to the queue.*npm run worker/);
    const { callRoute } = await import("@/test/support/routes");
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: "A bedroom with a bed." } });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("blender_missing");
    expect(body.error.message).toMatch(/npm run worker/);
  });
});
