/**
 * Finds the Blender executable (BLENDER_PATH, then PATH) and reads its version with `blender --version`.
 * Never throws: a missing or broken Blender is reported with a reason and the install hint.
 */
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** Install hint shown wherever Blender is missing. */
export const BLENDER_INSTALL_HINT = "sudo apt-get install blender python3-numpy (Debian/Ubuntu), or set BLENDER_PATH to a Blender 3.4+ executable";

/** Result of locating Blender: path and version ("3.4.1"), or a reason. */
export interface BlenderLocation {
  found: boolean;
  path: string | null;
  version: string | null;
  reason?: string;
}

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolve the Blender executable path from `explicit` (BLENDER_PATH) or PATH; null when none is found. */
export function findBlender(explicit: string | null | undefined, envPath = process.env.PATH ?? ""): string | null {
  if (explicit) return isExecutable(explicit) ? path.resolve(explicit) : null;
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, "blender");
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** Parse "Blender 3.4.1" from `blender --version` output; null when absent. */
export function parseBlenderVersion(output: string): string | null {
  const m = /Blender\s+(\d+\.\d+(?:\.\d+)?)/.exec(output);
  return m ? m[1] : null;
}

/** Compare dotted versions: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Locate Blender and read its version (timeout 30 s). Requires >= 3.4. */
export async function locateBlender(explicit?: string | null): Promise<BlenderLocation> {
  const bin = findBlender(explicit);
  if (!bin) {
    return {
      found: false,
      path: null,
      version: null,
      reason: explicit
        ? `Blender not found at BLENDER_PATH=${explicit}: install it with ${BLENDER_INSTALL_HINT}`
        : `Blender not found on PATH: install it with ${BLENDER_INSTALL_HINT}`,
    };
  }
  const output = await new Promise<string>((resolve) => {
    execFile(bin, ["-b", "--factory-startup", "--version"], { timeout: 30_000 }, (_err, stdout, stderr) =>
      resolve(`${stdout}\n${stderr}`),
    );
  });
  const version = parseBlenderVersion(output);
  if (!version) return { found: false, path: bin, version: null, reason: `Blender at ${bin} did not report a version` };
  if (compareVersions(version, "3.4") < 0) {
    return { found: false, path: bin, version, reason: `Blender ${version} is too old: Roomcode needs 3.4 or newer` };
  }
  return { found: true, path: bin, version };
}
