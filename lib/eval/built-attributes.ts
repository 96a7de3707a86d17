/**
 * Attributes the built object shows: a constraint word passes only when the build carries it. Shape words
 * pass when the family built that variant (lib/vocab/variants `variantShown`), colours when a colour PARAMS is
 * within a small sRGB distance of the word's hex, materials when a material PARAMS is that material (wood and
 * metal species fold into "wood"/"metal"), size words when the built size departs from the category's default
 * size in that direction, mounting words when the object rests on the wall/ceiling/floor. Words of none of these
 * kinds (style words: "modern", "sleek") have no geometric reading and are judged by the object's attributes.
 */
import { canonicalMaterial } from "../program/materials";
import type { Size3 } from "../scene/schema";
import { colorHex } from "../text/colors";
import { categoryInfo, variantShown, type Family } from "../vocab";

/** What the evaluation knows of a build: the program family, its PARAMS, the built size (m) and the support. */
export interface BuiltFacts {
  family: Family;
  params: Readonly<Record<string, unknown>>;
  size: Size3;
  support: string;
}

/** Kind of an attribute word for the built check. */
export type AttributeKind = "shape" | "color" | "material" | "size" | "mount" | "descriptive";

const WOODS = new Set(["wood", "oak", "walnut", "pine", "maple", "cherry", "mahogany", "teak", "birch", "bamboo", "plywood", "cedar", "ash", "beech", "driftwood", "reclaimed_wood"]);
const METALS = new Set(["metal", "steel", "iron", "brass", "chrome", "aluminum", "copper", "gold", "silver", "bronze", "nickel", "stainless_steel", "brushed_steel", "wrought_iron", "cast_iron", "pewter", "zinc"]);

const SIZE_RULES: readonly [RegExp, (s: Size3, d: Size3) => boolean][] = [
  [/^(tall|towering|high|floor_to_ceiling|full_length|standing_height)$/, (s, d) => s.h >= d.h * 1.05],
  [/^(low|low_profile|short|low_slung|low_platform)$/, (s, d) => s.h <= d.h * 0.95],
  [/^(small|compact|mini|miniature|little|tiny|petite|child_sized|kid_sized)$/, (s, d) => s.w * s.d <= d.w * d.d * 0.9 || s.h <= d.h * 0.85],
  [/^(large|big|huge|oversized|spacious|extra_large|massive|very_large|generous|giant|grand)$/, (s, d) => s.w * s.d >= d.w * d.d * 1.1],
  [/^(long|extended)$/, (s, d) => Math.max(s.w, s.d) >= Math.max(d.w, d.d) * 1.05],
  [/^(wide|broad)$/, (s, d) => s.w >= d.w * 1.05],
  [/^(narrow|slim|slender|thin)$/, (s, d) => Math.min(s.w, s.d) <= Math.min(d.w, d.d) * 0.95],
  [/^(deep)$/, (s, d) => s.d >= d.d * 1.05],
];

const MOUNT_RULES: readonly [RegExp, (support: string) => boolean][] = [
  [/^(wall_mounted|wall_hung|mounted|floating|hanging|wall)$/, (s) => s === "wall" || s === "ceiling"],
  [/^(ceiling_mounted|pendant)$/, (s) => s === "ceiling"],
  [/^(freestanding|free_standing|floor_standing|standing)$/, (s) => s === "floor" || s.startsWith("on:")],
];

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const close = (a: string, b: string) => {
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]) <= 48;
};

/** Colour PARAMS of a build (lower-case sRGB hex). */
function colorsOf(b: BuiltFacts): string[] {
  return Object.entries(b.params).filter(([k, v]) => /color$/.test(k) && typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v as string)).map(([, v]) => (v as string).toLowerCase());
}

function materialGroup(m: string): string {
  if (WOODS.has(m)) return "wood";
  if (METALS.has(m)) return "metal";
  return m;
}

/** Kind of a (normalised snake_case) attribute word, and whether `b` shows it; null when the word has no geometric or material reading. */
export function builtShows(word: string, category: string, b: BuiltFacts): { kind: AttributeKind; shown: boolean } | null {
  const shape = variantShown(b.family, word, b.params);
  if (shape !== null) return { kind: "shape", shown: shape };
  const hex = colorHex(word);
  const mat = canonicalMaterial(word) ?? (WOODS.has(word) || METALS.has(word) ? word : null);
  if (mat) {
    const built = Object.entries(b.params).filter(([k, v]) => /material$/.test(k) && typeof v === "string").map(([, v]) => canonicalMaterial(v as string) ?? (v as string));
    const want = materialGroup(mat);
    const glassPart = mat === "glass" && Object.entries(b.params).some(([k, v]) => /glass/.test(k) && v === true);
    const shown = glassPart || built.some((m) => m === mat || materialGroup(m) === want || (want === "wood" && WOODS.has(m)));
    // Metals named as colours ("silver", "gold") show by their colour when no such material preset exists.
    const byColor = !shown && hex !== null && METALS.has(mat) && colorsOf(b).some((c) => close(c, hex));
    return { kind: "material", shown: shown || byColor };
  }
  if (hex) {
    return { kind: "color", shown: colorsOf(b).some((c) => close(c, hex)) };
  }
  for (const [re, test] of SIZE_RULES) if (re.test(word)) return { kind: "size", shown: test(b.size, categoryInfo(category).defaultSize) };
  for (const [re, test] of MOUNT_RULES) if (re.test(word)) return { kind: "mount", shown: test(b.support) };
  return null;
}
