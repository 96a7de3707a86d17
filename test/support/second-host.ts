/**
 * A second host for server/pipeline/no-shared-disk.int.test.ts: a process with its own ROOMCODE_DATA_DIR on the
 * same DATABASE_URL. Run as `npx tsx --conditions react-server test/support/second-host.ts <sceneId>`: it GETs each
 * object's model.glb, room.glb, thumb.png and export.glb of the scene through the real route handlers and prints
 * one JSON line `{ "<url>": { status, sha256, bytes } }`, then exits.
 */
import crypto from "node:crypto";
import { getRunner } from "../../server/runner";
import { getStore } from "../../server/store";
import { callRoute } from "./routes";

async function main(): Promise<void> {
  const id = process.argv[2];
  const scene = getStore().getScene(id);
  const urls = [
    ...scene.objects.filter((o) => o.build.glbRev).map((o) => `/api/scenes/${id}/objects/${o.id}/model.glb?rev=${o.build.glbRev}`),
    `/api/scenes/${id}/room.glb`,
    `/api/scenes/${id}/thumb.png`,
    `/api/scenes/${id}/export.glb`,
  ];
  const out: Record<string, { status: number; sha256: string; bytes: number }> = {};
  for (const url of urls) {
    const res = await callRoute("GET", url);
    const body = Buffer.from(await res.arrayBuffer());
    out[url] = { status: res.status, sha256: crypto.createHash("sha256").update(body).digest("hex"), bytes: body.length };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  await getRunner().close();
  getStore().close();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`second-host: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
