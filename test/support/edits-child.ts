/**
 * An edit process for the atomicity test, run as `npx tsx --conditions react-server test/support/edits-child.ts`
 * with ROOMCODE_DATA_DIR set:
 *   `create <prompt>`: creates a scene, runs its job to the end, prints `{"sceneId": ...}`, exits;
 *   `edits <sceneId> <from> <to>`: applies the scripted multi-object edits from..to-1 (test/support/edit-script.ts), printing
 *   `{"start": i}` before and `{"done": i, "seq": n}` after each one, then exits.
 */
import { getRunner } from "../../server/runner";
import { createScene, settleAll } from "../../server/pipeline";
import { applyBatch } from "../../server/edits/batch";
import { getStore } from "../../server/store";
import { editOps } from "./edit-script";

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === "create") {
    const scene = await createScene({ prompt: rest.join(" ") });
    await settleAll();
    process.stdout.write(`${JSON.stringify({ sceneId: scene.id })}\n`);
  } else if (mode === "edits") {
    const [sceneId, from, to] = [rest[0], Number(rest[1]), Number(rest[2])];
    for (let i = from; i < to; i++) {
      process.stdout.write(`${JSON.stringify({ start: i })}\n`);
      const scene = getStore().getScene(sceneId);
      const r = await applyBatch(sceneId, { label: `edit ${i}`, ops: editOps(scene, i), actor: "script" });
      process.stdout.write(`${JSON.stringify({ done: i, seq: r.entry?.seq ?? null })}\n`);
    }
  } else {
    throw new Error(`edits-child: unknown mode ${mode}`);
  }
  await getRunner().close();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`edits-child: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
