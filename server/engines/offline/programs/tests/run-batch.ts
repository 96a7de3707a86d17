import "server-only";
/**
 * Test helper: builds many object programs in ONE Blender process with `harness.py` and returns the
 * measured bounding boxes, part names and Principled base colors (used by the library's integration test).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findBlender } from "../../../../../blender-runner/client/locate";

/** One measured build: bbox in the object's local frame (m), part names, linear RGBA base colors. */
export interface BatchResult {
  id: string;
  ok: boolean;
  error?: string;
  traceback?: string;
  min: [number, number, number];
  max: [number, number, number];
  size: [number, number, number];
  parts: string[];
  colors: [number, number, number, number][];
  vertices: number;
  returned: number;
}

/** Runs every `{id, source}` through Blender (background, factory settings); rejects with `runner:` when Blender is missing or crashes. */
export async function runBatch(jobs: { id: string; source: string }[], timeoutMs = 170_000): Promise<BatchResult[]> {
  const blender = findBlender(process.env.BLENDER_PATH);
  if (!blender) throw new Error("runner: Blender not found (set BLENDER_PATH)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-batch-"));
  const jobsFile = path.join(dir, "jobs.json");
  const outFile = path.join(dir, "out.json");
  fs.writeFileSync(jobsFile, JSON.stringify(jobs));
  const harness = path.join(__dirname, "harness.py");
  await new Promise<void>((resolve, reject) => {
    execFile(
      blender,
      ["-b", "--factory-startup", "-noaudio", "--python-exit-code", "1", "--python", harness, "--", jobsFile, outFile],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`runner: batch failed: ${error.message}\n${stderr.slice(-2000)}`)) : resolve()),
    );
  });
  const results = JSON.parse(fs.readFileSync(outFile, "utf8")) as BatchResult[];
  fs.rmSync(dir, { recursive: true, force: true });
  return results;
}
