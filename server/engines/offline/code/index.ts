import "server-only";
/**
 * Offline code stage: a parametric program per object from the family library (DESIGN.md section 4).
 * `programFor` picks the family with `familyOf`, fills PARAMS from the object and inlines the shared
 * helpers; `genericProgram` is the box fallback used when a program cannot be repaired.
 */
import { buildRoute, familyOf, type Family } from "../../../../lib/vocab";
import type { ObjectPlan } from "../../../../lib/scene/schema";
import { composedPlan, kitPartsFromPlan, roleMaterials, withParts } from "./compose";
import type { ParamValue } from "../../../../lib/program/params";
import { assembleProgram, familyDefaults, familyTemplate, hasTemplate } from "./library";
import { paramsForObject, type ProgramObject } from "./params-from-object";

export type { ProgramObject } from "./params-from-object";

/** A generated program: standalone Python source and its PARAMS literal. */
export interface GeneratedProgram {
  source: string;
  params: Record<string, ParamValue>;
}

function describe(obj: ProgramObject): string {
  const d = obj.description.trim();
  return d || obj.category.replace(/_/g, " ");
}

function build(family: Family, obj: ProgramObject): GeneratedProgram {
  const params = paramsForObject(obj, familyDefaults(family), family);
  return { source: assembleProgram(familyTemplate(family), params, describe(obj)), params };
}

/**
 * Program for a scene object: `{source, params, family}` where `family = familyOf(obj.category)` and
 * PARAMS come from `paramsForObject` (size, color, material, counts, booleans). Families without a
 * template fall back to the `box` program. Throws `engine:` only when the library folder is unreadable.
 */
export function programFor(obj: ProgramObject & { plan?: ObjectPlan | null }): GeneratedProgram & { family: Family } {
  const family = familyOf(obj.category);
  const route = buildRoute(obj.category, hasTemplate(family) ? family : "box");
  if (route.family === "composed") return { ...composedProgram(obj, obj.plan ?? null), family: "composed" };
  const chosen: Family = hasTemplate(route.family) ? route.family : "box";
  return { ...build(chosen, obj), family: chosen };
}

/**
 * The composed program of `obj`: its blueprint parts (`plan`, else the category's kit at the target size) as the
 * PARTS literal of the `composed` template, scaled by PARAMS width/depth/height.
 */
export function composedProgram(obj: ProgramObject, plan: ObjectPlan | null): GeneratedProgram {
  const g = build("composed", obj);
  const mats = roleMaterials(`${String(g.params.material)}:${String(g.params.color)}`, String(g.params.secondary_color ?? "#5a5a5a"));
  const parts = plan && plan.parts.length > 0 ? plan.parts : composedPlan(obj.category, obj.targetSize, mats);
  return { ...g, source: withParts(g.source, kitPartsFromPlan(parts, obj.targetSize, mats)) };
}

/** Program of a given family for `obj` (bypasses `familyOf`; used by tests and explicit re-routing). Throws `engine:` when the family has no template. */
export function programForFamily(family: Family, obj: ProgramObject): GeneratedProgram & { family: Family } {
  return { ...build(family, obj), family };
}

/** The generic box-based program of `obj`'s size and color (the repair fallback). */
export function genericProgram(obj: ProgramObject): GeneratedProgram {
  return build("box", obj);
}
