import "server-only";
/**
 * Room-level edits: the room shell program is regenerated from the changed room (LIBRARY's
 * `roomShellProgram`), stored as a new `@room` revision and built; only the shell GLB changes.
 */
import type { Command, CommandArgs } from "../../lib/edits/commands";
import { AppError } from "../../lib/errors";
import { roomShellProgram } from "../engines/offline/code/room";
import type { SceneChange } from "./executor";
import { addRevision, buildRevision } from "../pipeline/build";
import { plainRevision, ROOM_ID } from "../store";

/**
 * Builds the shell for a room patch (a planned `set-room`'s fields: footprint, wall height, openings, materials) and
 * returns the `set-room` command that makes it current with its program and GLB (not yet applied); its
 * `scene.updated` event is staged in `change`. Throws AppError `unsupported_edit` without a room, `build_failed`
 * (details: line, type, traceback) when the shell fails.
 */
export async function roomChangeCommand(sceneChange: SceneChange, patch: CommandArgs<"set-room">["room"]): Promise<Command> {
  const scene = sceneChange.scene;
  const room = scene.room;
  if (!room) throw new AppError("unsupported_edit", "The room shell is not built yet.");
  const next = { ...room, ...patch };
  const { source } = roomShellProgram({
    footprint: next.footprint,
    wallHeight: next.wallHeight,
    wallThickness: next.wallThickness,
    openings: next.openings,
    floorMaterial: next.floorMaterial,
    wallMaterial: next.wallMaterial,
    ceiling: next.ceiling,
  });
  const rev = addRevision(scene.id, ROOM_ID, source, "edit");
  const built = await buildRevision(scene.id, rev);
  if (!built.ok) {
    const e = built.error;
    throw new AppError("build_failed", `The room shell did not build: ${e.type}: ${e.message}`, { line: e.line, type: e.type, traceback: e.traceback, rev: rev.rev });
  }
  sceneChange.emit({ type: "scene.updated", data: { room: { rev: rev.rev, glbRev: rev.rev, url: `/api/scenes/${scene.id}/room.glb?rev=${rev.rev}` } } });
  return { name: "set-room", args: { room: { ...patch, program: plainRevision({ ...rev, glbFile: null, stats: null, error: null }), glbRev: rev.rev } } };
}
