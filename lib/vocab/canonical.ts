/** Category canonicalisation: snake_case, singular, synonym folding. */

/** Synonyms folded to one canonical category (true synonyms only, so counts of distinct kinds stay distinct). */
export const SYNONYMS: Readonly<Record<string, string>> = {
  couch: "sofa", bathtub_tub: "bathtub", clawfoot_tub: "bathtub", television: "tv", tv_set: "tv", flat_screen_tv: "tv", flatscreen_tv: "tv", smart_tv: "tv", t_v: "tv",
  bookcase: "bookshelf", book_shelf: "bookshelf", bookshelves: "bookshelf", book_case: "bookshelf",
  refrigerator: "fridge", bedside_table: "nightstand", night_stand: "nightstand", night_table: "nightstand",
  bedside_cabinet: "nightstand", sink_vanity: "vanity", bathroom_vanity: "vanity", bath_tub: "bathtub",
  bathroom_sink: "sink", washbasin: "sink", wash_basin: "sink", basin: "sink", commode: "toilet",
  computer_screen: "monitor", display_monitor: "monitor", computer_monitor: "monitor", pc_monitor: "monitor",
  houseplant: "potted_plant", house_plant: "potted_plant", plant_pot: "potted_plant", planter: "potted_plant",
  tv_console: "media_console", tv_cabinet: "tv_stand", tv_unit: "tv_stand", media_unit: "media_console",
  end_table: "side_table", dining_room_table: "dining_table", kitchen_island_counter: "kitchen_island",
  notepad: "notebook", cellphone: "smartphone", cell_phone: "smartphone", mobile_phone: "smartphone",
  tv_remote: "remote_control", remote: "remote_control", gamepad: "game_controller", bean_bag_seat: "bean_bag_chair",
  beanbag: "bean_bag", beanbag_chair: "bean_bag_chair", barstool: "bar_stool", armchairs: "armchair", arm_chair: "armchair",
  lamp_shade: "lamp", photograph: "photo", picture_frame: "photo_frame", framed_photo: "photo_frame", framed_photograph: "photo_frame",
  duvet: "blanket", throw: "blanket", cushions: "cushion", drapes: "curtains", drape: "curtains", curtain: "curtains",
  fridge_freezer: "fridge", cooker: "stove", wardrobe_closet: "wardrobe", rubbish_bin: "trash_can", garbage_can: "trash_can",
  trash_bin: "trash_can", waste_bin: "wastebasket", computer_tower: "pc_tower", desktop_tower: "pc_tower",
  worktable: "work_table", work_bench: "workbench", nightlight: "night_light",
};

const IRREGULAR: Readonly<Record<string, string>> = {
  thermos: "thermos", thermoses: "thermos", atlas: "atlas",
  shelves: "shelf", knives: "knife", leaves: "leaf", loaves: "loaf", cacti: "cactus", mice: "mouse", children: "child",
  people: "person", feet: "foot", teeth: "tooth", men: "man", women: "woman", dice: "die", halves: "half",
  scarves: "scarf", wolves: "wolf", calves: "calf", geese: "goose", bookshelves: "bookshelf", curtains: "curtains",
  drapes: "curtains", blinds: "blinds", books: "book", glasses: "glass", dresses: "dress", headphones: "headphones",
  pants: "pants", scissors: "scissors", tongs: "tongs", binoculars: "binoculars", series: "series", species: "species",
  flowers: "flower", canvases: "canvas", buses: "bus", lenses: "lens", dishes: "dish", boxes: "box", benches: "bench",
  couches: "couch", watches: "watch", torches: "torch", brushes: "brush", paintbrushes: "paintbrush", matches: "match",
  sandwiches: "sandwich", peaches: "peach", atlases: "atlas", cushions: "cushion", vases: "vase", cases: "case",
  bases: "base", houses: "house", candles: "candle", clothes: "clothes", crayons: "crayon", tomatoes: "tomato",
  potatoes: "potato", heroes: "hero", pianos: "piano", radios: "radio", photos: "photo", studios: "studio",
  armoires: "armoire", consoles: "console", bookcases: "bookcase", mattresses: "mattress", glass: "glass",
  grass: "grass", chess: "chess", dress: "dress", mattress: "mattress", bus: "bus", cactus: "cactus", canvas: "canvas",
  analysis: "analysis", lotus: "lotus", hibiscus: "hibiscus", octopus: "octopus", walrus: "walrus", series_: "series",
};

/** Singular of one English word (rules plus an irregular table). */
export function singularize(word: string): string {
  const w = word.toLowerCase();
  if (w in IRREGULAR) return IRREGULAR[w];
  if (w.length <= 3) return w;
  if (/(ss|us|is|ous)$/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + "y";
  if (/(ch|sh|x|zz|ss)es$/.test(w)) return w.slice(0, -2);
  if (/oes$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && !/ss$/.test(w)) return w.slice(0, -1);
  return w;
}

/** True when `word` looks like a plural noun. */
export function isPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (w in IRREGULAR) return IRREGULAR[w] !== w;
  return singularize(w) !== w;
}

/** snake_case of free text ("Flat-screen TV" -> "flat_screen_tv"). */
export function snake(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Canonical category for a word or phrase: snake_case, last word singular, synonyms folded ("Bookcases" -> "bookshelf", "TV" -> "tv"). */
export function canonicalCategory(word: string): string {
  let s = snake(word);
  if (!s) return "object";
  const of = /^([a-z0-9]+)_of_([a-z0-9_]+)$/.exec(s);
  if (of) s = `${of[2]}_${of[1]}`;
  if (s in SYNONYMS) return SYNONYMS[s];
  const parts = s.split("_");
  parts[parts.length - 1] = singularize(parts[parts.length - 1]);
  s = parts.join("_");
  if (s in SYNONYMS) return SYNONYMS[s];
  if (/^[0-9]/.test(s)) s = `n_${s}`;
  return s;
}
