/**
 * The articulated families of issue 19 and the variants that reach their other joint branches (sliding wardrobe
 * doors, wardrobe drawers, glass doors, a closed laptop has none), as programs the offline library generates.
 */
import { programForFamily } from "../../server/engines/offline/code/index";
import { familyDefaults } from "../../server/engines/offline/code/library";
import { replaceParams, type ParamValue } from "../../lib/program/params";
import { Attributes } from "../../lib/scene/schema";
import type { Family } from "../../lib/vocab";

/** Families whose programs declare JOINTS (every one must build with at least one validated joint). */
export const ARTICULATED_FAMILIES: Family[] = [
  "wardrobe", "cabinet", "nightstand", "dresser", "desk", "kitchen_counter", "fridge", "stove", "microwave",
  "washing_machine", "laptop", "toilet", "piano", "office_chair",
];

/** One program to build: `id` (family:variant), object id, source and the joint names it must produce. */
export interface ArticulatedCase {
  id: string;
  family: Family;
  objectId: string;
  source: string;
  minJoints: number;
}

const VARIANTS: [Family, string, Record<string, ParamValue>, number][] = [
  ["wardrobe", "sliding", { sliding: true }, 2],
  ["wardrobe", "drawers", { drawers: 2, doors: 3 }, 5],
  ["cabinet", "glass", { glass_doors: true, doors: 1 }, 1],
  ["kitchen_counter", "wide", { doors: 4, drawers: 4, width: 2.4 }, 8],
  ["dresser", "single_column", { drawers: 5 }, 5],
];

/** Default and variant programs of every articulated family. */
export function articulatedCases(): ArticulatedCase[] {
  const out: ArticulatedCase[] = [];
  const make = (family: Family, tag: string, extra: Record<string, ParamValue>, minJoints: number) => {
    const d = familyDefaults(family);
    const size = { w: Number(d.width), d: Number(d.depth), h: Number(d.height) };
    let prog = programForFamily(family, { id: `${family}-1`, category: family, targetSize: size, attributes: Attributes.parse({}), description: `a ${family.replace(/_/g, " ")}` });
    if (Object.keys(extra).length) prog = { ...prog, source: replaceParams(prog.source, { ...prog.params, ...extra }) };
    out.push({ id: `${family}:${tag}`, family, objectId: `${family}-1`, source: prog.source, minJoints });
  };
  for (const f of ARTICULATED_FAMILIES) make(f, "default", {}, 1);
  // Resized builds (what the pipeline asks for other target sizes) keep valid joints.
  for (const f of ARTICULATED_FAMILIES) {
    const d = familyDefaults(f);
    for (const [tag, k] of [["small", 0.7], ["large", 1.4]] as const) {
      make(f, tag, { width: Number(d.width) * k, depth: Number(d.depth) * (tag === "small" ? 1.2 : 0.8), height: Number(d.height) * k }, 1);
    }
  }
  for (const [f, tag, extra, n] of VARIANTS) make(f, tag, extra, n);
  return out;
}
