import "server-only";
/**
 * The room-shell program: floor, walls (built as solid segments around door and window openings),
 * window glass and frames, doors, optional ceiling. The Python template is `programs/room_shell.py`;
 * `wallSegments` mirrors its segment split so callers and tests can predict the wall parts.
 */
import type { Material, Opening } from "../../../../lib/scene/schema";
import { canonicalMaterial } from "../../../../lib/program/materials";
import type { ParamValue } from "../../../../lib/program/params";
import { assembleProgram, roomTemplate } from "./library";

/** Input of the room-shell program (meters; footprint counter-clockwise in the room frame). */
export interface RoomShellInput {
  footprint: [number, number][];
  wallHeight: number;
  wallThickness: number;
  openings: Opening[];
  floorMaterial: Material;
  wallMaterial: Material;
  ceiling: boolean;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function materialName(m: Material): string {
  return canonicalMaterial(m.name) ?? "paint";
}

/** PARAMS of the room shell: footprint, wall height/thickness, openings `[kind, wall, offset, width, height, sill]`, surface colors/materials, ceiling. */
export function roomShellParams(room: RoomShellInput): Record<string, ParamValue> {
  return {
    footprint: room.footprint.map(([x, y]) => [r3(x), r3(y)]),
    wall_height: r3(room.wallHeight),
    wall_thickness: r3(room.wallThickness),
    openings: room.openings.map((o) => [o.kind, o.wall, r3(o.offset), r3(o.width), r3(o.height), r3(o.kind === "door" ? 0 : o.sill)]),
    floor_color: room.floorMaterial.color.toLowerCase(),
    floor_material: materialName(room.floorMaterial),
    wall_color: room.wallMaterial.color.toLowerCase(),
    wall_material: materialName(room.wallMaterial),
    ceiling: room.ceiling,
  };
}

/**
 * Number of wall pieces per footprint edge, as the program builds them: each edge is cut around its
 * openings into pieces left/right of every opening plus a piece above it (and below it when it has a sill).
 */
export function wallSegments(room: Pick<RoomShellInput, "footprint" | "openings" | "wallHeight">): number[] {
  return room.footprint.map((_, i) => {
    const holes = room.openings.filter((o) => o.wall === i);
    let n = 1;
    for (const o of holes) {
      const sill = o.kind === "door" ? 0 : Math.min(o.sill, room.wallHeight - 0.2);
      const top = sill + Math.min(o.height, room.wallHeight - sill - 0.05);
      n += 1 + (sill > 1e-4 ? 1 : 0) + (room.wallHeight - top > 1e-4 ? 1 : 0);
    }
    return n;
  });
}

/** The room shell program `{source, params}`; parts are `floor`, `wall_0..`, `window_<i>` (+ frames), `door_<i>`, `ceiling`. */
export function roomShellProgram(room: RoomShellInput): { source: string; params: Record<string, ParamValue> } {
  const params = roomShellParams(room);
  const doors = room.openings.filter((o) => o.kind === "door").length;
  const windows = room.openings.length - doors;
  const desc = `${room.footprint.length}-sided room, ${r3(room.wallHeight)} m walls, ${doors} door(s), ${windows} window(s)${room.ceiling ? ", with a ceiling" : ""}.`;
  return { source: assembleProgram(roomTemplate(), params, desc), params };
}
