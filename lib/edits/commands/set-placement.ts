/** `set-placement` command: move/rotate an object (no code, no rebuild). */
import type { Scene } from "../../scene/schema";
import { findObjectIndex, replaceObject, type CommandArgs, type Performed } from "./types";

/** Sets `placement` (m, deg) and optionally `support`; inverse restores both exactly. Throws `edits:` for an unknown object. */
export function setPlacement(scene: Scene, args: CommandArgs<"set-placement">): Performed {
  const i = findObjectIndex(scene, args.objectId);
  const prev = scene.objects[i];
  const next = { ...prev, placement: { ...args.placement }, support: args.support ?? prev.support };
  return {
    scene: replaceObject(scene, i, next),
    inverse: {
      name: "set-placement",
      args: { objectId: prev.id, placement: { ...prev.placement }, support: prev.support },
    },
  };
}
