/** The command registry: perform any command by name, apply sequences, and merge continuous drags. */
import { exhaustiveSwitchError } from "../../errors";
import type { Scene } from "../../scene/schema";
import { addObject } from "./add-object";
import { detectStructure, setDecor, setPlan, setShell } from "./generate";
import { removeObject } from "./remove-object";
import { setHidden } from "./set-hidden";
import { setParams } from "./set-params";
import { setPlacement } from "./set-placement";
import { setProgram } from "./set-program";
import { setRoom } from "./set-room";
import { setStructure } from "./set-structure";
import type { Command, Performed } from "./types";

export * from "./types";
export { sizeFromParams } from "./set-params";

/** Whether a command names its program revision by number (history's compact form) instead of carrying it. */
export function refersToRevision(cmd: Command): boolean {
  return (cmd.name === "set-program" || cmd.name === "add-object" || cmd.name === "set-room") && cmd.args.programRev !== undefined;
}

/**
 * Performs one command on a scene (pure). Throws `edits:` errors for unknown objects, a missing room, or a command
 * that names its revision by number and was not hydrated first.
 */
export function perform(scene: Scene, cmd: Command): Performed {
  if (refersToRevision(cmd)) throw new Error(`edits: ${cmd.name} names revision ${(cmd.args as { programRev?: number }).programRev}; hydrate it before performing it`);
  switch (cmd.name) {
    case "set-placement":
      return setPlacement(scene, cmd.args);
    case "set-program":
      return setProgram(scene, cmd.args);
    case "set-params":
      return setParams(scene, cmd.args);
    case "set-hidden":
      return setHidden(scene, cmd.args);
    case "add-object":
      return addObject(scene, cmd.args);
    case "remove-object":
      return removeObject(scene, cmd.args);
    case "set-room":
      return setRoom(scene, cmd.args);
    case "set-structure":
      return setStructure(scene, cmd.args);
    case "detect-structure":
      return detectStructure(scene, cmd.args);
    case "set-shell":
      return setShell(scene, cmd.args);
    case "set-plan":
      return setPlan(scene, cmd.args);
    case "set-decor":
      return setDecor(scene, cmd.args);
    default:
      return exhaustiveSwitchError(cmd);
  }
}

/** Performs commands in order; returns the final scene and the inverses in undo order (last command's inverse first). */
export function performAll(scene: Scene, cmds: readonly Command[]): { scene: Scene; inverses: Command[] } {
  let s = scene;
  const inverses: Command[] = [];
  for (const c of cmds) {
    const r = perform(s, c);
    s = r.scene;
    inverses.unshift(r.inverse);
  }
  return { scene: s, inverses };
}

/** The id of the one object a command changes; null for a scene-level command (room, structure, decor). */
export function commandObjectId(cmd: Command): string | null {
  if (cmd.name === "add-object") return cmd.args.object.id;
  return "objectId" in cmd.args ? cmd.args.objectId : null;
}

/** Human label of a command for history lists, e.g. "move bed-1", "change params of sofa-1". */
export function describeCommand(cmd: Command): string {
  switch (cmd.name) {
    case "set-placement":
      return `move ${cmd.args.objectId}`;
    case "set-program":
      return `set program of ${cmd.args.objectId}${cmd.args.program ? ` to rev ${cmd.args.program.rev}` : cmd.args.programRev ? ` to rev ${cmd.args.programRev}` : ""}`;
    case "set-params":
      return `change ${Object.keys(cmd.args.params).join(", ")} of ${cmd.args.objectId}`;
    case "set-hidden":
      return `${cmd.args.hidden ? "hide" : "show"} ${cmd.args.objectId}`;
    case "add-object":
      return `add ${cmd.args.object.id}`;
    case "remove-object":
      return `remove ${cmd.args.objectId}`;
    case "set-room":
      return `change room ${Object.keys(cmd.args.room).join(", ")}`;
    case "set-structure":
      return cmd.args.label;
    case "detect-structure":
      return "detect the structure";
    case "set-shell":
      return cmd.args.room ? "lay out the room shell" : "clear the room shell";
    case "set-plan":
      return `plan ${cmd.args.objectId}`;
    case "set-decor":
      return "choose the decor";
    default:
      return exhaustiveSwitchError(cmd);
  }
}

/**
 * Whether a new single-command entry continues a drag of the previous one (same object, both pure
 * `set-placement`), so history merges them into one entry keeping the oldest inverse.
 */
export function canMerge(prev: readonly Command[], next: readonly Command[]): boolean {
  if (prev.length !== 1 || next.length !== 1) return false;
  const a = prev[0];
  const b = next[0];
  return a.name === "set-placement" && b.name === "set-placement" && a.args.objectId === b.args.objectId;
}
