/** Room-level edit helpers: resizing the footprint (openings kept proportional) and choosing a spot for a new window. */
import type { Opening, Room } from "../scene/schema";
import { boundsOf, centroidOf, wallsOf, type Vec2 } from "./geometry";

/** Default new window (m): 1.2 wide, 1.2 high, sill at 0.9 (typical residential window). */
export const DEFAULT_WINDOW = { width: 1.2, height: 1.2, sill: 0.9 } as const;

/** Footprint scaled about its centroid to a new bounding size (m) with openings' offsets scaled along their walls. */
export function resizeRoom(room: Pick<Room, "footprint" | "openings">, size: { w: number; d: number }): { footprint: [number, number][]; openings: Opening[] } {
  const bb = boundsOf(room.footprint);
  const sx = size.w / (bb.maxX - bb.minX);
  const sy = size.d / (bb.maxY - bb.minY);
  const c = centroidOf(room.footprint);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const footprint = room.footprint.map(([x, y]) => [r(c[0] + (x - c[0]) * sx), r(c[1] + (y - c[1]) * sy)] as [number, number]);
  const before = wallsOf(room.footprint);
  const after = wallsOf(footprint);
  const openings = room.openings.map((o) => {
    const f = before[o.wall] && after[o.wall] ? after[o.wall].length / before[o.wall].length : 1;
    const offset = r(Math.max(o.width / 2, Math.min(o.offset * f, (after[o.wall]?.length ?? o.offset) - o.width / 2)));
    return { ...o, offset };
  });
  return { footprint, openings };
}

/** A new window on the wall facing `side` (compass or left/right/front/back; null = the longest wall with the fewest openings), or null when no wall has room. */
export function newWindow(room: Pick<Room, "footprint" | "openings">, side: string | null): Opening | null {
  const map: Record<string, string> = { left: "west", right: "east", front: "south", back: "north" };
  const want = side ? (map[side] ?? side) : null;
  const walls = wallsOf(room.footprint)
    .filter((w) => (want ? w.side === want : true))
    .sort((a, b) => room.openings.filter((o) => o.wall === a.index).length - room.openings.filter((o) => o.wall === b.index).length || b.length - a.length);
  const n = room.openings.filter((o) => o.kind === "window").length + 1;
  let id = `window-${n}`;
  for (let k = n; room.openings.some((o) => o.id === id); k++) id = `window-${k + 1}`;
  for (const w of walls) {
    const taken = room.openings.filter((o) => o.wall === w.index).map((o) => [o.offset - o.width / 2 - 0.3, o.offset + o.width / 2 + 0.3] as Vec2);
    const half = DEFAULT_WINDOW.width / 2;
    const candidates = [w.length / 2, w.length / 4, (3 * w.length) / 4, w.length / 3, (2 * w.length) / 3];
    for (const off of candidates) {
      if (off - half < 0.3 || off + half > w.length - 0.3) continue;
      if (taken.some(([a, b]) => off + half > a && off - half < b)) continue;
      return { id, kind: "window", wall: w.index, offset: Math.round(off * 1000) / 1000, ...DEFAULT_WINDOW };
    }
  }
  return null;
}

/** Room fields a `RoomChange` (plan op) sets: materials, the resized footprint with its openings, or openings plus a new window. */
export function roomPatchFor(
  room: Pick<Room, "footprint" | "openings">,
  change: { wallMaterial?: Room["wallMaterial"]; floorMaterial?: Room["floorMaterial"]; size?: { w: number; d: number }; addOpening?: Opening },
): Partial<Pick<Room, "footprint" | "openings" | "wallMaterial" | "floorMaterial">> {
  const patch: Partial<Pick<Room, "footprint" | "openings" | "wallMaterial" | "floorMaterial">> = {};
  if (change.wallMaterial) patch.wallMaterial = change.wallMaterial;
  if (change.floorMaterial) patch.floorMaterial = change.floorMaterial;
  let base = room;
  if (change.size) {
    const r = resizeRoom(room, change.size);
    patch.footprint = r.footprint;
    patch.openings = r.openings;
    base = r;
  }
  if (change.addOpening) patch.openings = [...base.openings, change.addOpening];
  return patch;
}
