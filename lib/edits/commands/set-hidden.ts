/** `set-hidden` command: hide or show an object in the preview and exports. */
import type { Scene } from "../../scene/schema";
import { findObjectIndex, replaceObject, type CommandArgs, type Performed } from "./types";

/** Sets `hidden`; inverse restores the previous flag. Throws `edits:` for an unknown object. */
export function setHidden(scene: Scene, args: CommandArgs<"set-hidden">): Performed {
  const i = findObjectIndex(scene, args.objectId);
  const prev = scene.objects[i];
  return {
    scene: replaceObject(scene, i, { ...prev, hidden: args.hidden }),
    inverse: { name: "set-hidden", args: { objectId: prev.id, hidden: prev.hidden } },
  };
}
