/** `set-program` command: switch an object's current program revision and build state (GLB revision pointer). */
import type { Scene } from "../../scene/schema";
import { findObjectIndex, replaceObject, type CommandArgs, type Performed } from "./types";

/** Sets program, build and optionally targetSize/attributes; inverse restores the previous values exactly. Throws `edits:` for an unknown object. */
export function setProgram(scene: Scene, args: CommandArgs<"set-program">): Performed {
  const i = findObjectIndex(scene, args.objectId);
  const prev = scene.objects[i];
  const next = {
    ...prev,
    program: args.program,
    build: args.build,
    targetSize: args.targetSize ?? prev.targetSize,
    attributes: args.attributes ?? prev.attributes,
  };
  return {
    scene: replaceObject(scene, i, next),
    inverse: {
      name: "set-program",
      args: {
        objectId: prev.id,
        program: prev.program,
        build: prev.build,
        targetSize: prev.targetSize,
        attributes: prev.attributes,
      },
    },
  };
}
