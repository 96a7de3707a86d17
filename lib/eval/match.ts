/** Matching scene objects to the categories named by the constraints, tolerant of synonyms and compound names. */
import { canonicalCategory, categoryInfo } from "../vocab";

/** Match strength of an object category to a ground-truth category: 3 same canonical name, 2 one is a compound ending in the other, 1.5 same known program family (fiddle_leaf_fig ~ potted_plant), 0 none. */
export function categoryMatch(objCategory: string, gtCategory: string): number {
  const a = canonicalCategory(objCategory);
  const b = canonicalCategory(gtCategory);
  if (a === b) return 3;
  if (a.endsWith(`_${b}`) || b.endsWith(`_${a}`)) return 2;
  const strip = (s: string) => s.replace(/_/g, "");
  if (strip(a) === strip(b)) return 3;
  const ia = categoryInfo(a);
  const ib = categoryInfo(b);
  if (ia.known && ib.known && ia.family === ib.family && ia.family !== "box") return 1.5;
  return 0;
}

/**
 * Assign every object to at most one ground-truth category (its best match, ties -> the first listed), like
 * SceneEval's object-to-category assignment. Returns category -> object ids (in the given object order).
 */
export function assignCategories(objects: readonly { id: string; category: string }[], gtCategories: readonly string[]): Map<string, string[]> {
  const cats = [...new Set(gtCategories.map((c) => c.toLowerCase()))];
  const out = new Map<string, string[]>(cats.map((c) => [c, []]));
  for (const o of objects) {
    let best: string | null = null;
    let bestScore = 1;
    for (const c of cats) {
      const s = categoryMatch(o.category, c);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (best) out.get(best)!.push(o.id);
  }
  return out;
}
