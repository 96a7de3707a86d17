/**
 * `set-params` command: change only the literal PARAMS dict of an object's program. The source outside
 * the literal stays byte-identical (LIBRARY's `replaceParams`); the result is a new revision `rev + 1`
 * whose build is pending until the server builds it.
 */
import { replaceParams, type ParamValue } from "../../program/params";
import type { Scene, SceneObject } from "../../scene/schema";
import { findObjectIndex, replaceObject, type CommandArgs, type Performed } from "./types";

/** Target size implied by PARAMS width/depth/height (m), falling back to the current target size. */
export function sizeFromParams(params: Record<string, unknown>, fallback: SceneObject["targetSize"]): SceneObject["targetSize"] {
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : d);
  return { w: num(params.width, fallback.w), d: num(params.depth, fallback.d), h: num(params.height, fallback.h) };
}

/** Applies PARAMS changes; inverse is `set-program` with the previous revision and build. Throws `edits:` when the object has no program. */
export function setParams(scene: Scene, args: CommandArgs<"set-params">): Performed {
  const i = findObjectIndex(scene, args.objectId);
  const prev = scene.objects[i];
  if (!prev.program) throw new Error(`edits: object ${prev.id} has no program to change`);
  const params = { ...prev.program.params, ...args.params } as Record<string, ParamValue>;
  const source = replaceParams(prev.program.source, params);
  const attributes = { ...prev.attributes };
  if (typeof args.params.color === "string") attributes.color = args.params.color;
  if (typeof args.params.material === "string") attributes.material = args.params.material;
  const next: SceneObject = {
    ...prev,
    program: { rev: prev.program.rev + 1, source, params, origin: args.origin, createdAt: args.at },
    build: { ...prev.build, status: "pending", error: null },
    targetSize: sizeFromParams(params, prev.targetSize),
    attributes,
  };
  return {
    scene: replaceObject(scene, i, next),
    inverse: {
      name: "set-program",
      args: { objectId: prev.id, program: prev.program, build: prev.build, targetSize: prev.targetSize, attributes: prev.attributes },
    },
  };
}
