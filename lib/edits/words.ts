/**
 * Word lists for the offline instruction parser: numbers, ordinals, size words, colours and materials
 * (colour hexes and material presets come from `lib/program/materials.ts`).
 */
import { singularize } from "../vocab";
import { MATERIAL_PRESETS, canonicalMaterial } from "../program/materials";
import { COLOR_PHRASE_TABLE } from "../text/colors";
import { CARDINAL_WORDS, UNIT_WORDS, numberValue } from "../text/numbers";

/** Number words -> value: the shared table of lib/text/numbers plus "no" = 0. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = { ...CARDINAL_WORDS, ...UNIT_WORDS, no: 0 };

/** Ordinal words -> 1-based position; -1 means last. */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, fifth: 5, "5th": 5, last: -1,
};

/** Parses a count token: digits or a number word; null otherwise. */
export function countOf(token: string): number | null {
  if (token in NUMBER_WORDS) return NUMBER_WORDS[token];
  return numberValue(token);
}

/** Length unit -> meters. */
export function unitToMeters(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith("mm") || u.startsWith("milli")) return 0.001;
  if (u.startsWith("cm") || u.startsWith("centi")) return 0.01;
  if (u.startsWith("in")) return 0.0254;
  if (u === "ft" || u.startsWith("feet") || u.startsWith("foot")) return 0.3048;
  return 1;
}

/** Regex source of a length with unit: captures number and unit. */
export const LENGTH_RE = String.raw`(\d+(?:\.\d+)?)\s*(mm|cm|m|meters?|metres?|centimeters?|centimetres?|millimeters?|millimetres?|inch(?:es)?|in|ft|feet|foot)\b`;

/** Dimension a size word refers to: w (width), d (depth), h (height), length (longer horizontal side), all (uniform). */
export type SizeDim = "w" | "d" | "h" | "length" | "all" | "short";

/** Comparatives -> dimension and direction (+1 grow, -1 shrink). */
export const COMPARATIVES: Readonly<Record<string, { dim: SizeDim; sign: 1 | -1 }>> = {
  wider: { dim: "w", sign: 1 }, broader: { dim: "w", sign: 1 }, narrower: { dim: "w", sign: -1 }, thinner: { dim: "w", sign: -1 },
  deeper: { dim: "d", sign: 1 }, shallower: { dim: "d", sign: -1 },
  taller: { dim: "h", sign: 1 }, higher: { dim: "h", sign: 1 }, lower: { dim: "h", sign: -1 },
  longer: { dim: "length", sign: 1 }, shorter: { dim: "short", sign: -1 },
  bigger: { dim: "all", sign: 1 }, larger: { dim: "all", sign: 1 }, smaller: { dim: "all", sign: -1 },
};

/** Adjectives of absolute size ("1.8 m long") -> dimension. */
export const SIZE_ADJECTIVES: Readonly<Record<string, SizeDim>> = {
  long: "length", wide: "w", broad: "w", tall: "h", high: "h", deep: "d", big: "all", large: "all",
  length: "length", width: "w", height: "h", depth: "d", size: "all",
};

/** Degree words before a comparative -> relative factor step (a bit = 10%, default 20%, much = 40%). */
export const DEGREE_WORDS: Readonly<Record<string, number>> = {
  "a bit": 0.1, "a little": 0.1, "a little bit": 0.1, slightly: 0.1, "a touch": 0.1, somewhat: 0.15,
  much: 0.4, "a lot": 0.4, way: 0.5, "far": 0.4, considerably: 0.4, significantly: 0.4,
};

/** Default relative step (20%) for a bare comparative such as "wider". */
export const DEFAULT_STEP = 0.2;

/** Colour phrases (spaces, longest first) -> hex: the shared table of lib/text/colors, so prompts and edits agree. */
export const COLOR_PHRASES: readonly [string, string][] = COLOR_PHRASE_TABLE;

/** Material phrases (spaces, longest first) -> canonical preset name; includes synonyms such as "wooden". */
export const MATERIAL_PHRASES: readonly [string, string][] = (() => {
  const words = new Set<string>(Object.keys(MATERIAL_PRESETS));
  for (const w of ["wooden", "timber", "hardwood", "upholstered", "leatherette", "faux leather", "stainless", "aluminium", "wrought iron", "cast iron", "cane", "acrylic", "vinyl", "cloth", "lacquered", "polished concrete"]) words.add(w.replace(/ /g, "_"));
  const out: [string, string][] = [];
  for (const w of words) {
    const c = canonicalMaterial(w);
    if (c && !["paint", "foliage", "soil", "wax", "paper", "cardboard"].includes(c)) out.push([w.replace(/_/g, " "), c]);
  }
  return out.sort((a, b) => b[0].length - a[0].length);
})();

/** Materials whose look is their colour (wood species, metals, stones): choosing them also sets the colour. */
export const MATERIAL_SETS_COLOR: ReadonlySet<string> = new Set([
  "oak", "walnut", "pine", "maple", "cherry", "mahogany", "teak", "birch", "bamboo", "plywood", "wood",
  "metal", "steel", "brushed_steel", "stainless_steel", "chrome", "aluminum", "iron", "brass", "gold", "copper",
  "marble", "granite", "stone", "concrete", "terrazzo", "brick", "rattan", "wicker", "cork",
]);

/** English singular of one word (lib/vocab's rules and irregulars: "shelves" -> "shelf"). */
export function singular(word: string): string {
  return singularize(word);
}

/** Whether a word looks plural (its singular differs). */
export function isPlural(word: string): boolean {
  return singular(word) !== word.toLowerCase();
}

/** Words that name architecture rather than objects. */
export const ARCH_WORDS: ReadonlySet<string> = new Set([
  "window", "windows", "door", "doors", "doorway", "entrance", "wall", "walls", "floor", "flooring", "room",
  "ceiling", "corner", "corners", "center", "middle", "centre",
]);
