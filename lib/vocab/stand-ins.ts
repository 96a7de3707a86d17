/**
 * Stand-ins: categories whose family program builds another kind of object's shape (a ceiling fan built as a
 * ceiling light, a piano as a cabinet). A category is native to its family when it is the family, a kind of it
 * (same head noun: "kitchen_table" -> dining_table, "lounge_chair" -> armchair) or listed as a true member
 * below; the vocabulary rows of the other categories borrow their family's shape.
 */
import { canonicalCategory } from "./canonical";
import { kitFor } from "./compose-kits";
import type { Family } from "./families";

/** Members of a family whose names share no head noun with it (true kinds of the family's object). */
const MEMBERS: Readonly<Partial<Record<Family, readonly string[]>>> = {
  wardrobe: ["armoire", "closet"],
  sofa: ["couch", "loveseat", "settee", "futon", "sectional", "chaise_lounge", "sofa_bed", "chaise"],
  armchair: ["recliner"],
  bookshelf: ["bookcase", "shelving_unit", "wine_rack", "cubby", "cubby_shelf", "cube_shelf", "cubbies"],
  shelf: ["shoe_rack", "towel_rack", "drying_rack"],
  sideboard: ["buffet", "credenza"],
  tv_stand: ["media_console", "entertainment_center"],
  kitchen_island: ["island", "breakfast_bar", "bar_counter", "bar"],
  ottoman: ["pouf", "footstool", "floor_cushion", "meditation_cushion"],
  dresser: ["chest_of_drawers", "vanity_table", "dressing_table", "changing_table"],
  bunk_bed: ["loft_bed"],
  crib: ["bassinet"],
  cabinet: ["cupboard", "hutch", "locker", "chest", "trunk", "toy_chest", "hope_chest", "tool_chest", "pantry"],
  stove: ["oven", "range", "cooktop"],
  fridge: ["freezer", "wine_fridge"],
  washing_machine: ["dishwasher", "washer", "dryer"],
  kitchen_counter: ["counter", "countertop"],
  desk: ["workbench", "drafting_table", "work_table", "craft_table", "study_table"],
  rug: ["carpet", "mat", "bath_mat", "yoga_mat", "doormat", "play_mat", "runner", "placemat"],
  curtains: ["curtain", "blinds", "drapes"],
  pillow: ["cushion", "throw_pillow"],
  towel: ["coverlet", "bedspread", "duvet", "blanket", "throw_blanket", "quilt", "tablecloth", "napkin", "towel_ring"],
  potted_plant: ["plant", "fern", "potted_fern", "succulent", "cactus", "bonsai", "monstera", "palm", "tree", "fiddle_leaf_fig", "snake_plant", "orchid", "herb", "herbs", "ivy", "bamboo_plant", "aloe", "lavender"],
  painting: ["artwork", "poster", "canvas", "wall_art", "print", "picture", "photo", "map", "tapestry", "photo_frame", "picture_frame", "framed_photo", "projector_screen", "whiteboard", "chalkboard", "bulletin_board", "cork_board"],
  vase: ["flower", "flowers", "bouquet", "flower_vase"],
  candle: ["candle_holder", "candlestick"],
  plate: ["dish", "soap_dish", "coaster", "platter", "serving_platter", "saucer"],
  basket: ["toy_bin", "laundry_basket", "laundry_hamper", "hamper", "trash_can", "wastebasket", "umbrella_stand"],
  box: ["storage_bin", "bin", "cardboard_box", "storage_box", "jewelry_box"],
  table_lamp: ["lamp", "desk_lamp", "bedside_lamp", "lantern"],
  ceiling_light: ["chandelier", "pendant_lamp", "pendant_light", "light_fixture"],
  floor_lamp: ["reading_lamp", "arc_lamp", "standing_lamp", "torchiere"],
  speaker: ["soundbar", "subwoofer", "radio"],
  monitor: ["computer_monitor"],
  tv: ["television"],
  bowl: ["fruit_bowl", "mixing_bowl", "petri_dish", "butter_dish", "salt_cellar", "serving_bowl"],
  bottle: ["shampoo_bottle", "lotion_bottle", "salt_shaker", "pepper_mill", "salt_mill", "decanter", "oil_decanter", "cruet", "oil_cruet", "flask", "carafe", "vial", "sample_vial"],
  toilet: ["bidet"],
  sink: ["pedestal_sink"],
  shower: ["shower_enclosure", "shower_cubicle", "shower_cabin", "shower_stall"],
  bed: ["daybed", "mattress"],
  bathtub: ["tub"],
  mirror: ["floor_mirror", "wall_mirror"],
  clock: ["wall_clock", "alarm_clock", "grandfather_clock"],
  nightstand: ["bedside_table"],
  mug: ["cup", "teacup"],
  tray: ["serving_tray"],
  books: ["book", "novel", "magazine", "notebook", "album", "photo_album", "sketchbook", "storybook", "picture_book", "art_book", "journal", "textbook", "comic", "comic_book", "cookbook", "encyclopedia", "manual", "diary", "atlas", "dictionary", "catalog", "workbook", "coloring_book", "guidebook", "guide", "binder", "hardcover", "paperback", "report", "law_report", "reference_manual", "instruction_manual"],
  side_table: ["plant_stand", "end_table", "accent_table"],
  bean_bag: ["bean_bag_chair"],
};

const MEMBER_OF: ReadonlyMap<string, Family> = new Map(Object.entries(MEMBERS).flatMap(([f, cs]) => cs!.map((c) => [c, f as Family] as const)));

/** Game and sports tables: a dining table's shape is not theirs (rails, pockets, a net). */
const BORROWING_TABLES = /^(pool|billiard|ping_pong|foosball|air_hockey|poker)_table$/;

/** True when `category` is native to `family` (the family builds this kind of object); false for a stand-in. */
export function isNativeTo(category: string, family: Family): boolean {
  const c = canonicalCategory(category);
  if (c === family) return true;
  if (MEMBER_OF.get(c) === family || MEMBER_OF.get(c.split("_").pop()!) === family) return true;
  if (BORROWING_TABLES.test(c)) return false;
  const head = c.split("_").pop()!;
  const famHead = family.split("_").pop()!;
  // Same head noun ("floor_mirror" -> mirror), or a compound of it ("lounge_chair" -> armchair).
  return head === famHead || (head.length >= 4 && famHead.endsWith(head) && family !== "box") || (famHead.length >= 4 && head.endsWith(famHead));
}

/** How an object is built: by its family (native), by the composer from a part kit, or by a borrowed family (a stand-in). */
export interface BuildRoute {
  family: Family;
  /** Kit name when the composer builds it from blueprint parts. */
  kit: string | null;
  /** True when another kind of object's family builds it. */
  standIn: boolean;
}

/** The family a category is listed as a member of by its whole (canonical) name, or null. */
export function listedMemberFamily(category: string): Family | null {
  return MEMBER_OF.get(canonicalCategory(category)) ?? null;
}

/** The family a category is a listed member of (by the whole name or its head noun), or null. */
export function memberFamily(category: string): Family | null {
  const c = canonicalCategory(category);
  return MEMBER_OF.get(c) ?? MEMBER_OF.get(c.split("_").pop()!) ?? null;
}

/** Build route of a category: native family, else a composer kit, else the borrowed family (a stand-in). */
export function buildRoute(category: string, family: Family): BuildRoute {
  if (family !== "box" && isNativeTo(category, family)) return { family, kit: null, standIn: false };
  const member = memberFamily(category);
  if (member && member !== "box" && family === "box") return { family: member, kit: null, standIn: false };
  const kit = kitFor(category);
  if (kit) return { family: "composed", kit: kit.name, standIn: false };
  return { family, kit: null, standIn: !isNativeTo(category, family) };
}
