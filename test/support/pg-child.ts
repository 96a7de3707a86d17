/**
 * A second process on the same Postgres store, for server/store/postgres-processes.int.test.ts. Run as
 * `npx tsx --conditions react-server test/support/pg-child.ts <mode> ...` with DATABASE_URL and ROOMCODE_DATA_DIR set.
 * Prints one JSON line per step and exits when stdin closes:
 *   `migrate`: connects, prints `{"ready":true}`, waits for a `go` line on stdin, migrates, prints `{"applied":[...]}`;
 *   `write <sceneId>`: stores a scene with two objects and a program revision and two events, prints `{"written":id}`;
 *   `events <sceneId> <n>`: appends n events (the second larger than a NOTIFY payload) once the event bus listens,
 *   prints `{"appended":[seqs]}`.
 */
import readline from "node:readline";
import { appendEvent, eventBusReady } from "../../server/events/bus";
import { migrate } from "../../server/store/db";
import { getStore } from "../../server/store";
import { PostgresDatabase } from "../../server/store/postgres";

const lines = readline.createInterface({ input: process.stdin });
const ended = new Promise<void>((resolve) => lines.on("close", () => resolve()));
const say = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

/** The object rows the test expects back (ids `bed-1`, `lamp-1`). */
function object(id: string) {
  return {
    id,
    name: id,
    category: id.split("-")[0],
    description: `a ${id}`,
    route: "static_furniture" as const,
    targetSize: { w: 1, d: 0.5, h: 0.8 },
    placement: { x: 1, y: -1, z: 0, yawDeg: 90 },
    support: "floor",
    attributes: { color: "#112233", colorName: "navy", material: "oak", size: null, style: [], tags: [] },
    plan: null,
    program: null,
    build: { status: "pending" as const, glbRev: null, stats: null, error: null, attempts: 0 },
    hidden: false,
  };
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === "migrate") {
    const db = new PostgresDatabase(process.env.DATABASE_URL!);
    db.prepare("SELECT 1").get();
    say({ ready: true });
    await new Promise<void>((resolve) => lines.on("line", (l) => l.trim() === "go" && resolve()));
    say({ applied: migrate(db) });
    db.close();
  } else if (mode === "write") {
    const id = rest[0];
    const store = getStore();
    store.transaction(() => {
      store.scenes.insert({ id, title: "Written elsewhere", source: { kind: "prompt", prompt: "a bed and a lamp" }, engine: "offline", status: "running" });
      store.objects.put(id, object("bed-1"));
      store.objects.put(id, object("lamp-1"));
      const rev = store.revisions.add(id, "bed-1", { source: "PARAMS = {'width': 1.4}\n", params: { width: 1.4 }, origin: "generated" });
      store.objects.put(id, { ...object("bed-1"), program: { rev: rev.rev, source: rev.source, params: rev.params, origin: rev.origin, createdAt: rev.createdAt } });
    });
    appendEvent(id, "job.started", { data: {} });
    appendEvent(id, "stage.started", { stage: "structure", data: {} });
    say({ written: id });
  } else if (mode === "events") {
    const [id, n] = [rest[0], Number(rest[1])];
    await eventBusReady();
    const seqs: number[] = [];
    for (let i = 0; i < n; i++) {
      const data = i === 1 ? { note: "x".repeat(20_000), i } : { i };
      seqs.push(appendEvent(id, "scene.updated", { data }).seq);
    }
    say({ appended: seqs });
  } else {
    throw new Error(`pg-child: unknown mode ${mode}`);
  }
  await ended;
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`pg-child: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
