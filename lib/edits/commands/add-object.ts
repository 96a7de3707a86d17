/** `add-object` command: insert a whole object into the scene. */
import type { Scene } from "../../scene/schema";
import type { CommandArgs, Performed } from "./types";

/** Inserts `object` at `index` (default: the end); inverse is `remove-object`. Throws `edits:` when the id already exists. */
export function addObject(scene: Scene, args: CommandArgs<"add-object">): Performed {
  if (scene.objects.some((o) => o.id === args.object.id)) {
    throw new Error(`edits: object ${args.object.id} already exists in scene ${scene.id}`);
  }
  const objects = scene.objects.slice();
  const at = Math.min(args.index ?? objects.length, objects.length);
  objects.splice(at, 0, args.object);
  return { scene: { ...scene, objects }, inverse: { name: "remove-object", args: { objectId: args.object.id } } };
}
