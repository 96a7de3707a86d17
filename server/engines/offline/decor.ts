import "server-only";
/**
 * Offline decor stage: floor and wall materials by room type and style words, lights (ceiling lights on a
 * grid sized by the room, or at the scene's ceiling fixtures and lamps, plus a soft sun), and small surface
 * objects the prompt asks for ("books on the shelf", "a lamp on the nightstand") when they are not objects yet.
 */
import type { Light, Material, ObjectSpec, Placement, Scene, StructureSpec } from "../../../lib/scene/schema";
import { Attributes } from "../../../lib/scene/schema";
import { materialPreset } from "../../../lib/program/materials";
import { LAMP_BULB } from "../../../lib/scene/lights";
import { canonicalCategory, categoryInfo, familyOf } from "../../../lib/vocab";
import type { DecorResult } from "../types";

/** Floor material by room type: [material, color]. Typical finishes per room (tile in wet rooms, concrete in basements/garages). */
const FLOOR_BY_ROOM: Record<string, [string, string]> = {
  bedroom: ["oak", "#b58a55"],
  living_room: ["walnut", "#7a5535"],
  dining_room: ["oak", "#a87c4f"],
  kitchen: ["tile", "#d9d6cf"],
  bathroom: ["tile", "#e4e4e0"],
  office: ["oak", "#b8946a"],
  study: ["oak", "#b8946a"],
  basement: ["concrete", "#a3a19c"],
  garage: ["concrete", "#9a9893"],
  nursery: ["carpet", "#d8cfc0"],
  kids_room: ["maple", "#d9b382"],
  playroom: ["carpet", "#c9d6c0"],
  hallway: ["oak", "#a87c4f"],
  laundry_room: ["tile", "#d9d6cf"],
  game_room: ["carpet", "#6f7480"],
  gym: ["rubber", "#2b2b2b"],
};

/** Style words that override the floor: [material, color]. */
const FLOOR_BY_STYLE: [RegExp, [string, string]][] = [
  [/industrial|loft|urban/, ["concrete", "#8f8d88"]],
  [/scandinavian|nordic|minimal/, ["birch", "#e0c9a0"]],
  [/rustic|farmhouse|cabin|country/, ["pine", "#b88a57"]],
  [/luxur|elegant|glam|marble/, ["marble", "#e8e6e1"]],
  [/mid[_ -]?century|retro/, ["teak", "#9a6a3c"]],
  [/japanese|zen/, ["bamboo", "#c8a96b"]],
];

/** Wall paint by style word, then by room type. */
const WALL_BY_STYLE: [RegExp, string][] = [
  [/industrial|loft/, "#b7b2aa"],
  [/scandinavian|nordic|minimal|modern/, "#f2f1ec"],
  [/rustic|farmhouse|cabin/, "#e9dfcc"],
  [/boho|bohemian/, "#ead7c0"],
  [/cozy|warm/, "#efe3cf"],
  [/coastal|beach|nautical/, "#dde9ee"],
  [/dark|moody/, "#3e4a52"],
];
const WALL_BY_ROOM: Record<string, [string, string]> = {
  bathroom: ["tile", "#f2f2ee"],
  kitchen: ["paint", "#f4f2ec"],
  nursery: ["paint", "#e6eef4"],
  kids_room: ["paint", "#e8f0e4"],
  basement: ["paint", "#dedad3"],
  garage: ["concrete", "#bdbab3"],
};

/** Surface items the prompt may ask for: word pattern -> category. */
const SURFACE_ITEMS: [RegExp, string][] = [
  [/\bbooks?\b/, "books"],
  [/\b(table |desk |bedside )?lamps?\b/, "table_lamp"],
  [/\bvases?\b/, "vase"],
  [/\bcandles?\b/, "candle"],
  [/\b(small |potted )?plants?\b/, "potted_plant"],
  [/\bmugs?\b|\bcups?\b/, "mug"],
  [/\bbowls?\b/, "bowl"],
  [/\btrays?\b/, "tray"],
  [/\blaptops?\b/, "laptop"],
  [/\bmonitors?\b/, "monitor"],
  [/\bplates?\b/, "plate"],
  [/\bbaskets?\b/, "basket"],
  [/\b(throw )?pillows?\b|\bcushions?\b/, "pillow"],
  [/\btvs?\b|\btelevisions?\b/, "tv"],
  [/\bclocks?\b/, "clock"],
  [/\bbottles?\b/, "bottle"],
  [/\bspeakers?\b/, "speaker"],
];

function mat(name: string, color: string): Material {
  const pr = materialPreset(name);
  return { name, color, roughness: pr.roughness, metallic: pr.metallic };
}

function roomKey(roomType: string): string {
  return roomType.toLowerCase().replace(/[\s-]+/g, "_");
}

/** Floor and wall materials for a room type and style words. */
export function surfacesFor(roomType: string, style: string[]): { floor: Material; wall: Material } {
  const key = roomKey(roomType);
  const words = style.join(" ").toLowerCase();
  const floorStyle = FLOOR_BY_STYLE.find(([re]) => re.test(words))?.[1];
  const [fm, fc] = floorStyle ?? FLOOR_BY_ROOM[key] ?? ["oak", "#b58a55"];
  const wallStyle = WALL_BY_STYLE.find(([re]) => re.test(words))?.[1];
  const [wm, wc] = WALL_BY_ROOM[key] ?? ["paint", "#ece8e1"];
  return { floor: mat(fm, fc), wall: mat(wm, wallStyle ?? wc) };
}

/** The picture's floor and wall colours (StructureSpec.appearance, images only) over `base`: the material kind stays, the colour and the floor's roughness guess come from the picture. */
export function withPictureSurfaces(appearance: StructureSpec["appearance"], base: { floor: Material; wall: Material }): { floor: Material; wall: Material } {
  if (!appearance) return base;
  return {
    floor: appearance.floor ? { ...base.floor, color: appearance.floor.color, roughness: appearance.floor.roughness } : base.floor,
    wall: appearance.wall ? { ...base.wall, color: appearance.wall.color } : base.wall,
  };
}

function bounds(footprint: [number, number][]): { minX: number; maxX: number; minY: number; maxY: number } {
  const xs = footprint.map((p) => p[0]);
  const ys = footprint.map((p) => p[1]);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

function inside(pt: [number, number], poly: [number, number][]): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/**
 * Lights for the scene (room frame, m; power in W as Blender light energy): a point light under every
 * ceiling fixture, or else a grid of ceiling points about every 3 m inside the footprint (150 W each,
 * ~10 W/m^2 for a lit room), a 40 W point in each lamp shade, and one soft sun (strength 2) for daylight.
 */
export function lightsFor(scene: Scene): Light[] {
  const room = scene.room;
  const footprint = room?.footprint ?? [[-2, -2], [2, -2], [2, 2], [-2, 2]];
  const height = room?.wallHeight ?? 2.6;
  const lights: Light[] = [];
  const visible = scene.objects.filter((o) => !o.hidden);
  const fixtures = visible.filter((o) => familyOf(o.category) === "ceiling_light");
  if (fixtures.length > 0) {
    for (const f of fixtures) lights.push({ kind: "point", position: [f.placement.x, f.placement.y, Math.max(f.placement.z - 0.1, 1.8)], color: "#fff1dc", power: 150 });
  } else {
    const b = bounds(footprint);
    const nx = Math.max(1, Math.round((b.maxX - b.minX) / 3));
    const ny = Math.max(1, Math.round((b.maxY - b.minY) / 3));
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        const pt: [number, number] = [b.minX + ((i + 0.5) * (b.maxX - b.minX)) / nx, b.minY + ((j + 0.5) * (b.maxY - b.minY)) / ny];
        if (inside(pt, footprint)) lights.push({ kind: "point", position: [pt[0], pt[1], height - 0.3], color: "#fff1dc", power: 150 });
      }
    }
    if (lights.length === 0) lights.push({ kind: "point", position: [0, 0, height - 0.3], color: "#fff1dc", power: 150 });
  }
  for (const o of visible) {
    const fam = familyOf(o.category);
    if (fam === "floor_lamp" || fam === "table_lamp") {
      lights.push({ kind: "point", position: [o.placement.x, o.placement.y, o.placement.z + o.targetSize.h * LAMP_BULB.heightShare], color: LAMP_BULB.color, power: LAMP_BULB.power });
    }
  }
  lights.push({ kind: "sun", position: [0, 0, height + 3], color: "#fff8ee", power: 2 });
  return lights;
}

function nextId(category: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${category}-${n}`)) n++;
  const id = `${category}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Small surface objects the prompt asks for with "<item> on (the|a|top of) <anchor>" when no object of
 * the item's family exists yet and an object of the anchor's category does; each stands on the anchor's
 * top (support `on:<anchor id>`, z = anchor top), shifted a quarter of the anchor's width to its right.
 */
export function surfaceExtras(scene: Scene): { spec: ObjectSpec; placement: Placement }[] {
  const prompt = scene.source.kind === "prompt" ? scene.source.prompt : (scene.source.prompt ?? "");
  const text = prompt.toLowerCase();
  const families = new Set(scene.objects.map((o) => familyOf(o.category)));
  const taken = new Set(scene.objects.map((o) => o.id));
  const out: { spec: ObjectSpec; placement: Placement }[] = [];
  for (const m of text.matchAll(/\b([a-z]+(?: [a-z]+)?)\s+(?:on|on top of|atop)\s+(?:the|a|an|each|her|his|their)?\s*([a-z]+(?: [a-z]+)?)/g)) {
    const item = SURFACE_ITEMS.find(([re]) => re.test(m[1]));
    if (!item) continue;
    const category = item[1];
    if (families.has(familyOf(category))) continue;
    const words = m[2].split(" ");
    const anchor =
      scene.objects.find((o) => o.category === canonicalCategory(words.join("_"))) ??
      scene.objects.find((o) => o.category === canonicalCategory(words[words.length - 1])) ??
      scene.objects.find((o) => familyOf(o.category) === familyOf(canonicalCategory(words[words.length - 1])) && familyOf(o.category) !== "box");
    if (!anchor) continue;
    const info = categoryInfo(category);
    const size = {
      w: Math.min(info.defaultSize.w, anchor.targetSize.w * 0.6),
      d: Math.min(info.defaultSize.d, anchor.targetSize.d * 0.8),
      h: info.defaultSize.h,
    };
    const yaw = (anchor.placement.yawDeg * Math.PI) / 180;
    const dx = anchor.targetSize.w * 0.25;
    const id = nextId(category, taken);
    const spec: ObjectSpec = {
      id,
      category,
      name: category.replace(/_/g, " "),
      description: `${m[1]} on the ${m[2]}`,
      attributes: Attributes.parse({}),
      targetSize: size,
      support: `on:${anchor.id}`,
      footprintId: null,
      zone: null,
      approxCenter: null,
      approxYawDeg: null,
    };
    out.push({
      spec,
      placement: {
        x: anchor.placement.x + Math.cos(yaw) * dx,
        y: anchor.placement.y + Math.sin(yaw) * dx,
        z: anchor.placement.z + anchor.targetSize.h,
        yawDeg: anchor.placement.yawDeg,
      },
    });
    families.add(familyOf(category));
  }
  return out;
}

/** Decor of a scene: materials by room type + style, lights, and surface extras; notes say what was chosen. Never throws. */
export function decorFor(scene: Scene): DecorResult {
  const roomType = scene.structure?.roomType ?? scene.room?.roomType ?? "room";
  const style = scene.structure?.style ?? [];
  const { floor, wall } = withPictureSurfaces(scene.structure?.appearance, surfacesFor(roomType, style));
  const lights = lightsFor(scene);
  const extraObjects = surfaceExtras(scene);
  const notes = [
    `floor: ${floor.name} ${floor.color}, walls: ${wall.name} ${wall.color} (${roomType}${style.length ? `, ${style.join(", ")}` : ""})`,
    `${lights.length} light(s)`,
    ...extraObjects.map((e) => `added ${e.spec.id} on ${e.spec.support.slice(3)}`),
  ];
  return { decor: { floorMaterial: floor, wallMaterial: wall, lights, notes }, extraObjects };
}
