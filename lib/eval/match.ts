/** Matching scene objects to the categories named by the constraints, tolerant of synonyms and compound names. */
import { canonicalCategory, categoryInfo, isPlural, singularize } from "../vocab";

/** Words that only count or group the things they name ("a set of blocks", "a pair of chopsticks"). */
const GROUP_HEADS = new Set(["set", "pair", "stack", "pile", "bunch", "collection", "group"]);

/**
 * One spelling for compound names: modifiers singular ("flowers_jar", canonical for "jar_of_flowers" -> "flower_jar");
 * a group word after plural items names the items ("blocks_set" from "set_of_blocks" -> "block"), as does a
 * trailing "pair" ("chopstick_pair" -> "chopstick"). "drum_set" stays a drum set.
 */
function reorder(name: string): string {
  const parts = name.split("_");
  if (parts.length < 2) return name;
  const head = parts[parts.length - 1];
  const mods = parts.slice(0, -1);
  if (head === "pair" || (GROUP_HEADS.has(head) && isPlural(mods[mods.length - 1]))) return mods.map(singularize).join("_");
  return [...mods.map(singularize), head].join("_");
}

/** Match strength of an object category to a ground-truth category: 3 same canonical name, 2 one is a compound ending in the other (also after reordering "X_of_Y" as "Y_X"), 1.5 same known program family (fiddle_leaf_fig ~ potted_plant), 0 none. */
export function categoryMatch(objCategory: string, gtCategory: string): number {
  const a0 = canonicalCategory(objCategory);
  const b0 = canonicalCategory(gtCategory);
  if (a0 === b0) return 3;
  const a = reorder(a0);
  const b = reorder(b0);
  if (a === b) return 2.5;
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
