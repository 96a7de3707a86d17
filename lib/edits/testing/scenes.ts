/** Hand-made scenes for edit tests: a bedroom and a living room with programs whose PARAMS follow the conventions. */
import { formatParamValue, type ParamValue } from "../../program/params";
import type { Placement, Scene, SceneObject, Support } from "../../scene/schema";

/** A minimal object program with a literal PARAMS dict. */
export function programSource(name: string, params: Record<string, ParamValue>): string {
  const body = Object.entries(params).map(([k, v]) => `    "${k}": ${formatParamValue(v)},`).join("\n");
  return `"""${name}: test program."""\nimport bpy\n\nPARAMS = {\n${body}\n}\n\n\ndef build(p):\n    \"\"\"Build nothing (test).\"\"\"\n    return []\n`;
}

/** An object with a built program revision 1. */
export function obj(id: string, category: string, placement: Placement, params: Record<string, ParamValue>, support: Support = "floor"): SceneObject {
  const size = { w: Number(params.width), d: Number(params.depth), h: Number(params.height) };
  return {
    id,
    name: category.replace(/_/g, " "),
    category,
    description: category.replace(/_/g, " "),
    route: "static_furniture",
    targetSize: size,
    placement,
    support,
    attributes: { color: typeof params.color === "string" ? params.color : null, colorName: null, material: typeof params.material === "string" ? params.material : null, size: null, style: [], tags: [] },
    plan: null,
    program: { rev: 1, source: programSource(category, params), params, origin: "generated", createdAt: "2026-01-01T00:00:00.000Z" },
    build: { status: "built", glbRev: 1, stats: null, error: null, attempts: 1 },
    hidden: false,
  };
}

function base(id: string, objects: SceneObject[], w: number, d: number): Scene {
  return {
    id,
    title: id,
    source: { kind: "prompt", prompt: id },
    engine: "offline",
    structure: null,
    room: {
      roomType: "bedroom",
      footprint: [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]],
      wallHeight: 2.7,
      wallThickness: 0.1,
      openings: [
        { id: "window-1", kind: "window", wall: 2, offset: w / 2, width: 1.2, height: 1.2, sill: 0.9 },
        { id: "door-1", kind: "door", wall: 0, offset: w - 0.8, width: 0.9, height: 2.1, sill: 0 },
      ],
      floorMaterial: { name: "oak", color: "#b58a55", roughness: 0.55, metallic: 0 },
      wallMaterial: { name: "paint", color: "#e6e3dc", roughness: 0.6, metallic: 0 },
      ceiling: false,
      program: null,
      glbRev: null,
    },
    objects,
    decor: null,
    status: "completed",
    stage: null,
    error: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

/** A 4 x 5 m bedroom: bed against the north wall, two nightstands, a lamp on the left one, a desk, an office chair, a wardrobe. */
export function bedroom(): Scene {
  return base("bedroom", [
    obj("bed-1", "bed", { x: 0, y: 1.48, z: 0, yawDeg: 0 }, { width: 1.6, depth: 2.0, height: 0.5, color: "#d8c8a8", material: "fabric", headboard: true }),
    obj("nightstand-1", "nightstand", { x: -1.1, y: 2.28, z: 0, yawDeg: 0 }, { width: 0.45, depth: 0.4, height: 0.55, color: "#b58a55", material: "oak", drawers: 2 }),
    obj("nightstand-2", "nightstand", { x: 1.1, y: 2.28, z: 0, yawDeg: 0 }, { width: 0.45, depth: 0.4, height: 0.55, color: "#b58a55", material: "oak", drawers: 2 }),
    obj("table_lamp-1", "table_lamp", { x: -1.1, y: 2.28, z: 0.55, yawDeg: 0 }, { width: 0.25, depth: 0.25, height: 0.45, color: "#f5f5f5", material: "ceramic" }, "on:nightstand-1"),
    obj("desk-1", "desk", { x: 1.35, y: -1.0, z: 0, yawDeg: 90 }, { width: 1.2, depth: 0.6, height: 0.75, color: "#8b5a2b", material: "wood", drawers: 2 }),
    obj("office_chair-1", "office_chair", { x: 0.7, y: -1.0, z: 0, yawDeg: -90 }, { width: 0.6, depth: 0.6, height: 1.0, color: "#1c1c1c", material: "fabric", armrests: true }),
    obj("wardrobe-1", "wardrobe", { x: -1.68, y: -1.5, z: 0, yawDeg: -90 }, { width: 1.2, depth: 0.6, height: 2.0, color: "#f5f5f5", material: "laminate", doors: 2 }),
  ], 4, 5);
}

/** A 6 x 5 m living room: sofa facing south, armchair, coffee table, bookshelf, TV stand, floor lamp, three dining chairs in a row. */
export function livingRoom(): Scene {
  return base("living", [
    obj("sofa-1", "sofa", { x: 0, y: 1.5, z: 0, yawDeg: 0 }, { width: 2.1, depth: 0.9, height: 0.85, color: "#808080", material: "fabric", seats: 3, armrests: true }),
    obj("armchair-1", "armchair", { x: -2.0, y: 0.3, z: 0, yawDeg: -90 }, { width: 0.85, depth: 0.85, height: 0.9, color: "#6b3e26", material: "leather", armrests: true }),
    obj("coffee_table-1", "coffee_table", { x: 0, y: 0.4, z: 0, yawDeg: 0 }, { width: 1.1, depth: 0.6, height: 0.42, color: "#5d3a1f", material: "walnut" }),
    obj("bookshelf-1", "bookshelf", { x: 2.55, y: 1.0, z: 0, yawDeg: 90 }, { width: 0.9, depth: 0.35, height: 1.9, color: "#f5f5f5", material: "laminate", shelves: 4 }),
    obj("tv_stand-1", "tv_stand", { x: 0, y: -2.28, z: 0, yawDeg: 180 }, { width: 1.6, depth: 0.4, height: 0.5, color: "#1c1c1c", material: "wood", drawers: 2 }),
    obj("tv-1", "tv", { x: 0, y: -2.28, z: 0.5, yawDeg: 180 }, { width: 1.2, depth: 0.08, height: 0.7, color: "#1c1c1c", material: "plastic" }, "on:tv_stand-1"),
    obj("floor_lamp-1", "floor_lamp", { x: 1.4, y: 1.9, z: 0, yawDeg: 0 }, { width: 0.4, depth: 0.4, height: 1.6, color: "#c9a34a", material: "brass" }),
    obj("chair-1", "chair", { x: -1.0, y: -1.2, z: 0, yawDeg: 0 }, { width: 0.5, depth: 0.5, height: 0.9, color: "#b58a55", material: "oak", armrests: false }),
    obj("chair-2", "chair", { x: 0.0, y: -1.2, z: 0, yawDeg: 0 }, { width: 0.5, depth: 0.5, height: 0.9, color: "#b58a55", material: "oak", armrests: false }),
    obj("chair-3", "chair", { x: 1.0, y: -1.2, z: 0, yawDeg: 0 }, { width: 0.5, depth: 0.5, height: 0.9, color: "#b58a55", material: "oak", armrests: false }),
  ], 6, 5);
}
