/**
 * Shape and size variants of the program families: the attribute words that ask for a variant, the PARAMS the
 * family builds it with, and the real-world size it implies. Prompts (target size + PARAMS), edits ("make the
 * sofa L-shaped") and the evaluation (did the build show it?) all read this one table.
 *
 * Sizes (m): mattresses after the US standard sizes published by the International Sleep Products Association
 * and the Sleep Foundation (twin 38x75 in, twin XL 38x80, full 54x75, queen 60x80, king 76x80, California king
 * 72x84), plus a 3 cm frame on each side; sofas at 0.6 m per seat plus 0.2 m arms and sectionals after Neufert,
 * "Architects' Data" (4th ed., seating) and retail catalogue sizes; dining tables after Neufert (square 0.9 m
 * for four, round 1.1 m for four, oval 1.8 x 1.05 m for six); rugs after the standard US rug sizes (4x6, 5x8,
 * 8x10 ft; runner 2.5x8 ft); arc floor lamps after retail catalogues (1.9 m high, 1.2 m reach).
 */
import type { ParamValue } from "../program/params";
import type { Size3 } from "../scene/schema";
import type { Family } from "./families";

/** One variant: words that ask for it, families that build it, the PARAMS it sets and the size it implies. */
export interface VariantRule {
  /** Attribute or category words (snake_case) that ask for the variant. */
  words: readonly string[];
  families: readonly Family[];
  /** PARAMS of the variant (only keys the family template declares are applied). */
  params: Readonly<Record<string, ParamValue>>;
  /** Footprint/height (m) the variant implies: `size` sets the dims, `min` raises them to at least these. */
  size?: Partial<Size3>;
  min?: Partial<Size3>;
  /** Make the footprint square (round and square tops). */
  square?: boolean;
}

const TABLES: readonly Family[] = ["dining_table", "coffee_table", "side_table"];
const MATTRESS = (key: string, w: number, d: number): VariantRule => ({ words: [], families: ["bed", "bunk_bed"], params: { mattress: key }, size: { w: w + 0.06, d: d + 0.06 } });

/** Mattress sizes (m, width x length) by the size word: ISPA / Sleep Foundation US standard sizes. */
export const MATTRESS_SIZES: Readonly<Record<string, [number, number]>> = {
  twin: [0.965, 1.905], single: [0.965, 1.905], twin_xl: [0.965, 2.032], full: [1.372, 1.905], double: [1.372, 1.905],
  queen: [1.524, 2.032], king: [1.93, 2.032], california_king: [1.829, 2.134], cal_king: [1.829, 2.134],
};

/** The variant table; later rules win over earlier ones on the same PARAMS key. */
export const VARIANT_RULES: readonly VariantRule[] = [
  // sofas
  { words: ["straight"], families: ["sofa"], params: { layout: "straight" } },
  { words: ["l_shaped", "l_shape", "sectional", "sectional_sofa", "corner", "corner_sofa", "l_sectional"], families: ["sofa"], params: { layout: "l_shaped" }, min: { w: 2.6, d: 1.6 } },
  { words: ["chaise", "with_chaise", "chaise_sectional"], families: ["sofa"], params: { layout: "chaise" }, min: { w: 2.3, d: 1.5 } },
  { words: ["u_shaped", "u_shape"], families: ["sofa"], params: { layout: "u_shaped" }, min: { w: 3.0, d: 2.0 } },
  { words: ["two_seater", "two_seat", "2_seater", "2_seat", "loveseat", "love_seat"], families: ["sofa"], params: { seats: 2 }, size: { w: 1.5 } },
  { words: ["three_seater", "three_seat", "3_seater", "3_seat"], families: ["sofa"], params: { seats: 3 }, size: { w: 2.1 } },
  { words: ["four_seater", "four_seat", "4_seater", "4_seat"], families: ["sofa"], params: { seats: 4 }, size: { w: 2.6 } },
  { words: ["armless"], families: ["sofa", "chair", "armchair", "office_chair"], params: { armrests: false } },
  // desks: a corner desk is two 0.6 m runs, about 1.5 x 1.5 m (retail catalogue sizes)
  { words: ["l_shaped", "l_shape", "corner", "corner_desk", "l_desk"], families: ["desk"], params: { layout: "l_shaped" }, min: { w: 1.4, d: 1.3 } },
  { words: ["straight"], families: ["desk"], params: { layout: "straight" } },
  // tables (and other shaped tops)
  { words: ["round", "circular", "round_table"], families: [...TABLES, "rug", "mirror", "ottoman"], params: { shape: "round" }, square: true },
  { words: ["oval"], families: [...TABLES, "rug", "mirror"], params: { shape: "oval" } },
  { words: ["square"], families: [...TABLES], params: { shape: "square" }, square: true },
  { words: ["rectangular", "oblong"], families: [...TABLES, "rug", "mirror"], params: { shape: "rectangular" } },
  { words: ["pedestal", "tulip"], families: TABLES, params: { base: "pedestal" } },
  { words: ["glass_top", "glass_topped", "tempered_glass"], families: TABLES, params: { glass_top: true } },
  { words: ["extendable", "extending", "expandable", "drop_leaf", "extension"], families: ["dining_table", "coffee_table"], params: { extendable: true } },
  // beds
  { ...MATTRESS("twin", ...MATTRESS_SIZES.twin), words: ["twin", "twin_size", "twin_sized", "single", "single_bed"] },
  { ...MATTRESS("twin_xl", ...MATTRESS_SIZES.twin_xl), words: ["twin_xl"] },
  { ...MATTRESS("full", ...MATTRESS_SIZES.full), words: ["full", "full_size", "full_sized", "double", "double_bed", "double_size"] },
  { ...MATTRESS("queen", ...MATTRESS_SIZES.queen), words: ["queen", "queen_size", "queen_sized"] },
  { ...MATTRESS("king", ...MATTRESS_SIZES.king), words: ["king", "king_size", "king_sized"] },
  { ...MATTRESS("california_king", ...MATTRESS_SIZES.california_king), words: ["california_king", "cal_king"] },
  { words: ["canopy", "canopy_bed", "four_poster", "poster"], families: ["bed"], params: { canopy: true }, min: { h: 2.0 } },
  { words: ["storage", "storage_bed", "with_storage", "built_in_drawers"], families: ["bed"], params: { storage: true } },
  { words: ["headboardless", "without_headboard"], families: ["bed"], params: { headboard: false } },
  { words: ["platform", "low_platform", "platform_bed"], families: ["bed"], params: { leg_height: 0.03 } },
  // chairs
  { words: ["wingback", "wing_back", "wingback_chair", "winged"], families: ["armchair"], params: { wings: true }, min: { h: 1.05 } },
  { words: ["swivel", "swiveling", "swivelling", "rotating", "swivel_chair"], families: ["chair", "armchair"], params: { base: "swivel" } },
  { words: ["stackable", "stacking"], families: ["chair"], params: { stackable: true } },
  { words: ["with_arms", "armed"], families: ["chair"], params: { armrests: true } },
  // shelves
  { words: ["open", "open_shelf", "open_shelving", "open_back"], families: ["bookshelf"], params: { doors: 0 } },
  { words: ["open", "open_shelf"], families: ["shelf"], params: { style: "open" } },
  { words: ["closed", "enclosed", "with_doors", "glass_front", "glass_door", "cabinet_style"], families: ["bookshelf"], params: { doors: 2 } },
  { words: ["ladder", "leaning", "ladder_shelf"], families: ["shelf"], params: { style: "ladder" }, min: { h: 1.5, d: 0.4 } },
  { words: ["wall_mounted", "wall_hung", "floating", "mounted", "wall_shelf", "floating_shelf"], families: ["shelf"], params: { mount: "wall" } },
  // lamps
  { words: ["arc", "arched", "arc_lamp", "arching"], families: ["floor_lamp"], params: { form: "arc" }, min: { d: 1.2, h: 1.9 } },
  { words: ["tripod"], families: ["floor_lamp"], params: { form: "tripod" } },
  { words: ["standard", "straight"], families: ["floor_lamp"], params: { form: "standard" } },
  { words: ["pendant", "pendant_lamp", "pendant_light", "hanging"], families: ["ceiling_light"], params: { fixture: "pendant" } },
  { words: ["chandelier", "crystal_chandelier"], families: ["ceiling_light"], params: { fixture: "chandelier" }, min: { w: 0.6, d: 0.6, h: 0.5 } },
  { words: ["flush", "flush_mount", "flush_mounted"], families: ["ceiling_light"], params: { fixture: "flush" }, size: { h: 0.15 } },
  // rugs by size word (standard US rug sizes)
  { words: ["runner"], families: ["rug"], params: {}, size: { w: 2.44, d: 0.76 } },
  { words: ["small", "little", "compact"], families: ["rug"], params: {}, size: { w: 1.83, d: 1.22 } },
  { words: ["medium", "medium_sized"], families: ["rug"], params: {}, size: { w: 2.44, d: 1.52 } },
  { words: ["large", "big", "oversized", "spacious"], families: ["rug"], params: {}, size: { w: 3.05, d: 2.44 } },
];

/** Shapes a family's geometry always has (a clock face is round): these words are shown without a PARAMS variant. */
export const NATIVE_SHAPES: Readonly<Partial<Record<Family, readonly string[]>>> = {
  clock: ["round", "circular"], plate: ["round", "circular"], bowl: ["round", "circular"], mug: ["round", "circular", "cylindrical"],
  vase: ["round", "circular", "cylindrical"], candle: ["round", "cylindrical", "circular"], bottle: ["round", "cylindrical"],
  potted_plant: ["round", "potted"], stool: ["round", "circular"], bar_stool: ["round", "circular"], bean_bag: ["round"],
  ceiling_light: ["round", "circular"], table_lamp: ["round", "circular"], floor_lamp: ["round"], pillow: ["square"],
  rug: ["flat"], monitor: ["flat_screen", "flat", "widescreen"], tv: ["flat_screen", "flat", "widescreen", "flat_panel", "rectangular"],
  painting: ["framed", "rectangular"], laptop: ["flat"], keyboard: ["flat"], office_chair: ["swivel", "swiveling", "rolling", "ergonomic"],
  bunk_bed: ["bunk"], crib: ["slatted"], books: ["hardcover", "stacked"], mirror: ["framed"],
};

const norm = (w: string) => w.toLowerCase().replace(/-/g, "_");

/** Every word the table knows as a variant of some family (for telling variant words from style words). */
export const VARIANT_WORDS: ReadonlySet<string> = new Set([...VARIANT_RULES.flatMap((r) => r.words), ...Object.values(NATIVE_SHAPES).flat()]);

/** Rules of `family` asked for by `words` (attribute words and the category's own words), in table order. */
export function variantsFor(family: Family, words: readonly string[]): VariantRule[] {
  const ws = new Set(words.map(norm));
  return VARIANT_RULES.filter((r) => r.families.includes(family) && r.words.some((w) => ws.has(w)));
}

/** PARAMS the words ask of `family`, restricted to keys in `declared` (the template's PARAMS). */
export function variantParams(family: Family, words: readonly string[], declared: ReadonlySet<string>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const r of variantsFor(family, words)) for (const [k, v] of Object.entries(r.params)) if (declared.has(k)) out[k] = v;
  return out;
}

/** Target size (m) after the variants the words ask for: set dims, then minimums, then squaring for round/square tops. */
export function variantSize(family: Family, words: readonly string[], size: Size3): Size3 {
  let s = { ...size };
  for (const r of variantsFor(family, words)) {
    if (r.size) s = { ...s, ...r.size };
    if (r.min) s = { w: Math.max(s.w, r.min.w ?? 0), d: Math.max(s.d, r.min.d ?? 0), h: Math.max(s.h, r.min.h ?? 0) };
    if (r.square && family !== "mirror") {
      const m = Math.max(s.w, s.d);
      s = { ...s, w: m, d: m };
    }
  }
  return s;
}

/**
 * Words that name a shape (not a size, a mounting or a state): a family without that variant does not show them.
 * Size words ("small", "large"), mounting words ("floating") and states ("open") are judged elsewhere.
 */
export const SHAPE_WORDS: ReadonlySet<string> = new Set([
  "l_shaped", "l_shape", "sectional", "u_shaped", "u_shape", "chaise", "with_chaise", "round", "circular", "oval", "square",
  "rectangular", "oblong", "pedestal", "tulip", "glass_top", "glass_topped", "extendable", "extending", "expandable", "drop_leaf",
  "canopy", "four_poster", "wingback", "wing_back", "winged", "swivel", "swiveling", "swivelling", "stackable", "stacking",
  "armless", "ladder", "arc", "arched", "tripod", "chandelier", "two_seater", "three_seater", "four_seater", "bunk",
]);

/**
 * Whether a built object of `family` with `params` shows the variant `word`: true when the family's geometry
 * always has it or every PARAMS key of a matching rule has the rule's value; false for a shape word the build
 * does not show; null when the word is no shape variant of this family (size, mounting and state words included).
 */
export function variantShown(family: Family, word: string, params: Readonly<Record<string, unknown>>): boolean | null {
  const w = norm(word);
  if (NATIVE_SHAPES[family]?.includes(w)) return true;
  const rules = VARIANT_RULES.filter((r) => r.families.includes(family) && r.words.includes(w) && Object.keys(r.params).length > 0);
  if (rules.length > 0) return rules.some((r) => Object.entries(r.params).every(([k, v]) => params[k] === v));
  return SHAPE_WORDS.has(w) ? false : null;
}
