/**
 * The category vocabulary: category -> program family, default size (m), support, route and
 * whether the object usually stands on another one.
 */
import type { Route, Size3 } from "../scene/schema";
import { canonicalCategory } from "./canonical";
import { FAMILIES, isFamily, type Family } from "./families";
import { listedMemberFamily } from "./stand-ins";
import { CATEGORY_ROWS, type EntryRow } from "./table";

export { FAMILIES, SEAT_FAMILIES, isFamily, type Family } from "./families";
export { canonicalCategory, singularize, isPlural, snake, SYNONYMS } from "./canonical";
export { isNativeTo, buildRoute, memberFamily, type BuildRoute } from "./stand-ins";
export { kitFor, GENERIC_KIT, type KitPart, type KitPrimitive, type KitRole } from "./compose-kits";
export { SHAPE_WORDS, VARIANT_RULES, VARIANT_WORDS, MATTRESS_SIZES, NATIVE_SHAPES, variantsFor, variantParams, variantSize, variantShown, type VariantRule } from "./variants";

/** Where an object rests by default. */
export type DefaultSupport = "floor" | "wall" | "ceiling";

/** Vocabulary facts about one category. */
export interface CategoryInfo {
  family: Family;
  defaultSize: Size3;
  support: DefaultSupport;
  route: Route;
  /** A small object that usually stands on another object (mug, lamp, laptop). */
  surface: boolean;
  /** True when the category is in the table (not inferred by heuristics). */
  known: boolean;
}

const TABLE: ReadonlyMap<string, EntryRow> = new Map(CATEGORY_ROWS.map((r) => [r[0], r]));

/** Every category of the table (canonical names). */
export const KNOWN_CATEGORIES: readonly string[] = CATEGORY_ROWS.map((r) => r[0]);

/** True when the canonical category is in the table. */
export function isKnownCategory(category: string): boolean {
  return TABLE.has(canonicalCategory(category));
}

function routeFor(family: Family, flags: string): Route {
  if (flags.includes("t")) return "thin_cover";
  if (flags.includes("r")) return "wall_art";
  if (flags.includes("a")) return "articulated";
  if (flags.includes("m")) return "simple_manipuland";
  if (flags.includes("x")) return "structured_manipuland";
  if (flags.includes("s")) return "simple_manipuland";
  if (family === "rug" || family === "curtains") return "thin_cover";
  return "static_furniture";
}

function infoFromRow(row: EntryRow, known: boolean): CategoryInfo {
  const [, family, w, d, h, flags = ""] = row;
  return {
    family,
    defaultSize: { w, d, h },
    support: flags.includes("w") ? "wall" : flags.includes("c") ? "ceiling" : "floor",
    route: routeFor(family, flags),
    surface: flags.includes("s"),
    known,
  };
}

/** Keyword rules for unknown categories: the last matching word decides (order: most specific first). */
const SUFFIX_RULES: readonly [RegExp, string][] = [
  [/(^|_)(gaming|office|desk|swivel|computer)_chair$/, "office_chair"],
  [/(^|_)(arm|lounge|accent|reading|club|wingback|rocking)_?chair$/, "armchair"],
  [/bean_?bag/, "bean_bag"],
  [/chair$/, "chair"], [/(^|_)stool$/, "stool"], [/(^|_)bench$/, "bench"], [/(sofa|couch|loveseat|settee)$/, "sofa"],
  [/(^|_)(coffee)_table$/, "coffee_table"], [/(^|_)(side|end|accent|bedside)_table$/, "side_table"],
  [/(^|_)console(_table)?$/, "console_table"], [/(^|_)desk$/, "desk"], [/table$/, "table"],
  [/floor_lamp$/, "floor_lamp"], [/(ceiling|pendant)_(lamp|light|fixture)$/, "ceiling_light"], [/(chandelier|pendant)$/, "chandelier"], [/(^|_)(track|spot)_?lights?$/, "ceiling_light"], [/(lamp|light)$/, "lamp"],
  [/wardrobe$/, "wardrobe"], [/dresser$/, "dresser"], [/(cabinet|cupboard|armoire|locker)$/, "cabinet"],
  [/sideboard$/, "sideboard"], [/(bookshelf|bookcase)$/, "bookshelf"], [/(shelf|shelving|rack)$/, "shelf"],
  [/(^|_)bed$/, "bed"], [/crib$/, "crib"], [/(rug|carpet|mat)$/, "rug"], [/(plant|fern|palm|tree|succulent|cactus|orchid|ivy)$/, "potted_plant"],
  [/(painting|poster|print|artwork|canvas|picture)$/, "painting"], [/mirror$/, "mirror"], [/clock$/, "clock"],
  [/(fridge|refrigerator)$/, "fridge"], [/(stove|oven|range)$/, "stove"], [/(counter|countertop)$/, "kitchen_counter"],
  [/sink$/, "sink"], [/toilet$/, "toilet"], [/(bathtub|tub)$/, "bathtub"], [/shower$/, "shower"], [/vanity$/, "vanity"],
  [/(tv|television)$/, "tv"], [/monitor$/, "monitor"], [/laptop$/, "laptop"], [/keyboard$/, "keyboard"], [/speaker$/, "speaker"],
  [/(book|novel|magazine|notebook|journal|sketchbook|sketchpad|guide|textbook|album|comic|catalog)$/, "book"],
  [/(vase|sculpture|statue|figurine|ornament)$/, "vase"], [/(bowl|dish)$/, "bowl"], [/(mug|cup|glass|teacup)$/, "mug"],
  [/(bottle|jar|dispenser|decanter|carafe)$/, "bottle"], [/(candle|candlestick)$/, "candle"], [/(pillow|cushion)$/, "pillow"],
  [/(plate|saucer|coaster)$/, "plate"], [/tray$/, "tray"], [/(basket|hamper|bin|bucket|can)$/, "basket"],
  [/(towel|blanket|throw|cloth|napkin)$/, "towel"], [/(microwave|toaster|machine|maker|mixer|grinder)$/, "microwave"],
  [/curtain/, "curtains"], [/ottoman|pouf|footstool/, "ottoman"], [/(toy|bear|doll|plush|animal|bunny|frog)$/, "stuffed_animal"],
  [/(holder|organizer|caddy)$/, "pen_holder"], [/(pen|pencil|marker|crayon|brush|stylus|scoop|spoon|fork|knife|whisk)$/, "pen"],
  [/(phone|remote|controller|mouse|tablet)$/, "remote_control"], [/(block|ball|cube|stone)$/, "toy"],
];

/** Info for a category not in the table, by keyword heuristics; unknown -> generic box with its size. */
function heuristicInfo(category: string): CategoryInfo {
  for (const [re, target] of SUFFIX_RULES) {
    if (re.test(category)) {
      const row = TABLE.get(target);
      if (row) return infoFromRow(row, false);
    }
  }
  return {
    family: "box",
    defaultSize: { w: 0.5, d: 0.5, h: 0.5 },
    support: "floor",
    route: "static_furniture",
    surface: false,
    known: false,
  };
}

/** Vocabulary facts for any category (canonicalised first; never throws). Unknown categories use keyword heuristics, else the `box` family. */
export function categoryInfo(category: string): CategoryInfo {
  const c = canonicalCategory(category);
  const row = TABLE.get(c);
  if (row) return infoFromRow(row, true);
  // A listed true member of a family (a platter of plate, a hutch of cabinet) takes its family's row: the family
  // builds it, so its size and support are the family's, not a generic box's.
  const member = listedMemberFamily(c);
  const memberRow = member ? TABLE.get(member) : undefined;
  if (memberRow) return infoFromRow(memberRow, false);
  const info = heuristicInfo(c);
  // "table" by size: a large unknown table is a dining table, a small one a side table.
  if (info.family === "dining_table" && /table$/.test(c) && !/(dining|kitchen|work|play|train)/.test(c)) {
    return { ...info, family: /(small|mini|tiny|bedside|side)/.test(c) ? "side_table" : "dining_table" };
  }
  return info;
}

/** Program family of a category (never throws; unknown -> keyword heuristics, else `box`). */
export function familyOf(category: string): Family {
  const f = categoryInfo(category).family;
  return isFamily(f) ? f : FAMILIES[FAMILIES.length - 1];
}
