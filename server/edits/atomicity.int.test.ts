/**
 * Edits are atomic across a crash: a child process applies 50 scripted multi-object edits (test/support/
 * edits-child.ts: PARAMS changes of two objects with two Blender builds, or moves of three objects) and is
 * SIGKILLed at random points (seeded), then restarted where the history says it stopped. After every kill and
 * at the end, the stored scene equals the scene before the edits with every recorded history entry replayed
 * (so each edit is wholly there or wholly absent, with its history entry), each edit is in the history exactly
 * once and in order, and the event log has no gap.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";
import { perform, type Command } from "@/lib/edits/commands";
import type { Scene } from "@/lib/scene/schema";

const dataDir = setTempDataDir();
const { Store } = await import("@/server/store");

const REPO = path.resolve(__dirname, "../..");
const EDITS = 50;
const KILLS = 6;
const PROMPT = "A bedroom with a bed, two nightstands, a dresser, a wardrobe, a desk, a chair and a rug.";

function child(args: string[]): { proc: ChildProcess; lines: AsyncIterableIterator<string>; exit: Promise<number | null> } {
  const proc = spawn("npx", ["tsx", "--conditions", "react-server", "test/support/edits-child.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, ROOMCODE_DATA_DIR: dataDir, ROOMCODE_WORKERS: "2" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  const exit = new Promise<number | null>((resolve) =>
    proc.on("exit", (code, signal) => {
      if (code) console.error(`edits-child ${args[0]} exited ${code} (${signal}): ${stderr.slice(-2000)}`);
      resolve(code);
    }),
  );
  return { proc, lines: readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator](), exit };
}

/** mulberry32: a small seeded PRNG (Tommy Ettinger, public domain), so the kill points are the same every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What an edit may change of an object, for comparing a stored scene with a replayed one. */
function state(s: Scene): unknown {
  return s.objects.map((o) => ({
    id: o.id,
    placement: o.placement,
    support: o.support,
    hidden: o.hidden,
    targetSize: o.targetSize,
    rev: o.program?.rev ?? null,
    source: o.program?.source ?? null,
    glbRev: o.build.glbRev,
    status: o.build.status,
  }));
}

const store = new Store(dataDir);
const { editOps } = await import("@/test/support/edit-script");
const { hydrateCommands } = await import("@/server/edits/compact");

/** Built revisions (with a GLB) of an object. */
const builtRevs = (sceneId: string, objectId: string) => store.revisions.list(sceneId, objectId).filter((r) => r.glbFile).length;

afterAll(() => {
  store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("edit atomicity under kill -9", () => {
  it("leaves the scene before or after each of 50 multi-object edits, with history matching state", async () => {
    const created = child(["create", PROMPT]);
    const first = JSON.parse((await created.lines.next()).value as string) as { sceneId: string };
    expect(await created.exit).toBe(0);
    const sceneId = first.sceneId;
    const initial = store.getScene(sceneId);
    expect(initial.status).toBe("completed");
    expect(initial.objects.filter((o) => typeof o.program?.params.width === "number").length).toBeGreaterThanOrEqual(2);

    const recorded = () => store.history.list(sceneId).filter((e) => !e.undone);
    const check = () => {
      const entries = recorded();
      expect(entries.map((e) => e.label)).toEqual(entries.map((_, i) => `edit ${i}`));
      let replayed = initial;
      for (const e of entries) for (const c of hydrateCommands(store, sceneId, (e.command as { commands: Command[] }).commands)) replayed = perform(replayed, c).scene;
      expect(state(store.getScene(sceneId))).toEqual(state(replayed));
      // History names program revisions by number; it does not carry their sources.
      expect(JSON.stringify(entries.map((e) => [e.command, e.inverse]))).not.toContain('"source"');
      const seqs = store.events.list(sceneId).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      return entries.length;
    };

    const rand = prng(20);
    let killedMidBuild = 0;
    for (let k = 0; k < KILLS; k++) {
      const next = check();
      const run = child(["edits", sceneId, String(next), String(EDITS)]);
      // Every other kill waits for a PARAMS edit (index divisible by 3) and lands between its builds; the others come
      // after a random number of started edits plus a random delay: inside a build, a commit or between edits.
      const targeted = k % 2 === 0;
      const startsBeforeKill = 1 + Math.floor(rand() * 3);
      let starts = 0;
      let lastStart = -1;
      let watched: { id: string; revs: number }[] = [];
      for await (const line of run.lines) {
        const msg = JSON.parse(line) as { start?: number; done?: number };
        if (msg.start !== undefined) {
          starts += 1;
          lastStart = msg.start;
          if (targeted && msg.start % 3 === 0) {
            const ids = editOps(store.getScene(sceneId), msg.start).map((op) => (op.kind === "params" ? op.objectId : ""));
            watched = ids.map((id) => ({ id, revs: builtRevs(sceneId, id) }));
            break;
          }
          if (!targeted && starts >= startsBeforeKill) break;
        }
      }
      if (targeted) {
        // Kill as soon as the first of the edit's two builds has written its revision and GLB.
        const deadline = Date.now() + 120_000;
        while (watched.every((w) => builtRevs(sceneId, w.id) === w.revs)) {
          expect(Date.now(), `edit ${lastStart} built nothing within 120 s`).toBeLessThan(deadline);
          await new Promise((r) => setTimeout(r, 5));
        }
      } else {
        await new Promise((r) => setTimeout(r, Math.floor(rand() * 900)));
      }
      try {
        process.kill(-run.proc.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
      await run.exit;
      const after = check();
      if (targeted && after === lastStart) killedMidBuild += 1;
    }
    const rest = child(["edits", sceneId, String(check()), String(EDITS)]);
    expect(await rest.exit).toBe(0);
    expect(check()).toBe(EDITS);
    // The kills that landed between a PARAMS edit's builds left that edit out whole.
    expect(killedMidBuild).toBeGreaterThanOrEqual(KILLS / 2 - 1);
  }, 900_000);
});
