import "server-only";
/**
 * Offline profile stage: route + ObjectPlan (3D-CoS "blueprint before code") for one object, from the
 * vocabulary's route and the family's part table evaluated with the same PARAMS the code stage will use.
 */
import type { ObjectSpec } from "../../../lib/scene/schema";
import { buildRoute, categoryInfo, familyOf } from "../../../lib/vocab";
import { composedPlan, roleMaterials } from "./code/compose";
import type { ProfileResult } from "../types";
import { familyDefaults, hasTemplate } from "./code/library";
import { paramsForObject } from "./code/params-from-object";
import { familyParts, toPlanPart } from "./code/plan-parts";

/**
 * Route and plan of `spec`: route from `categoryInfo`, parts from the family table (or, for a category no family
 * builds natively, the composer kit of lib/vocab/compose-kits) sized by
 * `spec.targetSize` and the counts/booleans the description implies (as `programFor` reads them).
 * Materials are named `<material>:<hex>` for the primary role. Never throws for unknown categories.
 */
export function profileObject(spec: ObjectSpec): ProfileResult {
  const info = categoryInfo(spec.category);
  const fam = familyOf(spec.category);
  const route = buildRoute(spec.category, hasTemplate(fam) ? fam : "box");
  const family = hasTemplate(route.family) ? route.family : "box";
  const params = paramsForObject(spec, familyDefaults(family), family);
  if (family === "composed") {
    const mats = roleMaterials(`${String(params.material)}:${String(params.color)}`, String(params.secondary_color ?? "#5a5a5a"));
    return { route: info.route, plan: { parts: composedPlan(spec.category, spec.targetSize, mats) } };
  }
  const primary = `${String(params.material)}:${String(params.color)}`;
  const secondary = typeof params.secondary_color === "string" ? `fabric:${params.secondary_color}` : primary;
  const materials = { primary, secondary, metal: "metal:#9a9a9a", glass: "glass:#dfeff2", fabric: primary, wood: "wood:#5d3a1f" };
  const parts = familyParts(family, { w: spec.targetSize.w, d: spec.targetSize.d, h: spec.targetSize.h, p: params }).map((p) => toPlanPart(p, materials));
  return { route: info.route, plan: { parts } };
}
