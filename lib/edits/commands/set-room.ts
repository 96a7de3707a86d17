/** `set-room` command: change room-shell fields (wall/floor material, size, openings, shell program and GLB revision). */
import type { Scene } from "../../scene/schema";
import type { CommandArgs, Performed } from "./types";

type RoomPatch = CommandArgs<"set-room">["room"];

/** Replaces the given room fields; inverse restores exactly those fields. Throws `edits:` when the scene has no room yet. */
export function setRoom(scene: Scene, args: CommandArgs<"set-room">): Performed {
  const room = scene.room;
  if (!room) throw new Error(`edits: scene ${scene.id} has no room shell yet`);
  const prev: RoomPatch = {};
  const next = { ...room };
  for (const key of Object.keys(args.room) as (keyof RoomPatch)[]) {
    if (args.room[key] === undefined) continue;
    (prev as Record<string, unknown>)[key] = room[key];
    (next as Record<string, unknown>)[key] = args.room[key];
  }
  return { scene: { ...scene, room: next }, inverse: { name: "set-room", args: { room: prev } } };
}
