/**
 * The build queue against real services: a real `redis-server` on loopback, two `npm run worker` processes with
 * their own Blender pools, and this process as a web server with no Blender of its own (REDIS_URL set). A prompt
 * scene is generated while one worker is killed with SIGKILL in the middle of a job: the job goes to the other
 * worker, the scene completes with every object built exactly once, every GLB is written on the web side, and
 * the event log has no gap. Also: health counts the workers' heartbeats, and a second job after the kill runs.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";
import { freePort } from "@/test/support/net";

const REPO = path.resolve(__dirname, "../..");
const HAVE_REDIS = spawnSync("redis-server", ["--version"]).status === 0;

interface Proc {
  proc: ChildProcess;
  lines: string[];
  waitFor(test: (line: string) => boolean, ms?: number): Promise<string>;
}

function start(cmd: string, args: string[], env: Record<string, string>): Proc {
  const proc = spawn(cmd, args, { cwd: REPO, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  readline.createInterface({ input: proc.stdout! }).on("line", (l) => {
    lines.push(l);
    for (const w of [...waiters]) if (w.test(l)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(l);
    }
  });
  return {
    proc,
    lines,
    waitFor(test, ms = 120_000) {
      const seen = lines.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`${cmd} ${args.join(" ")}: no matching line within ${ms} ms; stderr: ${stderr.slice(-1500)}`)), ms);
        waiters.push({ test, resolve: (l) => (clearTimeout(t), resolve(l)) });
      });
    },
  };
}

const killGroup = (p: Proc) => {
  try {
    process.kill(-p.proc.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
};

describe("build queue on Redis with worker processes", () => {
  let redis: Proc;
  let workers: Proc[] = [];
  let redisUrl = "";
  let dataDir = "";

  beforeAll(async () => {
    if (!HAVE_REDIS) throw new Error("redis-server is not installed: apt-get install redis-server (npm test installs it through scripts/ensure-system.sh)");
    const port = await freePort();
    redis = start("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {});
    await redis.waitFor((l) => /Ready to accept connections/.test(l), 30_000);
    redisUrl = `redis://127.0.0.1:${port}`;
    const env = { REDIS_URL: redisUrl, ROOMCODE_WORKERS: "1", ROOMCODE_QUEUE_LOCK_MS: "2000" };
    workers = [0, 1].map(() => start("npx", ["tsx", "--conditions", "react-server", "scripts/worker.ts"], env));
    await Promise.all(workers.map((w) => w.waitFor((l) => l.startsWith('{"ready"'))));
    dataDir = setTempDataDir();
    process.env.REDIS_URL = redisUrl;
  }, 240_000);

  afterAll(async () => {
    const { getRunner } = await import("@/server/runner");
    await getRunner().close();
    for (const w of workers) killGroup(w);
    if (redis) killGroup(redis);
    delete process.env.REDIS_URL;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("completes a scene when a worker is killed mid-job, nothing lost or duplicated", async () => {
    const { getHealth } = await import("@/server/health");
    const health = await getHealth();
    expect(health.ok, health.reason ?? "").toBe(true);
    expect(health.pool.size).toBe(2);
    expect(health.blender.path).toMatch(/2 worker processes/);

    const { createScene, settleAll } = await import("@/server/pipeline");
    const { getStore } = await import("@/server/store");
    const [victim, survivor] = workers;
    const before = victim.lines.length;
    const scene = await createScene({ prompt: "A living room with a sofa, two armchairs, a coffee table, a bookshelf, a floor lamp, a tv stand and a rug." });
    const activeLine = await victim.waitFor((l) => victim.lines.indexOf(l) >= before && l.startsWith('{"active"') && l.includes('"buildObject"'));
    const { active: lostJob } = JSON.parse(activeLine) as { active: string };
    killGroup(victim);
    await settleAll();

    const store = getStore();
    const done = store.getScene(scene.id);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.objects.length).toBeGreaterThanOrEqual(7);
    for (const o of done.objects) {
      expect(o.build.status, `${o.id}: ${o.build.error?.message ?? ""}`).toBe("built");
      const glb = store.artifacts.get(scene.id, `objects/${o.id}/r${o.build.glbRev!}.glb`);
      expect(glb?.subarray(0, 4).toString("latin1")).toBe("glTF");
    }
    const events = store.events.list(scene.id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const builtIds = events.filter((e) => e.type === "object.built").map((e) => e.objectId);
    expect([...builtIds].sort()).toEqual(done.objects.map((o) => o.id).sort());
    // The job the killed worker had taken was run again by the other worker.
    expect(survivor.lines.some((l) => l.startsWith('{"active"') && (JSON.parse(l) as { active: string }).active === lostJob)).toBe(true);

    const { getRunner } = await import("@/server/runner");
    const check = await getRunner().check("PARAMS = {'width': 1.0}\ndef build(params):\n    pass\n", scene.id);
    expect(check.ok).toBe(true);
  }, 600_000);
});
