/**
 * A web server process sharing a store, for server/pipeline/lease.int.test.ts. Run as
 * `npx tsx --conditions react-server test/support/lease-child.ts <mode> ...` with ROOMCODE_DATA_DIR and DATABASE_URL
 * set; prints one JSON line per step:
 *   `claim <runner> <sceneId...>`: prints `{"ready":true}`, waits for a `go` line on stdin, claims each job once
 *   (JobsRepo.claim, 60 s lease), prints `{"won":[...]}` and exits;
 *   `serve`: prints `{"ready":true}` once connected, reads a scene id from stdin, starts the job sweep, prints the
 *   first resumeJobs() result as `{"first":[...]}`, then calls
 *   resumeJobs() every 250 ms and prints `{"took":sceneId}` once this process runs the scene's job, until the scene
 *   is completed or failed and no job of this process runs; then prints `{"done":status}` and exits.
 */
import readline from "node:readline";
import { getRunner } from "../../server/runner";
import { getScene, isJobActive, resumeJobs, settleAll, startJobSweep } from "../../server/pipeline";
import { getStore } from "../../server/store";

const say = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === "claim") {
    const [runner, ...ids] = rest;
    const store = getStore();
    store.jobs.get(ids[0]);
    const lines = readline.createInterface({ input: process.stdin });
    say({ ready: true });
    await new Promise<void>((resolve) => lines.on("line", (l) => l.trim() === "go" && resolve()));
    say({ won: ids.filter((id) => store.jobs.claim(id, runner, 60_000)) });
    lines.close();
    getStore().close();
    process.exit(0);
  }
  if (mode !== "serve") throw new Error(`lease-child: unknown mode ${mode}`);
  getStore().jobs.clockMs();
  const lines = readline.createInterface({ input: process.stdin });
  say({ ready: true });
  const sceneId = await new Promise<string>((resolve) => lines.once("line", (l) => resolve(l.trim())));
  startJobSweep();
  say({ first: resumeJobs() });
  let took = false;
  for (;;) {
    const status = getScene(sceneId).status;
    if ((status === "completed" || status === "failed") && !isJobActive(sceneId)) break;
    await new Promise((r) => setTimeout(r, 250));
    resumeJobs();
    if (!took && isJobActive(sceneId)) say({ took: sceneId });
    took ||= isJobActive(sceneId);
  }
  await settleAll();
  say({ done: getScene(sceneId).status });
  lines.close();
  await getRunner().close();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`lease-child: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
