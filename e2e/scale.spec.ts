/**
 * Scale-out against real processes: a loopback `redis-server`, two `npm run worker` processes (one Blender each),
 * and two production web servers (`scripts/serve.mjs`, the `npm start` path) sharing one data dir and REDIS_URL,
 * neither running Blender itself. A scene created through web A streams its events through web B's SSE; one worker
 * is killed with SIGKILL in the middle of a build; the scene still completes, and B's stream holds every event
 * once, in order (seq 1..n without a gap), with one `object.built` per object.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";
import { expect, test } from "@playwright/test";

const ROOT = path.resolve(__dirname, "..");
const dataDir = path.join(ROOT, "test-results/e2e-scale-data");
const procs: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function start(cmd: string, args: string[], env: Record<string, string>): { proc: ChildProcess; lines: string[]; waitFor: (re: RegExp, from?: number) => Promise<string> } {
  const proc = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  procs.push(proc);
  const lines: string[] = [];
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  readline.createInterface({ input: proc.stdout! }).on("line", (l) => lines.push(l));
  const waitFor = async (re: RegExp, from = 0) => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const hit = lines.slice(from).find((l) => re.test(l));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`${cmd} ${args.join(" ")}: no line matching ${re} in 120 s; stderr: ${stderr.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { proc, lines, waitFor };
}

const kill = (p: ChildProcess) => {
  try {
    process.kill(-p.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
};

async function healthy(origin: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const r = await fetch(`${origin}/api/health`);
      const h = (await r.json()) as { ok: boolean; reason: string | null };
      if (h.ok) return;
      if (Date.now() > deadline) throw new Error(`${origin} not healthy: ${h.reason}`);
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface Ev {
  seq: number;
  type: string;
  objectId: string | null;
}

/** Reads SSE frames from `url` until a `job.completed` or `job.failed` event; returns the events. */
async function readEvents(url: string): Promise<Ev[]> {
  const res = await fetch(url, { headers: { Accept: "text/event-stream" } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = "";
  const out: Ev[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out;
    buf += dec.decode(value, { stream: true });
    let i;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const frame = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const data = frame.split("\n").find((l) => l.startsWith("data: "));
      if (!data) continue;
      const e = JSON.parse(data.slice(6)) as Ev;
      out.push(e);
      if (e.type === "job.completed" || e.type === "job.failed") {
        await reader.cancel();
        return out;
      }
    }
  }
}

test.afterAll(() => {
  for (const p of procs) kill(p);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a scene created through web A streams through web B while a worker is killed mid-build", async () => {
  test.setTimeout(420_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const redisPort = await freePort();
  const redis = start("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {});
  await redis.waitFor(/Ready to accept connections/);
  const REDIS_URL = `redis://127.0.0.1:${redisPort}`;
  const workers = [0, 1].map(() => start("npx", ["tsx", "--conditions", "react-server", "scripts/worker.ts"], { REDIS_URL, ROOMCODE_WORKERS: "1", ROOMCODE_QUEUE_LOCK_MS: "2000" }));
  await Promise.all(workers.map((w) => w.waitFor(/^\{"ready"/)));
  const [portA, portB] = [await freePort(), await freePort()];
  const web = (port: number) =>
    start(process.execPath, ["scripts/serve.mjs"], { PORT: String(port), HOST: "127.0.0.1", ROOMCODE_DATA_DIR: dataDir, ROOMCODE_ENGINE: "offline", REDIS_URL });
  web(portA);
  web(portB);
  const A = `http://127.0.0.1:${portA}`;
  const B = `http://127.0.0.1:${portB}`;
  await Promise.all([healthy(A), healthy(B)]);
  const hB = (await (await fetch(`${B}/api/health`)).json()) as { blender: { path: string }; pool: { size: number } };
  expect(hB.pool.size).toBe(2);
  expect(hB.blender.path).toMatch(/2 worker processes/);

  const marks = workers.map((w) => w.lines.length);
  const created = await fetch(`${A}/api/scenes`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: A },
    body: JSON.stringify({ prompt: "A living room with a sofa, two armchairs, a coffee table, a bookshelf, a floor lamp, a tv stand and a rug." }),
  });
  expect(created.status).toBe(202);
  const { scene } = (await created.json()) as { scene: { id: string } };
  const streamed = readEvents(`${B}/api/scenes/${scene.id}/events`);

  // Kill whichever worker first starts a build of this scene, as soon as it has it.
  const victim = await Promise.race(workers.map((w, i) => w.waitFor(/"active".*"buildObject"/, marks[i]).then(() => w)));
  kill(victim.proc);

  const events = await streamed;
  expect(events.at(-1)!.type).toBe("job.completed");
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  const final = (await (await fetch(`${B}/api/scenes/${scene.id}`)).json()) as { scene: { status: string; objects: { id: string; build: { status: string } }[] } };
  expect(final.scene.status).toBe("completed");
  expect(final.scene.objects.length).toBeGreaterThanOrEqual(7);
  for (const o of final.scene.objects) expect(o.build.status, o.id).toBe("built");
  const built = events.filter((e) => e.type === "object.built").map((e) => e.objectId!);
  expect([...built].sort()).toEqual(final.scene.objects.map((o) => o.id).sort());
});
