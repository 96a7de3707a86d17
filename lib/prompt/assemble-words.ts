/** Word and family sets used by the assembler. */
import type { GapKind } from "./relation-words";

/** Words naming a part of an object (its top, surface, ledge) rather than an object. */
export const PART_WORDS = new Set(["countertop", "counter_top", "tabletop", "table_top", "desktop", "surface", "top", "shelf_top", "ledge", "edge", "countertop_surface"]);
/** Families whose top is a counter. */
export const COUNTER_TOPS = new Set(["kitchen_counter", "vanity", "kitchen_island", "sink", "sideboard", "cabinet"]);
/** Families whose top is a table top. */
export const TABLE_TOPS = new Set(["dining_table", "coffee_table", "side_table", "console_table", "desk", "nightstand"]);
/** Relation kinds that place one object beside another rather than on it. */
export const SPATIAL: ReadonlySet<GapKind> = new Set(["front", "behind", "left", "right", "next_to", "near", "facing", "around", "under", "above"]);
/** Families of furniture, which never stand on another object. */
export const FURNITURE = new Set(["bed", "bunk_bed", "crib", "nightstand", "wardrobe", "dresser", "cabinet", "sideboard", "desk", "dining_table", "coffee_table", "side_table", "console_table", "chair", "office_chair", "armchair", "sofa", "stool", "bar_stool", "bench", "ottoman", "bean_bag", "tv_stand", "bookshelf", "rug", "fridge", "stove", "kitchen_counter", "kitchen_island", "toilet", "bathtub", "shower", "vanity", "washing_machine"]);
/** Articles and possessives dropped from the words between mentions. */
export const ARTICLES = new Set(["the", "a", "an", "its", "their", "his", "her"]);
/** Prepositions that open a relation phrase. */
export const PREPS = new Set(["to", "on", "in", "at", "near", "next", "beside", "by", "under", "above", "over", "below", "beneath", "behind", "between", "around", "across", "against", "along", "alongside", "atop", "inside", "within", "opposite", "facing", "toward", "towards", "adjacent", "close", "upon", "onto"]);
/** Families that can hang on a wall. */
export const WALL_MOUNTABLE = new Set(["painting", "mirror", "clock", "shelf", "tv", "curtains", "towel", "table_lamp", "speaker", "box", "cabinet", "monitor", "basket", "potted_plant", "vase", "ceiling_light"]);
/** Families with a flat top that can hold smaller objects. */
export const FLAT_TOPS = new Set(["desk", "dining_table", "coffee_table", "side_table", "console_table", "nightstand", "dresser", "sideboard", "tv_stand", "kitchen_counter", "kitchen_island", "cabinet", "bookshelf", "shelf", "vanity", "wine_cabinet", "wardrobe", "bench", "stool", "ottoman", "washing_machine", "fridge", "sink", "bathtub", "bed", "sofa", "armchair", "chair", "tray", "plate", "bowl", "basket", "box"]);

/** True when `a` names the same kind as `b` up to a head match ("table" ~ "coffee_table"). */
export function sameKind(a: string, b: string): boolean {
  return a === b || a.endsWith(`_${b}`) || b.endsWith(`_${a}`);
}
