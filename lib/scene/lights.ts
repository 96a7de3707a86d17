/**
 * Lights that belong to an object (a lamp's bulb): attached in the object's local frame, so that the room-frame
 * position always follows the object's placement (x, y, z, yaw), and the light hides and goes with the object.
 */
import { familyOf } from "../vocab";
import type { Light, Placement, Point3, SceneObject } from "./schema";

/** Families whose light sits in the object (the bulb in a lamp's shade, a ceiling fixture's bulb). */
const LIGHT_FAMILIES = new Set(["floor_lamp", "table_lamp", "ceiling_light", "chandelier"]);

/** True when objects of `category` carry their own light. */
export function isLightFixture(category: string): boolean {
  return LIGHT_FAMILIES.has(familyOf(category));
}

/** Room-frame point (m) of a local-frame point of an object at `p` (rotation by yawDeg about +Z, then translation). */
export function localToRoom(p: Placement, local: Point3): Point3 {
  const a = (p.yawDeg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [p.x + c * local[0] - s * local[1], p.y + s * local[0] + c * local[1], p.z + local[2]];
}

/** Local-frame point (m) of a room-frame point, for an object at `p` (inverse of localToRoom). */
export function roomToLocal(p: Placement, room: Point3): Point3 {
  const a = (p.yawDeg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const dx = room[0] - p.x;
  const dy = room[1] - p.y;
  return [c * dx + s * dy, -s * dx + c * dy, room[2] - p.z];
}

/**
 * Attach each free light that lies inside a light fixture (within the object's footprint, from half a target size
 * around its centre, and no higher than 0.3 m above its top) to that fixture; a light already attached is kept.
 * Sun lights are never attached. Returns new Light objects; never throws.
 */
export function attachFixtureLights(lights: Light[], objects: SceneObject[]): Light[] {
  const fixtures = objects.filter((o) => isLightFixture(o.category));
  return lights.map((l) => {
    if (l.objectId || l.kind === "sun") return l;
    let best: { o: SceneObject; d: number } | null = null;
    for (const o of fixtures) {
      const local = roomToLocal(o.placement, l.position);
      const inside = Math.abs(local[0]) <= o.targetSize.w / 2 + 0.05 && Math.abs(local[1]) <= o.targetSize.d / 2 + 0.05;
      const within = local[2] >= -0.3 && local[2] <= o.targetSize.h + 0.3;
      if (!inside || !within) continue;
      const d = Math.hypot(local[0], local[1]);
      if (!best || d < best.d) best = { o, d };
    }
    return best ? { ...l, objectId: best.o.id, local: roomToLocal(best.o.placement, l.position) } : l;
  });
}

/** The bulb of a floor or table lamp: a warm 40 W point light at 80% of the lamp's height, in the shade. */
export const LAMP_BULB = { color: "#ffd9a8", power: 40, heightShare: 0.8 } as const;

/** Families whose bulb is implied when no light is attached to them (a lamp added after the scene was lit). */
const BULB_FAMILIES = new Set(["floor_lamp", "table_lamp"]);

/**
 * `lights` plus a bulb (LAMP_BULB, attached in the lamp's local frame) for every floor or table lamp that has no
 * light of its own, such as a lamp added by an edit after the decor stage lit the room. Never throws.
 */
export function withLampBulbs(lights: Light[], objects: SceneObject[]): Light[] {
  const lit = new Set(lights.map((l) => l.objectId).filter((id): id is string => !!id));
  const out = lights.slice();
  for (const o of objects) {
    if (lit.has(o.id) || !BULB_FAMILIES.has(familyOf(o.category))) continue;
    const local: Point3 = [0, 0, o.targetSize.h * LAMP_BULB.heightShare];
    out.push({ kind: "point", position: localToRoom(o.placement, local), color: LAMP_BULB.color, power: LAMP_BULB.power, objectId: o.id, local });
  }
  return out;
}

/**
 * The lights as they are now, in the room frame: an attached light at its object's current placement, left out when
 * that object is hidden or no longer in the scene; a free light as stored. Never throws.
 */
export function lightsInRoom(lights: Light[], objects: SceneObject[]): Light[] {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const out: Light[] = [];
  for (const l of lights) {
    if (!l.objectId || !l.local) {
      out.push(l);
      continue;
    }
    const o = byId.get(l.objectId);
    if (!o || o.hidden) continue;
    out.push({ ...l, position: localToRoom(o.placement, l.local) });
  }
  return out;
}
