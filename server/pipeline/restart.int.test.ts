/**
 * A server restart mid-job loses nothing: a child process runs the pipeline and is SIGKILLed after some objects
 * are built; a second child calls resumeJobs(); the scene completes and every revision and GLB written before
 * the kill is untouched (same source, same bytes, still current for its object).
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir();
const { Store } = await import("@/server/store");

const REPO = path.resolve(__dirname, "../..");
const PROMPT =
  "A large living room with two sofas, four armchairs, a coffee table, two side tables, two floor lamps, a bookshelf, a tv stand, a tv, a rug and three potted plants.";

function child(args: string[]): { proc: ChildProcess; lines: AsyncIterableIterator<string>; exit: Promise<number | null> } {
  const proc = spawn("npx", ["tsx", "--conditions", "react-server", "test/support/pipeline-child.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, ROOMCODE_DATA_DIR: dataDir, ROOMCODE_WORKERS: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  const exit = new Promise<number | null>((resolve) =>
    proc.on("exit", (code) => {
      if (code) console.error(`pipeline-child ${args[0]} exited ${code}: ${stderr.slice(-2000)}`);
      resolve(code);
    }),
  );
  return { proc, lines: readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator](), exit };
}

const sha = (bytes: Buffer | null) => crypto.createHash("sha256").update(bytes ?? "").digest("hex");
const store = new Store(dataDir);

afterAll(() => {
  store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("restart mid-job", () => {
  it("resumes from the last built object and keeps everything built before the kill", async () => {
    const first = child(["create", PROMPT]);
    const line = await first.lines.next();
    const { sceneId } = JSON.parse(line.value as string) as { sceneId: string };

    // Wait until at least two objects are built, then kill the whole process group (node + Blender workers).
    const deadline = Date.now() + 120_000;
    let built = 0;
    while (Date.now() < deadline) {
      built = store.events.list(sceneId).filter((e) => e.type === "object.built").length;
      if (built >= 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    process.kill(-first.proc.pid!, "SIGKILL");
    await first.exit;
    expect(built).toBeGreaterThanOrEqual(2);

    const job = store.jobs.get(sceneId)!;
    expect(job.state).toBe("running");
    const before = store.getScene(sceneId);
    expect(before.status).toBe("running");
    const builtBefore = before.objects.filter((o) => o.build.status === "built");
    expect(builtBefore.length).toBeGreaterThanOrEqual(2);
    expect(builtBefore.length).toBeLessThan(before.objects.length);
    const snapshot = builtBefore.map((o) => {
      const rev = store.revisions.get(sceneId, o.id, o.build.glbRev!)!;
      return { id: o.id, rev: rev.rev, source: rev.source, hash: sha(store.artifacts.get(sceneId, rev.glbFile!)) };
    });
    const revisionCount = store.revisions.count(sceneId);
    const lastSeq = store.events.lastSeq(sceneId);

    const second = child(["resume"]);
    const resumedLine = JSON.parse((await second.lines.next()).value as string) as { resumed: string[] };
    expect(resumedLine.resumed).toEqual([sceneId]);
    expect(await second.exit).toBe(0);

    const after = store.getScene(sceneId);
    expect(after.status, after.error ?? "").toBe("completed");
    expect(after.objects.every((o) => o.build.status === "built")).toBe(true);
    expect(after.objects.map((o) => o.id)).toEqual(before.objects.map((o) => o.id));
    for (const s of snapshot) {
      const o = after.objects.find((x) => x.id === s.id)!;
      expect(o.build.glbRev).toBe(s.rev);
      const rev = store.revisions.get(sceneId, s.id, s.rev)!;
      expect(rev.source).toBe(s.source);
      expect(sha(store.artifacts.get(sceneId, rev.glbFile!))).toBe(s.hash);
    }
    expect(store.revisions.count(sceneId)).toBeGreaterThanOrEqual(revisionCount);
    const events = store.events.list(sceneId);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const resumedStart = events.find((e) => e.seq > lastSeq && e.type === "job.started");
    expect(resumedStart?.data).toMatchObject({ resumed: true });
    expect(events.at(-1)?.type).toBe("job.completed");
    // The code stage re-ran only the objects not built before the kill.
    const rebuilt = events.filter((e) => e.seq > lastSeq && e.type === "object.built").map((e) => e.objectId);
    for (const s of snapshot) expect(rebuilt).not.toContain(s.id);
  }, 300_000);
});
