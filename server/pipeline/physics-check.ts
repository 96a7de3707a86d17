import "server-only";
/**
 * The independent physical check of a scene: its exported `.blend` loaded in Blender (runner job
 * `check_scene`, roomcode_worker/physcheck.py) and judged on the meshes only, never on the layout's boxes.
 */
import fs from "node:fs";
import path from "node:path";
import type { SceneCheckPayload } from "../../blender-runner/client/protocol";
import { AppError } from "../../lib/errors";
import { getRunner } from "../runner";
import { exportScene } from "./assemble";

/** Checks a scene by id (its `.blend` export is assembled when needed) or a `.blend` file path. Throws AppError `not_found` / `build_failed`. */
export async function checkScenePhysics(target: { sceneId: string } | { blendPath: string }): Promise<SceneCheckPayload & { blendPath: string }> {
  const blendPath = "sceneId" in target ? await exportScene(target.sceneId, "blend") : path.resolve(target.blendPath);
  if (!fs.existsSync(blendPath)) throw new AppError("not_found", `pipeline: no such .blend: ${blendPath}`);
  const res = await getRunner().checkScene({ blendPath, scope: "sceneId" in target ? target.sceneId : "check-scene" });
  if (!res.ok) throw new AppError("build_failed", `pipeline: the physical check failed: ${res.error.type}: ${res.error.message}`, { type: res.error.type, traceback: res.error.traceback });
  return { ...res.value, blendPath };
}

/** Human-readable lines of a check's findings (one per problem, then the counts). */
export function describeCheck(r: SceneCheckPayload): string[] {
  const lines: string[] = [];
  for (const o of r.objects) {
    if (o.floating) lines.push(`floating        ${o.objectId}: bottom at ${o.bottom.toFixed(3)} m, ${o.gap === null ? "nothing below" : `${o.gap.toFixed(3)} m above the surface below`}`);
    if (o.wallPenetrating) lines.push(`wall            ${o.objectId}: ${o.wallDepth.toFixed(3)} m into a wall`);
    if (o.outside) lines.push(`outside         ${o.objectId}: outside the room's floor`);
  }
  for (const p of r.pairs) lines.push(`interpenetrate  ${p.a} x ${p.b}: ${p.depth.toFixed(3)} m deep`);
  const c = r.counts;
  lines.push(`objects=${c.objects} floating=${c.floating} interpenetratingPairs=${c.interpenetratingPairs} wallPenetrating=${c.wallPenetrating} outside=${c.outside}`);
  return lines;
}
