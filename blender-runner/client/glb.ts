/**
 * GLB helpers: validation with the Khronos glTF-Validator (`gltf-validator` npm package) and a
 * reader of material names and base colors (GLB container per the glTF 2.0 spec, section 4.4).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateBytes } from "gltf-validator";

/** Validate a GLB file: `valid` when the validator reports no errors; messages are `CODE: message (pointer)`. */
export async function validateGlb(file: string): Promise<{ valid: boolean; errors: number; messages: string[] }> {
  const data = new Uint8Array(await readFile(file));
  const report = await validateBytes(data, {
    uri: path.basename(file),
    format: "glb",
    maxIssues: 100,
    externalResourceFunction: () => Promise.reject(new Error("external resources are not allowed")),
  });
  const messages = report.issues.messages
    .filter((m) => m.severity === 0)
    .map((m) => `${m.code}: ${m.message}${m.pointer ? ` (${m.pointer})` : ""}`);
  return { valid: report.issues.numErrors === 0, errors: report.issues.numErrors, messages };
}

/** Read the JSON chunk of a GLB buffer. Throws `runner:` errors for a malformed container. */
export function readGlbJson(buf: Buffer): Record<string, unknown> {
  if (buf.length < 20 || buf.readUInt32LE(0) !== 0x46546c67) throw new Error("runner: not a GLB file (bad magic)");
  const chunkLength = buf.readUInt32LE(12);
  if (buf.readUInt32LE(16) !== 0x4e4f534a) throw new Error("runner: GLB first chunk is not JSON");
  return JSON.parse(buf.subarray(20, 20 + chunkLength).toString("utf8")) as Record<string, unknown>;
}

/** Materials of a GLB: name and linear RGBA base color factor (default [1,1,1,1] per glTF 2.0). */
export async function readGlbMaterials(file: string): Promise<{ name: string; baseColor: [number, number, number, number] }[]> {
  const json = readGlbJson(await readFile(file));
  const materials = (json.materials ?? []) as { name?: string; pbrMetallicRoughness?: { baseColorFactor?: number[] } }[];
  return materials.map((m, i) => {
    const f = m.pbrMetallicRoughness?.baseColorFactor ?? [1, 1, 1, 1];
    return { name: m.name ?? `material_${i}`, baseColor: [f[0] ?? 1, f[1] ?? 1, f[2] ?? 1, f[3] ?? 1] };
  });
}

/** Node names and extras of a GLB (for tests: object id empties and their `roomcode_id`/`parts`). */
export async function readGlbNodes(file: string): Promise<{ name: string; extras: Record<string, unknown> | null; children: number[] }[]> {
  const json = readGlbJson(await readFile(file));
  const nodes = (json.nodes ?? []) as { name?: string; extras?: Record<string, unknown>; children?: number[] }[];
  return nodes.map((n) => ({ name: n.name ?? "", extras: n.extras ?? null, children: n.children ?? [] }));
}
