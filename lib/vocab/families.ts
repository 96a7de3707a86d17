/** Program families shared by the vocabulary and the object program library (one parametric program per family). */
export const FAMILIES = [
  "bed", "bunk_bed", "crib", "nightstand", "wardrobe", "dresser", "cabinet", "sideboard", "desk", "dining_table",
  "coffee_table", "side_table", "console_table", "chair", "office_chair", "armchair", "sofa", "stool", "bar_stool",
  "bench", "ottoman", "bean_bag", "tv", "tv_stand", "bookshelf", "shelf", "floor_lamp", "table_lamp",
  "ceiling_light", "rug", "potted_plant", "painting", "mirror", "fridge", "stove", "kitchen_counter",
  "kitchen_island", "sink", "toilet", "bathtub", "shower", "vanity", "wine_cabinet", "washing_machine", "curtains",
  "clock", "books", "vase", "bowl", "mug", "bottle", "laptop", "monitor", "keyboard", "speaker", "candle", "pillow",
  "plate", "tray", "basket", "towel", "microwave", "composed", "box", "piano",
] as const;

/** Seat families: what is drawn up to a table (chairs, stools, benches, armchairs). */
export const SEAT_FAMILIES: ReadonlySet<Family> = new Set<Family>(["chair", "office_chair", "stool", "bar_stool", "bench", "armchair"]);

/** A program family name (one parametric program per family). */
export type Family = (typeof FAMILIES)[number];

/** True when `name` is a family name. */
export function isFamily(name: string): name is Family {
  return (FAMILIES as readonly string[]).includes(name);
}
