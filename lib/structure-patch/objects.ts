/**
 * Footprints -> ObjectSpecs (one per footprint, ids `${category}-${n}` numbered per category in footprint
 * order) and pixel <-> room-meter boxes. Shared by the image structuring and by structure patches so both
 * produce the same objects from the same footprints.
 */
import type { Footprint, ObjectSpec, Relation, StructureSpec } from "../scene/schema";
import { categoryInfo } from "../vocab";

/** Pixel box (original image px, top-left x/y). */
export interface BoxPx {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room-meter box: center x/y in the room frame (m), width along +X and depth along +Y (m). */
export interface BoxM {
  x: number;
  y: number;
  w: number;
  d: number;
}

/** Image <-> room mapping: origin pixel (original px) and meters per pixel along image x and y. */
export interface ImageFrame {
  originPx: [number, number];
  metersPerPx: [number, number];
}

const round3 = (v: number) => Math.round(v * 1000) / 1000 + 0; // + 0 turns -0 into 0

/** Room-meter box of a pixel box: +X = image right, +Y = image up (DESIGN.md section 2). */
export function boxPxToM(b: BoxPx, f: ImageFrame): BoxM {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  return {
    x: round3((cx - f.originPx[0]) * f.metersPerPx[0]),
    y: round3(-(cy - f.originPx[1]) * f.metersPerPx[1]),
    w: Math.max(0.01, round3(b.w * f.metersPerPx[0])),
    d: Math.max(0.01, round3(b.h * f.metersPerPx[1])),
  };
}

/** Distance (m) under which an item counts as standing against a wall. */
export const WALL_CONTACT_M = 0.3;

/** The wall a box stands against (nearest side within WALL_CONTACT_M of the room box), or null. */
export function wallContact(b: BoxM, room: { w: number; d: number }): "north" | "south" | "east" | "west" | null {
  const gaps = {
    north: room.d / 2 - (b.y + b.d / 2),
    south: b.y - b.d / 2 + room.d / 2,
    east: room.w / 2 - (b.x + b.w / 2),
    west: b.x - b.w / 2 + room.w / 2,
  };
  let best: keyof typeof gaps | null = null;
  for (const k of Object.keys(gaps) as (keyof typeof gaps)[]) if (gaps[k] < WALL_CONTACT_M && (best === null || gaps[k] < gaps[best])) best = k;
  return best;
}

/** Yaw (deg) so the object's front (-Y local) faces away from the wall it stands against: north 0, south 180, west 90, east -90. */
export function yawForWall(wall: ReturnType<typeof wallContact>): number {
  return wall === "south" ? 180 : wall === "west" ? 90 : wall === "east" ? -90 : 0;
}

function title(category: string): string {
  const s = category.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * One ObjectSpec per footprint: targetSize w/d from boxM (swapped when the wall's yaw is +-90 deg; a yaw the user
 * fixed keeps the box's own w/d and becomes approxYawDeg), h from the
 * category's default height (lib/vocab); approxCenter from boxM; attributes kept from `previous` objects that
 * referenced the same footprint id. Also returns `against_wall` relations for items touching a wall.
 */
export function objectsFromFootprints(
  footprints: Footprint[],
  room: { w: number; d: number },
  previous: ObjectSpec[] = [],
): { objects: ObjectSpec[]; relations: Relation[] } {
  const counts = new Map<string, number>();
  const objects: ObjectSpec[] = [];
  const relations: Relation[] = [];
  for (const fp of footprints) {
    const info = categoryInfo(fp.category);
    const n = (counts.get(fp.category) ?? 0) + 1;
    counts.set(fp.category, n);
    const id = `${fp.category}-${n}`;
    const wall = info.route === "thin_cover" ? null : wallContact(fp.boxM, room);
    const fixed = fp.yawFixed === true && typeof fp.yawDeg === "number";
    const yaw = fixed ? fp.yawDeg! : yawForWall(wall);
    const turned = !fixed && Math.abs(yaw) === 90;
    const prev = previous.find((o) => o.footprintId === fp.id);
    const zoneText = fp.zone ? ` in the ${fp.zone.replace(/-\d+$/, "").replace(/_/g, " ")}` : "";
    objects.push({
      id,
      category: fp.category,
      name: title(fp.category),
      description: `${title(fp.category).toLowerCase()} seen in the image${zoneText}`,
      attributes: prev?.attributes ?? { color: null, colorName: null, material: null, size: null, style: [], tags: ["from-image"] },
      targetSize: {
        w: Math.max(0.05, turned ? fp.boxM.d : fp.boxM.w),
        d: Math.max(0.02, turned ? fp.boxM.w : fp.boxM.d),
        h: info.defaultSize.h,
      },
      support: info.support === "ceiling" ? "ceiling" : "floor",
      footprintId: fp.id,
      zone: fp.zone ?? null,
      approxCenter: [fp.boxM.x, fp.boxM.y],
      approxYawDeg: yaw,
    });
    if (wall) relations.push({ type: "against_wall", subject: id, anchor: "wall" });
  }
  return { objects, relations };
}

/** Replace a spec's objects and relations with ones regenerated from its footprints. */
export function regenerateObjects(spec: StructureSpec): StructureSpec {
  const { objects, relations } = objectsFromFootprints(spec.footprints, { w: spec.roomSize.w, d: spec.roomSize.d }, spec.objects);
  return { ...spec, objects, relations };
}
