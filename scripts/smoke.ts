/**
 * Setup's last check before it serves: builds one real object program (the offline library's nightstand)
 * through the real Blender pool, configured as the server configures it (BLENDER_PATH, ROOMCODE_SANDBOX,
 * ROOMCODE_JOB_TIMEOUT_MS), and validates the GLB with the Khronos glTF-Validator. Prints one line; on
 * failure the line names the cause and the fix, and the exit code is 1.
 * Run: npx tsx --conditions react-server scripts/smoke.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRunner } from "../blender-runner/client";
import { validateGlb } from "../blender-runner/client/glb";
import { Attributes } from "../lib/scene/schema";
import { config } from "../server/config";
import { programForFamily } from "../server/engines/offline/code";
import { explainStartError, runnerVerdict } from "../server/health";

/** Longest wait (ms) for the first worker's ready handshake or a final start failure. */
const START_WAIT_MS = 120_000;

async function main(): Promise<string> {
  const t0 = Date.now();
  const c = config();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-smoke-"));
  const runner = createRunner({ blenderPath: c.blenderPath, workers: 1, sandbox: c.sandbox, jobTimeoutMs: c.jobTimeoutMs });
  try {
    let verdict = runnerVerdict(runner.health());
    while (verdict.state === "starting" && Date.now() - t0 < START_WAIT_MS) {
      await new Promise((r) => setTimeout(r, 100));
      verdict = runnerVerdict(runner.health());
    }
    if (verdict.state === "starting") throw new Error(`no Blender worker answered within ${START_WAIT_MS / 1000} s`);
    if (verdict.state !== "ready") throw new Error(verdict.reason ?? verdict.state);

    const program = programForFamily("nightstand", {
      id: "nightstand-1",
      category: "nightstand",
      targetSize: { w: 0.5, d: 0.4, h: 0.55 },
      attributes: Attributes.parse({}),
      description: "a two-drawer nightstand",
    });
    const glb = path.join(out, "nightstand-1.glb");
    const res = await runner.buildObject({ objectId: "nightstand-1", source: program.source, outGlb: glb });
    if (!res.ok) {
      const cause = res.error.type === "WorkerCrashed" && res.error.traceback ? explainStartError(res.error.traceback) : res.error.message;
      throw new Error(`building the nightstand program failed: ${res.error.type}: ${cause}`);
    }
    const report = await validateGlb(glb);
    if (!report.valid) throw new Error(`the exported GLB is invalid: ${report.messages[0] ?? `${report.errors} errors`}`);
    const h = runner.health();
    const kb = Math.round(fs.statSync(glb).size / 1024);
    return (
      `built a nightstand in Blender ${h.blender.version} (${res.value.stats.triangles} triangles, ${res.value.stats.parts.length} parts), ` +
      `valid GLB of ${kb} KB, sandbox ${h.sandbox.enabled ? "on" : "off"}, in ${((Date.now() - t0) / 1000).toFixed(1)} s`
    );
  } finally {
    await runner.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main().then(
  (line) => {
    console.log(`roomcode: smoke test passed: ${line}`);
    process.exit(0);
  },
  (e: unknown) => {
    console.error(`roomcode: smoke test failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
