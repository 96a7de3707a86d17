/** `remove-object` command: delete an object from the scene; its stored revisions and GLBs stay for undo. */
import type { Scene } from "../../scene/schema";
import { findObjectIndex, type CommandArgs, type Performed } from "./types";

/** Removes the object; inverse is `add-object` with the whole object at its former index. Throws `edits:` for an unknown object. */
export function removeObject(scene: Scene, args: CommandArgs<"remove-object">): Performed {
  const i = findObjectIndex(scene, args.objectId);
  const prev = scene.objects[i];
  const objects = scene.objects.slice();
  objects.splice(i, 1);
  return { scene: { ...scene, objects }, inverse: { name: "add-object", args: { object: prev, index: i } } };
}
