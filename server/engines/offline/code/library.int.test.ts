/**
 * Builds every family's program through real Blender (one batch process): default PARAMS and a resized,
 * recolored variant; checks the bounding box against width/depth/height (5%), named parts, the requested
 * Principled base color and the import allow-list. Also builds the room shell.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FAMILIES, type Family } from "../../../../lib/vocab";
import { Attributes } from "../../../../lib/scene/schema";
import { composedProgram, programForFamily } from "./index";
import { familyDefaults, hasTemplate } from "./library";
import { roomShellProgram } from "./room";
import { runBatch, type BatchResult } from "../programs/tests/run-batch";
import { replaceParams, type ParamValue } from "../../../../lib/program/params";

const VARIANT_COLOR = "#1f2a44";
const ALLOWED = new Set(["bpy", "bmesh", "mathutils", "math", "random"]);

function linear(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}

interface Case {
  id: string;
  family: Family;
  size: { w: number; d: number; h: number };
  color: string;
  source: string;
}

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator, seed per family). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Other sensible PARAMS: counts moved by -1..+2, booleans flipped, for the "stress" variants. */
function perturb(defaults: Record<string, unknown>, rnd: () => number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(defaults)) {
    if (typeof v === "boolean") out[k] = rnd() < 0.5 ? !v : v;
    else if (typeof v === "number" && Number.isInteger(v) && !["width", "depth", "height"].includes(k)) out[k] = Math.max(k === "seats" || k === "doors" ? 1 : 0, v + Math.floor(rnd() * 4) - 1);
  }
  return out;
}

const families = FAMILIES.filter((f) => hasTemplate(f));
const cases: Case[] = [];
for (const [fi, family] of families.entries()) {
  const d = familyDefaults(family);
  const base = { w: Number(d.width), d: Number(d.depth), h: Number(d.height) };
  const rnd = lcg(fi + 1);
  const variants: { tag: string; size: Case["size"]; color: string; extra?: Record<string, unknown> }[] = [
    { tag: "default", size: base, color: String(d.color) },
    { tag: "variant", size: { w: base.w * 1.25, d: base.d * 0.9, h: base.h * 1.15 }, color: VARIANT_COLOR },
  ];
  for (let k = 1; k <= 2; k++) {
    const f = () => 0.7 + rnd() * 0.8;
    variants.push({ tag: `stress${k}`, size: { w: base.w * f(), d: base.d * f(), h: base.h * f() }, color: "#9caf88", extra: perturb(d, rnd) });
  }
  for (const v of variants) {
    const obj = {
      id: `${family}-1`,
      category: family,
      targetSize: v.size,
      attributes: Attributes.parse({ color: v.tag === "default" ? null : v.color }),
      description: `a ${family.replace(/_/g, " ")}`,
    };
    let prog = programForFamily(family, obj);
    if (v.extra) prog = { ...prog, source: replaceParams(prog.source, { ...prog.params, ...(v.extra as Record<string, ParamValue>) }) };
    cases.push({ id: `${family}:${v.tag}`, family, size: v.size, color: v.color, source: prog.source });
  }
}

/** Branches the default sizes do not reach: [family, tag, size, PARAMS overrides]. */
const BRANCHES: [Family, string, Case["size"], Record<string, ParamValue>][] = [
  ["clock", "case_clock", { w: 0.5, d: 0.3, h: 2.0 }, {}],
  ["speaker", "soundbar", { w: 0.9, d: 0.1, h: 0.08 }, {}],
  ["shelf", "floating", { w: 0.9, d: 0.25, h: 0.05 }, {}],
  ["towel", "folded", { w: 0.6, d: 0.4, h: 0.08 }, {}],
  ["books", "flat_stack", { w: 0.16, d: 0.24, h: 0.04 }, {}],
  ["dining_table", "round_pedestal", { w: 1.1, d: 1.1, h: 0.75 }, { shape: "round", pedestal: true }],
  ["coffee_table", "oval", { w: 1.2, d: 0.7, h: 0.42 }, { shape: "oval" }],
  ["tv", "on_stand", { w: 1.2, d: 0.25, h: 0.78 }, {}],
  ["laptop", "closed", { w: 0.34, d: 0.24, h: 0.03 }, {}],
  ["rug", "round", { w: 1.6, d: 1.6, h: 0.012 }, { shape: "round" }],
  ["mirror", "round", { w: 0.7, d: 0.04, h: 0.7 }, { shape: "round" }],
  ["ottoman", "round", { w: 0.5, d: 0.5, h: 0.4 }, { shape: "round" }],
  ["ceiling_light", "flush", { w: 0.4, d: 0.4, h: 0.12 }, { fixture: "flush" }],
  ["bathtub", "across_x", { w: 1.7, d: 0.75, h: 0.6 }, {}],
  ["chair", "stool_like", { w: 0.4, d: 0.4, h: 0.45 }, { backrest: false }],
  ["bar_stool", "with_back", { w: 0.42, d: 0.42, h: 1.0 }, { backrest: true }],
  ["bench", "with_back", { w: 1.4, d: 0.55, h: 0.85 }, { backrest: true }],
  ["desk", "no_drawers", { w: 1.0, d: 0.5, h: 0.75 }, { drawers: 0 }],
  ["desk", "l_shaped", { w: 1.5, d: 1.4, h: 0.75 }, { layout: "l_shaped" }],
  ["desk", "l_shaped_no_drawers", { w: 1.4, d: 1.3, h: 0.75 }, { layout: "l_shaped", drawers: 0 }],
  ["wardrobe", "with_drawers", { w: 1.5, d: 0.6, h: 2.1 }, { drawers: 2, doors: 3 }],
  ["vase", "with_flowers", { w: 0.15, d: 0.15, h: 0.45 }, { stems: 5 }],
  ["bowl", "fruit", { w: 0.3, d: 0.3, h: 0.12 }, { fruit: true }],
  ["curtains", "closed", { w: 2.0, d: 0.12, h: 2.4 }, { open: false, panels: 3 }],
  ["potted_plant", "tall_narrow", { w: 0.3, d: 0.3, h: 1.8 }, { plant: "tall" }],
  ["sofa", "loveseat", { w: 1.5, d: 0.85, h: 0.8 }, { seats: 2, armrests: false }],
  ["sofa", "l_shaped", { w: 2.8, d: 1.6, h: 0.85 }, { layout: "l_shaped", seats: 4 }],
  ["sofa", "chaise_left", { w: 2.4, d: 1.5, h: 0.85 }, { layout: "chaise", corner_side: "left" }],
  ["sofa", "u_shaped", { w: 3.2, d: 2.0, h: 0.85 }, { layout: "u_shaped", seats: 5 }],
  ["dining_table", "glass_extendable", { w: 1.8, d: 0.9, h: 0.75 }, { glass_top: true, extendable: true }],
  ["dining_table", "square_pedestal", { w: 0.9, d: 0.9, h: 0.75 }, { shape: "square", base: "pedestal" }],
  ["coffee_table", "round_pedestal", { w: 0.9, d: 0.9, h: 0.42 }, { shape: "round", base: "pedestal" }],
  ["side_table", "glass_round", { w: 0.5, d: 0.5, h: 0.55 }, { shape: "round", glass_top: true }],
  ["bed", "king_canopy_storage", { w: 1.93, d: 2.03, h: 2.1 }, { mattress: "king", canopy: true, storage: true }],
  ["bed", "twin_no_headboard", { w: 0.97, d: 1.91, h: 0.55 }, { mattress: "twin", headboard: false }],
  ["armchair", "wingback", { w: 0.8, d: 0.85, h: 1.1 }, { wings: true }],
  ["armchair", "swivel", { w: 0.8, d: 0.8, h: 0.9 }, { base: "swivel" }],
  ["chair", "swivel_armless", { w: 0.5, d: 0.5, h: 0.9 }, { base: "swivel", armrests: false }],
  ["chair", "stackable_arms", { w: 0.5, d: 0.5, h: 0.85 }, { stackable: true, armrests: true }],
  ["shelf", "ladder", { w: 0.6, d: 0.45, h: 1.8 }, { style: "ladder", shelves: 5 }],
  ["shelf", "wall_mounted", { w: 0.9, d: 0.25, h: 0.6 }, { mount: "wall", shelves: 3 }],
  ["bookshelf", "closed", { w: 0.9, d: 0.35, h: 1.9 }, { doors: 2 }],
  ["floor_lamp", "arc", { w: 0.5, d: 1.2, h: 1.9 }, { form: "arc" }],
  ["floor_lamp", "tripod", { w: 0.55, d: 0.55, h: 1.5 }, { form: "tripod" }],
  ["ceiling_light", "chandelier", { w: 0.8, d: 0.8, h: 0.7 }, { fixture: "chandelier" }],
];
for (const [family, tag, size, extra] of BRANCHES) {
  const obj = { id: `${family}-1`, category: family, targetSize: size, attributes: Attributes.parse({ color: VARIANT_COLOR }), description: family };
  const prog = programForFamily(family, obj);
  cases.push({ id: `${family}:${tag}`, family, size, color: VARIANT_COLOR, source: replaceParams(prog.source, { ...prog.params, ...extra }) });
}

/** One category per composer kit (lib/vocab/compose-kits), built from its blueprint with the composed program. */
const KIT_SAMPLES: [string, Case["size"]][] = [
  ["pool_table", { w: 2.5, d: 1.4, h: 0.8 }], ["ceiling_fan", { w: 1.2, d: 1.2, h: 0.4 }], ["fireplace", { w: 1.5, d: 0.45, h: 1.1 }],
  ["arcade_machine", { w: 0.7, d: 0.8, h: 1.8 }], ["wine_glass", { w: 0.08, d: 0.08, h: 0.2 }], ["juice_glass", { w: 0.07, d: 0.07, h: 0.12 }],
  ["spice_jar", { w: 0.06, d: 0.06, h: 0.1 }], ["candelabra", { w: 0.4, d: 0.12, h: 0.45 }], ["crayon", { w: 0.09, d: 0.01, h: 0.01 }],
  ["pc_tower", { w: 0.2, d: 0.45, h: 0.45 }], ["wall_sconce", { w: 0.2, d: 0.2, h: 0.3 }], ["headphones", { w: 0.18, d: 0.08, h: 0.2 }],
  ["game_controller", { w: 0.15, d: 0.1, h: 0.05 }], ["bar_cart", { w: 0.8, d: 0.45, h: 0.85 }], ["toy_car", { w: 0.2, d: 0.1, h: 0.08 }],
  ["rubber_duck", { w: 0.1, d: 0.08, h: 0.09 }], ["ball", { w: 0.22, d: 0.22, h: 0.22 }], ["building_block", { w: 0.1, d: 0.1, h: 0.1 }],
  ["board_game", { w: 0.4, d: 0.3, h: 0.06 }], ["toaster", { w: 0.3, d: 0.18, h: 0.2 }], ["room_divider", { w: 1.6, d: 0.05, h: 1.7 }],
  ["cat_tree", { w: 0.6, d: 0.5, h: 1.4 }], ["coat_rack", { w: 0.5, d: 0.5, h: 1.8 }], ["play_tent", { w: 1.2, d: 1.2, h: 1.4 }],
  ["slide", { w: 0.6, d: 1.6, h: 1.0 }], ["puppet_theater", { w: 1.0, d: 0.5, h: 1.5 }], ["treadmill", { w: 0.8, d: 1.8, h: 1.4 }],
  ["punching_bag", { w: 0.4, d: 0.4, h: 1.2 }], ["dumbbell", { w: 0.35, d: 0.12, h: 0.12 }], ["guitar", { w: 0.4, d: 0.12, h: 1.0 }],
  ["drum_kit", { w: 1.5, d: 1.2, h: 1.2 }], ["microscope", { w: 0.25, d: 0.3, h: 0.4 }], ["fish_tank", { w: 0.8, d: 0.35, h: 0.5 }],
  ["radiator", { w: 1.0, d: 0.1, h: 0.6 }], ["dartboard", { w: 0.45, d: 0.05, h: 0.45 }], ["cake", { w: 0.25, d: 0.25, h: 0.15 }],
  ["backpack", { w: 0.3, d: 0.2, h: 0.45 }], ["telescope_mount_unknown", { w: 0.5, d: 0.5, h: 0.5 }],
  ["kitchen_knife", { w: 0.3, d: 0.03, h: 0.02 }], ["paint_tube", { w: 0.03, d: 0.03, h: 0.15 }], ["pear", { w: 0.08, d: 0.08, h: 0.1 }],
  ["soap_bar", { w: 0.09, d: 0.06, h: 0.03 }],
];
for (const [category, size] of KIT_SAMPLES) {
  const obj = { id: `${category}-1`, category, targetSize: size, attributes: Attributes.parse({ color: VARIANT_COLOR }), description: category.replace(/_/g, " ") };
  cases.push({ id: `composed:${category}`, family: "composed", size, color: VARIANT_COLOR, source: composedProgram(obj, null).source });
}

const room = roomShellProgram({
  footprint: [[-2.5, -2], [2.5, -2], [2.5, 2], [-2.5, 2]],
  wallHeight: 2.6,
  wallThickness: 0.12,
  openings: [
    { id: "door-1", kind: "door", wall: 0, offset: 1.2, width: 0.9, height: 2.1, sill: 0 },
    { id: "window-1", kind: "window", wall: 1, offset: 2, width: 1.2, height: 1.2, sill: 0.9 },
  ],
  floorMaterial: { name: "oak", color: "#b58a55", roughness: 0.55, metallic: 0 },
  wallMaterial: { name: "paint", color: "#ece8e1", roughness: 0.9, metallic: 0 },
  ceiling: true,
});

/** The same room drawn clockwise; its openings sit on the same physical walls (edges renumbered). */
const roomCw = roomShellProgram({
  footprint: [[-2.5, 2], [2.5, 2], [2.5, -2], [-2.5, -2]],
  wallHeight: 2.6,
  wallThickness: 0.12,
  openings: [
    { id: "door-1", kind: "door", wall: 2, offset: 1.2, width: 0.9, height: 2.1, sill: 0 },
    { id: "window-1", kind: "window", wall: 1, offset: 2, width: 1.2, height: 1.2, sill: 0.9 },
  ],
  floorMaterial: { name: "oak", color: "#b58a55", roughness: 0.55, metallic: 0 },
  wallMaterial: { name: "paint", color: "#ece8e1", roughness: 0.9, metallic: 0 },
  ceiling: true,
});

let results = new Map<string, BatchResult>();

beforeAll(async () => {
  const out = await runBatch([...cases.map((c) => ({ id: c.id, source: c.source })), { id: "room", source: room.source }, { id: "room_cw", source: roomCw.source }]);
  results = new Map(out.map((r) => [r.id, r]));
  const rows = cases.map((c) => {
    const r = results.get(c.id)!;
    if (!r.ok) return `${c.id.padEnd(28)} ERROR ${r.error}`;
    const err = [c.size.w, c.size.d, c.size.h].map((t, i) => ((r.size[i] - t) / t) * 100);
    return `${c.id.padEnd(28)} parts=${String(r.parts.length).padStart(3)} err% w=${err[0].toFixed(1)} d=${err[1].toFixed(1)} h=${err[2].toFixed(1)}`;
  });
  const worst = [0, 1, 2].map((i) =>
    Math.max(...cases.map((c) => {
      const r = results.get(c.id)!;
      const t = [c.size.w, c.size.d, c.size.h][i];
      return r.ok ? Math.abs(r.size[i] - t) / t : 0;
    })),
  );
  rows.push(`${cases.length} builds; worst bbox error w=${(worst[0] * 100).toFixed(2)}% d=${(worst[1] * 100).toFixed(2)}% h=${(worst[2] * 100).toFixed(2)}%`);
  console.log(rows.join("\n"));
}, 200_000);

describe("object program library through Blender", () => {
  it("has a template for every family", () => {
    expect(FAMILIES.filter((f) => !hasTemplate(f))).toEqual([]);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s builds to its size, parts and color", (_id, c) => {
    const r = results.get(c.id)!;
    expect(r.ok, r.traceback).toBe(true);
    const target = [c.size.w, c.size.d, c.size.h];
    for (let i = 0; i < 3; i++) expect(Math.abs(r.size[i] - target[i]) / target[i]).toBeLessThanOrEqual(0.05);
    expect(Math.abs(r.min[2])).toBeLessThan(0.005);
    expect(Math.abs((r.min[0] + r.max[0]) / 2)).toBeLessThan(0.05 * target[0] + 0.005);
    expect(Math.abs((r.min[1] + r.max[1]) / 2)).toBeLessThan(0.05 * target[1] + 0.005);
    expect(r.parts.length).toBeGreaterThan(0);
    expect(r.returned).toBeGreaterThan(0);
    for (const name of r.parts) expect(name).toMatch(/^[a-z][a-z0-9_]*(\.\d+)?$/);
    const want = linear(c.color);
    const hit = r.colors.some((col) => want.every((v, i) => Math.abs(col[i] - v) < 2e-3));
    expect(hit, `base color ${c.color} in ${JSON.stringify(r.colors)}`).toBe(true);
    const imports = [...c.source.matchAll(/^\s*(?:import|from)\s+([A-Za-z_][\w.]*)/gm)].flatMap((m) => m[1].split(".")[0]);
    for (const mod of imports) expect(ALLOWED.has(mod), `import ${mod}`).toBe(true);
    expect(c.source).not.toMatch(/bpy\.ops\.(wm|export_scene|import_scene|render)|\bopen\(|\bexec\(|__import__/);
    expect(c.source).toMatch(/^"""/);
    expect(c.source).toMatch(/^PARAMS = \{/m);
    expect(c.source).toMatch(/^def build\(p\):/m);
    expect(c.source).toMatch(/^if __name__ == "__main__":\n    build\(PARAMS\)/m);
  });

  it("builds the room shell with floor, walls around the openings, window and door", () => {
    const r = results.get("room")!;
    expect(r.ok, r.traceback).toBe(true);
    expect(r.parts).toContain("floor");
    expect(r.parts).toContain("ceiling");
    expect(r.parts).toContain("window_0");
    expect(r.parts).toContain("door_0");
    expect(r.parts.filter((n) => n.startsWith("wall_")).length).toBeGreaterThanOrEqual(4);
    expect(r.size[0]).toBeCloseTo(5 + 2 * 0.12, 1);
    expect(r.size[1]).toBeCloseTo(4 + 2 * 0.12, 1);
    expect(r.max[2]).toBeGreaterThanOrEqual(2.6 - 1e-3);
  });

  it("builds a clockwise outline with the walls still outside the floor", () => {
    const r = results.get("room_cw")!;
    expect(r.ok, r.traceback).toBe(true);
    const ccw = results.get("room")!;
    for (let i = 0; i < 3; i++) {
      expect(r.min[i]).toBeCloseTo(ccw.min[i], 3);
      expect(r.max[i]).toBeCloseTo(ccw.max[i], 3);
    }
    expect(r.parts.filter((n) => n.startsWith("wall_")).length).toBe(ccw.parts.filter((n) => n.startsWith("wall_")).length);
  });
});
