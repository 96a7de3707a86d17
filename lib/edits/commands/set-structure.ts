/** `set-structure` command: replace the detected structure of an image scene while it waits for review. */
import type { CommandArgs, Performed } from "./types";
import type { Scene } from "../../scene/schema";

/**
 * Makes `args.structure` the scene's structure; the inverse restores the previous one. Throws `edits:` when the scene
 * has no detected structure or no longer waits for review (its room was generated from the structure).
 */
export function setStructure(scene: Scene, args: CommandArgs<"set-structure">): Performed {
  if (!scene.structure) throw new Error(`edits: scene ${scene.id} has no detected structure`);
  if (scene.status !== "needs_review") throw new Error(`edits: the picture's corrections of scene ${scene.id} were used to generate the room; they can no longer change`);
  return { scene: { ...scene, structure: args.structure }, inverse: { name: "set-structure", args: { structure: scene.structure, label: args.label } } };
}
