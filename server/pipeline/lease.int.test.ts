/**
 * Pipeline jobs on several web servers sharing one Postgres store (a throwaway postgresql cluster, or a fresh
 * database on the DATABASE_URL server): a job is claimed by exactly one process, its lease expires and can be
 * claimed by another runner, and a server started while another builds a scene leaves the job alone, then takes it
 * over once that server is killed and its lease has expired; the scene completes with every object built once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";
import { testDatabase, type TestDatabase } from "@/test/support/postgres";

const REPO = path.resolve(__dirname, "../..");
const dataDir = setTempDataDir();
const pgDb: TestDatabase = await testDatabase();
process.env.DATABASE_URL = pgDb.url;
const { Store, getStore } = await import("@/server/store");
const store = getStore();
// The two-server scenario runs on a database of its own, away from the claim tests' leftover jobs.
const pipeUrl = await pgDb.another();
const pipeStore = new Store(dataDir, pipeUrl);

const LEASE_MS = 4000;
const RENEW_MS = 1000;
const PROMPT =
  "A large living room with two sofas, four armchairs, a coffee table, two side tables, two floor lamps, a bookshelf, a tv stand, a tv, a rug and three potted plants.";

interface Child {
  proc: ChildProcess;
  /** The next JSON line of its stdout (log lines skipped). */
  next(): Promise<Record<string, unknown>>;
  send(line: string): void;
  exit: Promise<number | null>;
}

function child(script: string, args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn("npx", ["tsx", "--conditions", "react-server", `test/support/${script}`, ...args], {
    cwd: REPO,
    env: { ...process.env, ROOMCODE_DATA_DIR: dataDir, DATABASE_URL: pgDb.url, ROOMCODE_WORKERS: "1", ...env },
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  const lines = readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return {
    proc,
    async next() {
      for (;;) {
        const r = await lines.next();
        if (r.done) throw new Error(`${script} ${args[0]} ended early: ${stderr.slice(-2000)}`);
        if ((r.value as string).startsWith("{")) return JSON.parse(r.value as string) as Record<string, unknown>;
      }
    },
    send: (line) => proc.stdin!.write(`${line}\n`),
    exit: new Promise((resolve) => proc.on("exit", (code) => resolve(code))),
  };
}

function insertRunningJob(s: InstanceType<typeof Store>, id: string): void {
  s.transaction(() => {
    s.scenes.insert({ id, title: id, source: { kind: "prompt", prompt: "a room" }, engine: "offline", status: "running" });
    s.jobs.put(id, "create", "running");
  });
}

async function until(what: string, test: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-lease-"));

afterAll(async () => {
  store.close();
  pipeStore.close();
  await pgDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(sqliteDir, { recursive: true, force: true });
});

describe("job leases", () => {
  it("gives each job to exactly one of two processes claiming at once", async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `claim-${i}`);
    for (const id of ids) insertRunningJob(store, id);
    const a = child("lease-child.ts", ["claim", "runner-a", ...ids]);
    const b = child("lease-child.ts", ["claim", "runner-b", ...ids]);
    expect(await a.next()).toEqual({ ready: true });
    expect(await b.next()).toEqual({ ready: true });
    a.send("go");
    b.send("go");
    const [wonA, wonB] = [(await a.next()).won as string[], (await b.next()).won as string[]];
    expect(await a.exit).toBe(0);
    expect(await b.exit).toBe(0);
    expect(wonA.filter((id) => wonB.includes(id))).toEqual([]);
    expect([...wonA, ...wonB].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(store.jobs.get(id)!.owner).toBe(wonA.includes(id) ? "runner-a" : "runner-b");
  });

  it.each(["postgres", "sqlite"] as const)("lets another runner claim a job only once its lease expired or its owner is gone (%s)", async (backend) => {
    const s = backend === "postgres" ? store : new Store(sqliteDir, null);
    insertRunningJob(s, "lease-1");
    expect(s.jobs.claim("lease-1", "x", 300)).toBe(true);
    expect(s.jobs.claim("lease-1", "y", 300)).toBe(false);
    expect(s.jobs.renew("lease-1", "x", 300)).toBe(true);
    expect(s.jobs.renew("lease-1", "y", 300)).toBe(false);
    await new Promise((r) => setTimeout(r, 450));
    expect(s.jobs.claim("lease-1", "y", 60_000)).toBe(true);
    expect(s.jobs.renew("lease-1", "x", 300)).toBe(false);
    expect(s.jobs.claim("lease-1", "z", 60_000)).toBe(false);
    expect(s.jobs.claim("lease-1", "z", 60_000, "y")).toBe(true);
    expect(s.jobs.countOwned("z")).toBe(1);
    s.transaction(() => s.jobs.update("lease-1", { state: "paused" }));
    expect(s.jobs.get("lease-1")).toMatchObject({ owner: null, leaseUntil: null });
    expect(s.jobs.claim("lease-1", "y", 60_000)).toBe(false);
    if (s !== store) s.close();
  });

  it("writes nothing for a job another runner has taken over", async () => {
    const { runJob } = await import("@/server/pipeline/job");
    insertRunningJob(store, "taken-1");
    expect(store.jobs.claim("taken-1", "elsewhere:1:x", 60_000)).toBe(true);
    await runJob("taken-1", new AbortController().signal);
    expect(store.events.list("taken-1")).toEqual([]);
    expect(store.jobs.get("taken-1")).toMatchObject({ state: "running", owner: "elsewhere:1:x", stage: null });
    expect(store.getScene("taken-1")).toMatchObject({ status: "running", error: null });
  });

  it("counts the jobs this process holds for health", async () => {
    const { ownedJobCount, runnerId } = await import("@/server/pipeline/lease");
    insertRunningJob(store, "mine-1");
    expect(ownedJobCount()).toBe(0);
    expect(store.jobs.claim("mine-1", runnerId(), 60_000)).toBe(true);
    expect(ownedJobCount()).toBe(1);
  });

  it("leaves a running job to its server, and takes it over once that server is killed and its lease expired", async () => {
    const leaseEnv = { DATABASE_URL: pipeUrl, ROOMCODE_JOB_LEASE_MS: String(LEASE_MS), ROOMCODE_JOB_RENEW_MS: String(RENEW_MS) };
    const store = pipeStore;
    const b = child("lease-child.ts", ["serve"], { ...leaseEnv, ROOMCODE_RUNNER_NAME: "server-b" });
    const a = child("pipeline-child.ts", ["create", PROMPT], { ...leaseEnv, ROOMCODE_RUNNER_NAME: "server-a" });
    expect(await b.next()).toEqual({ ready: true });
    const { sceneId } = (await a.next()) as { sceneId: string };
    const built = () => store.events.list(sceneId).filter((e) => e.type === "object.built").length;
    await until("the first object built by server A", () => built() >= 1);
    b.send(sceneId);
    expect(await b.next()).toEqual({ first: [] });
    const seenAtStart = built();
    // Server B sweeps every 250 ms while server A builds on.
    await until("more objects built by server A", () => built() >= Math.max(3, seenAtStart + 2));
    expect(store.jobs.get(sceneId)!.owner).toMatch(/^server-a:/);
    expect(store.events.list(sceneId).filter((e) => e.type === "job.started")).toHaveLength(1);

    process.kill(-a.proc.pid!, "SIGKILL");
    const killedAt = Date.now();
    await a.exit;
    const before = store.getScene(sceneId);
    const builtBefore = before.objects.filter((o) => o.build.status === "built");
    expect(builtBefore.length).toBeLessThan(before.objects.length);
    const revsBefore = new Map(builtBefore.map((o) => [o.id, store.revisions.list(sceneId, o.id).map((r) => r.source)]));

    expect(await b.next()).toEqual({ took: sceneId });
    const takenAfterMs = Date.now() - killedAt;
    expect(takenAfterMs).toBeGreaterThanOrEqual(LEASE_MS - RENEW_MS - 500);
    expect(store.jobs.get(sceneId)!.owner).toMatch(/^server-b:/);
    expect(await b.next()).toEqual({ done: "completed" });
    expect(await b.exit).toBe(0);

    const after = store.getScene(sceneId);
    expect(after.status, after.error ?? "").toBe("completed");
    expect(store.jobs.get(sceneId)).toMatchObject({ state: "completed", owner: null });
    const events = store.events.list(sceneId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const starts = events.filter((e) => e.type === "job.started");
    expect(starts.map((e) => e.data.resumed)).toEqual([false, true]);
    const builtEvents = events.filter((e) => e.type === "object.built").map((e) => e.objectId);
    expect([...builtEvents].sort()).toEqual(after.objects.map((o) => o.id).sort());
    for (const [id, sources] of revsBefore) expect(store.revisions.list(sceneId, id).map((r) => r.source)).toEqual(sources);
  }, 180_000);
});
