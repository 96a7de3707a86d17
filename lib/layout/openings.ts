/** Default openings for a room: one door and one or two windows, chosen by room type. */
import type { Opening, Point2 } from "../scene/schema";
import { wallsOf } from "../geometry/room";

/** Door 0.9 x 2.1 m, windows 1.2 x 1.2 m at a 0.9 m sill (typical residential sizes); bathrooms get a smaller, higher window. */
export function defaultOpenings(footprint: readonly Point2[], roomType: string): Opening[] {
  const walls = wallsOf(footprint);
  const out: Opening[] = [];
  const n = walls.length;
  const doorWall = walls[0];
  const doorW = Math.min(0.9, doorWall.length - 0.4);
  out.push({ id: "door-1", kind: "door", wall: 0, offset: Math.min(0.25 + doorW / 2 + 0.3, doorWall.length / 2), width: doorW, height: 2.1, sill: 0 });
  const opposite = n === 4 ? 2 : walls.reduce((best, w) => (w.index !== 0 && w.length > walls[best].length ? w.index : best), 1);
  const bath = roomType === "bathroom" || roomType === "laundry_room" || roomType === "closet";
  const winW = Math.min(bath ? 0.8 : 1.2, walls[opposite].length - 0.6);
  out.push({ id: "window-1", kind: "window", wall: opposite, offset: walls[opposite].length / 2, width: winW, height: bath ? 0.8 : 1.2, sill: bath ? 1.3 : 0.9 });
  const area = walls.reduce((s, w) => s + w.length, 0);
  if (!bath && n === 4 && area > 18) {
    const side = walls[1];
    out.push({ id: "window-2", kind: "window", wall: 1, offset: side.length / 2, width: Math.min(1.2, side.length - 0.6), height: 1.2, sill: 0.9 });
  }
  return out;
}
