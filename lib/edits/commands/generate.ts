/**
 * Commands that only the generation pipeline issues (history off): the structure stage's output, the layout
 * stage's room shell, the profile stage's route and ObjectPlan per object, and the decor stage's decor. Like every
 * command they are pure `(scene, args) -> {scene, inverse}`, so the executor (server/edits/executor.ts) writes them
 * with the same transaction and event rules as edits.
 */
import type { Scene } from "../../scene/schema";
import { findObjectIndex, replaceObject, type CommandArgs, type Performed } from "./types";

/** `detect-structure`: sets the structure the structure stage detected (no review guard); inverse restores the previous one. */
export function detectStructure(scene: Scene, args: CommandArgs<"detect-structure">): Performed {
  return { scene: { ...scene, structure: args.structure }, inverse: { name: "detect-structure", args: { structure: scene.structure } } };
}

/** `set-shell`: replaces the whole room shell (footprint, openings, materials, program, GLB revision) or clears it; inverse restores it. */
export function setShell(scene: Scene, args: CommandArgs<"set-shell">): Performed {
  return { scene: { ...scene, room: args.room }, inverse: { name: "set-shell", args: { room: scene.room } } };
}

/** `set-plan`: sets an object's route and ObjectPlan (the profile stage's blueprint); inverse restores them. Throws `edits:` for an unknown object. */
export function setPlan(scene: Scene, args: CommandArgs<"set-plan">): Performed {
  const i = findObjectIndex(scene, args.objectId);
  const prev = scene.objects[i];
  return {
    scene: replaceObject(scene, i, { ...prev, route: args.route, plan: args.plan }),
    inverse: { name: "set-plan", args: { objectId: prev.id, route: prev.route, plan: prev.plan } },
  };
}

/** `set-decor`: sets the scene's decor (materials, lights, notes) or clears it; inverse restores it. */
export function setDecor(scene: Scene, args: CommandArgs<"set-decor">): Performed {
  return { scene: { ...scene, decor: args.decor }, inverse: { name: "set-decor", args: { decor: scene.decor } } };
}
