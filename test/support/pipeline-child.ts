/**
 * A pipeline process for restart tests, run as `npx tsx --conditions react-server test/support/pipeline-child.ts`
 * with ROOMCODE_DATA_DIR set:
 *   `create <prompt>`: creates a scene, prints `{"sceneId": ...}` on one stdout line, runs the job to the end;
 *   `resume`: calls resumeJobs(), prints `{"resumed": [...]}`, waits for the jobs, prints `{"done": true}`, exits.
 */
import { getRunner } from "../../server/runner";
import { createScene, resumeJobs, settleAll } from "../../server/pipeline";

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === "create") {
    const scene = await createScene({ prompt: rest.join(" ") });
    process.stdout.write(`${JSON.stringify({ sceneId: scene.id })}\n`);
  } else if (mode === "resume") {
    const resumed = resumeJobs();
    process.stdout.write(`${JSON.stringify({ resumed })}\n`);
  } else {
    throw new Error(`pipeline-child: unknown mode ${mode}`);
  }
  await settleAll();
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
  await getRunner().close();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`pipeline-child: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
