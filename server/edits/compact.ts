import "server-only";
/**
 * History keeps commands compact: a set-program, add-object or set-room command names its program revision by
 * number (`programRev`) instead of carrying the whole source, which the store's revisions table already holds
 * (revisions are immutable). `hydrateCommands` turns stored commands back into performable ones.
 */
import { refersToRevision, type Command } from "../../lib/edits/commands";
import type { ProgramRevision } from "../../lib/scene/schema";
import { plainRevision, ROOM_ID, type Store } from "../store";

/** `cmds` with every carried program revision replaced by its number (for storing in history). */
export function compactCommands(cmds: readonly Command[]): Command[] {
  return cmds.map((c): Command => {
    if (c.name === "set-program" && c.args.program) return { name: c.name, args: { ...c.args, program: null, programRev: c.args.program.rev } };
    if (c.name === "add-object" && c.args.object.program) return { name: c.name, args: { ...c.args, object: { ...c.args.object, program: null }, programRev: c.args.object.program.rev } };
    if (c.name === "set-room" && c.args.room.program) {
      const { program, ...room } = c.args.room;
      return { name: c.name, args: { room, programRev: program.rev } };
    }
    return c;
  });
}

/**
 * `cmds` with every revision number replaced by the stored revision of scene `sceneId` (performable again).
 * Throws Error `edits: ...` when a named revision is not in the store.
 */
export function hydrateCommands(store: Store, sceneId: string, cmds: readonly Command[]): Command[] {
  const load = (objectId: string, rev: number): ProgramRevision => {
    const r = store.revisions.get(sceneId, objectId, rev);
    if (!r) throw new Error(`edits: history names revision ${rev} of ${objectId}, which the store does not hold`);
    return plainRevision(r);
  };
  return cmds.map((c): Command => {
    if (!refersToRevision(c)) return c;
    if (c.name === "set-program") {
      const { programRev, ...args } = c.args;
      return { name: c.name, args: { ...args, program: load(c.args.objectId, programRev!) } };
    }
    if (c.name === "add-object") {
      const { programRev, ...args } = c.args;
      return { name: c.name, args: { ...args, object: { ...args.object, program: load(args.object.id, programRev!) } } };
    }
    if (c.name === "set-room") return { name: c.name, args: { room: { ...c.args.room, program: load(ROOM_ID, c.args.programRev!) } } };
    return c;
  });
}
