/** Attribute matching for SceneEval's obj_attr constraints: the attribute word against an object's attributes and built materials. */
import { canonicalMaterial } from "../program/materials";
import type { Attributes } from "../scene/schema";
import { spellNormalize } from "../text/tokens";
import { snake } from "../vocab";
import { builtShows, type BuiltFacts } from "./built-attributes";

const norm = (w: string) => snake(spellNormalize(w)).replace(/grey/g, "gray").replace(/_(sized|size|colored|coloured|toned)$/, "").replace(/^(wooden)$/, "wood");

/**
 * True when `attribute` (e.g. "queen_sized", "wooden", "stainless_steel") is carried by the object. With `built`
 * facts (program family, PARAMS, built size, support) a word with a geometric or material reading passes only
 * when the build shows it (lib/eval/built-attributes); other words, and objects without a build, fall back to: as a tag,
 * color name, material (synonyms folded: wooden = wood), size or style word, a word of its category, or a
 * built material name.
 */
export function hasAttribute(attribute: string, obj: { category: string; attributes: Attributes; builtMaterials?: readonly string[]; built?: BuiltFacts }): boolean {
  const a = norm(attribute);
  if (obj.built) {
    // What the build shows decides; a compound ("white_oak") passes when every part it has a reading for is shown.
    const whole = builtShows(a, obj.category, obj.built);
    if (whole) return whole.shown;
    const parts = a.split("_").map((p) => builtShows(p, obj.category, obj.built!)).filter((x) => x !== null);
    if (parts.length > 0) return parts.every((x) => x!.shown);
  }
  const words = new Set<string>();
  const add = (w: string | null | undefined) => {
    if (!w) return;
    const n = norm(w);
    words.add(n);
    for (const part of n.split("_")) words.add(part);
  };
  const at = obj.attributes;
  at.tags.forEach(add);
  at.style.forEach(add);
  add(at.colorName);
  add(at.material);
  add(at.size);
  obj.category.split("_").forEach(add);
  (obj.builtMaterials ?? []).forEach(add);
  if (words.has(a)) return true;
  const mat = canonicalMaterial(a);
  if (mat && (words.has(mat) || [...words].some((w) => canonicalMaterial(w) === mat))) return true;
  const parts = a.split("_").filter((p) => p.length > 0);
  return parts.length > 1 && parts.every((p) => words.has(p) || (canonicalMaterial(p) !== null && [...words].some((w) => canonicalMaterial(w) === canonicalMaterial(p))));
}
