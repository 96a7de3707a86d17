/** Word lists for the prompt parser: quantifiers, adjectives by kind, verbs and function words. */
import { CARDINAL_WORDS, UNIT_WORDS, VAGUE_QUANTITIES } from "../text/numbers";

/** Number words -> counts: the shared table of lib/text/numbers (cardinals, "a"/"pair", vague quantities). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = (() => {
  const t: Record<string, number> = { ...CARDINAL_WORDS, ...UNIT_WORDS, ...VAGUE_QUANTITIES };
  delete t.zero;
  return t;
})();

/** Words that open a "group of" quantifier phrase ("a set of", "a stack of"): default count when no number follows. */
export const GROUP_WORDS: Readonly<Record<string, number>> = {
  pair: 2, couple: 2, set: 3, stack: 3, pile: 3, collection: 3, row: 3, group: 3, bunch: 3, cluster: 3,
  trio: 3, series: 3, assortment: 3, selection: 3, handful: 3, variety: 3, array: 3, lineup: 3, duo: 2,
};

/** Size words (go to `attributes.size`). */
export const SIZE_WORDS = new Set([
  "king", "king_size", "king_sized", "queen", "queen_size", "queen_sized", "twin", "twin_size", "twin_sized", "full",
  "full_size", "full_sized", "double", "single", "mini", "miniature", "small", "little", "tiny", "compact", "large",
  "big", "huge", "oversized", "giant", "spacious", "tall", "towering", "short", "low", "long", "wide", "narrow", "slim",
  "slender", "thin", "deep", "shallow", "child_sized", "kid_sized", "petite", "medium", "medium_sized", "extra_large",
  "floor_to_ceiling", "full_length", "low_profile", "high", "massive", "generous", "broad",
]);

/** Style words (go to `attributes.style`). */
export const STYLE_WORDS = new Set([
  "modern", "contemporary", "minimalist", "minimal", "rustic", "vintage", "antique", "retro", "industrial", "scandinavian",
  "mid_century", "mid_century_modern", "bohemian", "boho", "classic", "traditional", "farmhouse", "coastal", "victorian",
  "art_deco", "sleek", "elegant", "luxurious", "luxury", "cozy", "simple", "ornate", "shabby_chic", "japanese", "zen",
  "colonial", "gothic", "baroque", "tropical", "nautical", "futuristic", "playful", "whimsical", "eclectic", "cottage",
  "transitional", "glam", "chic", "stylish", "sophisticated", "distressed", "weathered", "reclaimed", "handmade",
  "hand_painted", "carved", "tufted", "upholstered", "padded", "cushioned", "plush", "soft", "fluffy", "woven",
  "patterned", "striped", "floral", "geometric", "abstract", "colorful", "vibrant", "pastel", "decorative", "ergonomic",
  "adjustable", "swivel", "rolling", "folding", "foldable", "reclining", "modular", "sectional", "freestanding",
  "free_standing", "wall_mounted", "floating", "built_in", "open", "closed", "glossy", "matte", "polished", "brushed",
  "framed", "frameless", "round", "circular", "oval", "square", "rectangular", "curved", "l_shaped", "u_shaped",
  "potted", "scented", "hardcover", "paperback", "wireless", "digital", "electric", "smart", "mechanical", "backlit",
  "sturdy", "heavy", "light", "old", "new", "worn", "shiny", "clear", "transparent", "frosted", "mirrored", "tripod",
  "flat_screen", "widescreen", "curved", "cylindrical", "spherical", "hexagonal", "triangular", "semicircular", "oblong",
  "standing", "hanging", "mounted", "stacked", "rolled", "folded", "open_shelf", "glass_front", "glass_top", "marble_top",
  "marble_topped", "high_backed", "high_back", "low_back", "armless", "canopy", "four_poster", "platform", "clawfoot",
  "claw_foot", "pedestal", "wingback", "channel_back", "ladder_back", "spindle_back", "tiered", "two_tier", "three_tier",
  "inflatable", "portable", "cordless", "led", "neon", "neon_lit", "gilt", "gilded", "lacquered", "painted", "stained",
  "fancy", "plain", "solid", "sculptural", "artisan", "handcrafted", "ceramic_glazed", "live_edge", "extendable",
  "reversible", "cozy_looking", "warm", "cool", "bright", "dark", "pale", "light_colored", "cream_colored",
  "matching", "coordinating", "classic_style", "standard", "integrated_sink", "double_sink", "front_loading",
  "top_loading", "stainless", "upright", "vertical", "horizontal", "angled", "tilted", "slanted", "lit", "unlit",
  "empty", "full_length", "writing", "reading", "antique_style", "state_of_the_art", "industrial_style",
]);

/** Adjectives that are neither colors, materials, sizes nor styles but still never part of a category. */
export const OTHER_ADJECTIVES = new Set([
  "quirky", "sturdy", "shiny", "chunky", "funky", "lofty", "dusty", "rusty", "dainty", "frilly", "silky", "velvety", "earthy", "sandy", "bushy", "spiky", "curvy", "boxy", "bulky", "squishy", "sparkly", "trendy", "classy", "snazzy", "jazzy", "swanky", "homey", "rickety", "wobbly", "glittery", "feathery", "furry", "woolly", "lacy", "knotty", "cheerful", "timeless", "engaging", "robust", "sunlit", "beautiful", "lovely", "nice", "pretty", "cute", "charming", "stunning", "gorgeous", "quaint", "inviting", "comfortable",
  "comfy", "functional", "practical", "useful", "matching", "main", "extra", "additional", "spare", "favorite", "other",
  "same", "similar", "different", "various", "assorted", "own", "personal", "essential", "perfect", "fresh", "green_leafy",
  "leafy", "lush", "tall_leafy", "small_leafy", "blooming", "flowering", "dried", "artificial", "faux", "real", "live",
  "living", "unique", "rare", "custom", "chunky", "delicate", "elaborate", "intricate", "imposing", "grand", "majestic",
  "quiet", "calm", "serene", "relaxing", "sunny", "airy", "well_stocked", "well_worn", "neatly", "neat", "tidy",
  "messy", "cluttered", "organized", "half_painted", "half_full", "half_empty", "crushed", "closed", "opened", "folded",
  "upside_down", "spare", "ample", "generous", "roomy", "petite", "stylish", "sleek", "simple", "basic",
]);

/** Finite verbs and participles that end a noun phrase. */
export const VERBS = new Set([
  "nestles", "nestle", "exudes", "exude", "spans", "span", "towers", "looms", "juts", "wraps", "lounges", "gleams", "shines", "sparkles", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "sits", "sit", "sitting", "seated", "stands",
  "stand", "standing", "rests", "rest", "resting", "lies", "lie", "lying", "lays", "laid", "hangs", "hang", "hanging",
  "hung", "mounted", "placed", "positioned", "located", "set", "tucked", "nestled", "arranged", "faces", "face",
  "facing", "holds", "hold", "holding", "supports", "support", "supporting", "displays", "display", "displaying",
  "contains", "contain", "containing", "features", "feature", "featuring", "includes", "include", "including",
  "perches", "perched", "perch", "leans", "lean", "leaning", "adorns", "adorned", "adorn", "occupies", "occupy",
  "occupying", "lines", "line", "lined", "lining", "flanks", "flank", "flanked", "flanking", "surrounds", "surround",
  "surrounded", "surrounding", "completes", "complete", "complements", "complemented", "complementing", "adds", "add",
  "adding", "provides", "provide", "providing", "offers", "offer", "offering", "illuminates", "illuminate",
  "illuminating", "casts", "casting", "topped", "filled", "packed", "scattered", "stacked", "propped", "draped",
  "sits", "rests", "accompanied", "accompanies", "paired", "pairs", "complemented", "centered", "centers", "center",
  "anchors", "anchored", "separated", "separates", "stored", "storing", "stores", "hosts", "houses", "keeps", "keep",
  "showcases", "showcasing", "sits", "awaits", "waits", "lights", "lit", "covers", "covering", "covered", "overlooks",
  "overlooking", "looks", "looking", "stretches", "stretching", "spans", "spanning", "runs", "running", "leaning",
  "dominates", "dominating", "fills", "filling", "greets", "beckons", "invites", "creates", "creating", "gives", "giving",
  "brings", "bringing", "serves", "serving", "allows", "sets", "seats", "seating", "rounds", "round_out", "boasts",
  "boasting", "enjoys", "harbors", "shows", "showing", "frames", "framing", "opens", "opening", "sits", "hugs",
  "hugging", "tops", "topping", "crowns", "graces", "gracing", "dots", "dotting", "decorate", "decorates",
  "decorated", "organized", "stocked", "loaded", "piled", "strewn", "spread", "dangles", "dangling", "suspended",
  "installed", "attached", "fixed", "affixed", "pinned", "taped", "leaned", "stationed", "parked", "tucks", "rise",
  "rises", "rising", "arching", "arches", "stands", "extends", "extending", "aligned", "lies", "floats", "floating_",
  "glows", "glowing", "completing", "sitting", "reflecting", "reflects", "catches", "catching", "made", "crafted",
  "built", "designed", "painted_", "equipped", "fitted", "paired_with", "accented", "accenting", "welcoming", "plus",
  "carries", "carry", "carrying", "cradles", "cradling",
]);

/** Function words (prepositions, conjunctions, determiners, pronouns) that end a noun phrase. */
export const FUNCTION_WORDS = new Set([
  "on", "in", "at", "of", "to", "by", "with", "near", "next", "beside", "besides", "under", "above", "over", "below",
  "beneath", "underneath", "behind", "between", "around", "across", "against", "along", "alongside", "for", "from",
  "into", "onto", "atop", "toward", "towards", "upon", "within", "inside", "outside", "and", "or", "but", "while",
  "that", "which", "where", "who", "whose", "its", "their", "it", "they", "them", "the", "a", "an", "this", "these",
  "those", "as", "so", "each", "all", "every", "there", "here", "than", "then", "also", "just", "only", "too", "very",
  "nearby", "close", "adjacent", "opposite", "beyond", "through", "throughout", "via", "per", "off", "up", "down",
  "out", "away", "together", "neatly", "directly", "right", "left", "front", "back", "top", "bottom", "side", "sides",
  "both", "either", "neither", "his", "her", "our", "my", "your", "if", "when", "whilst", "thus", "to_the", "underfoot",
  "overhead", "nearly", "about", "amid", "among", "amongst", "beneath_", "like", "unlike", "featuring_", "ready",
]);

/** Architectural nouns: never objects, used as anchors of object-architecture relations. */
export const ARCH_WORDS: Readonly<Record<string, "wall" | "room" | "door" | "window" | "ceiling" | "floor" | "corner">> = {
  wall: "wall", walls: "wall", room: "room", space: "room", area: "room", door: "door", doors: "door", doorway: "door",
  entrance: "door", entry: "door", entryway: "door", window: "window", windows: "window", windowsill: "window",
  ceiling: "ceiling", floor: "floor", corner: "corner", corners: "corner", center: "room", centre: "room", middle: "room",
};

/** Nouns that are not objects (abstract, places, parts). */
export const NON_OBJECT_NOUNS = new Set([
  "atmosphere", "feel", "headboard", "footboard", "armrest", "armrests", "backrest", "knob", "knobs", "handle", "handles", "tufting", "upholstery", "feeling", "glow", "touch", "vibe", "look", "style", "setting", "side", "end", "edge", "top",
  "surface", "view", "light_", "lighting", "ambiance", "ambience", "mood", "theme", "color", "colour", "palette",
  "scheme", "tone", "accent", "accents", "decor", "design", "layout", "arrangement", "spot", "place", "nook", "zone",
  "section", "part", "piece", "pieces", "item", "items", "thing", "things", "furniture", "furnishing", "furnishings",
  "seating", "storage", "space", "area", "room", "bedroom", "kitchen", "bathroom", "office", "study", "studio",
  "playroom", "nursery", "basement", "den", "lounge", "library", "hallway", "hall", "foyer", "gym", "cellar", "garage",
  "attic", "loft", "suite", "apartment", "house", "home", "flat", "quarter", "quarters", "retreat", "haven", "sanctuary",
  "workspace", "workshop", "corner", "wall", "floor", "ceiling", "door", "window", "center", "centre", "middle",
  "sunlight", "daylight", "light", "warmth", "comfort", "relaxation", "reading", "work", "play", "dining", "living",
  "cooking", "sleep", "sleeping", "person", "people", "child", "kid", "kids", "family", "guest", "guests", "owner",
  "artist", "designer", "director", "teen", "teenager", "toddler", "baby", "girl", "boy", "student", "gamer", "chef",
  "way", "pop", "hint", "splash", "focal_point", "point", "level", "height", "length", "width", "size", "shape",
  "finish", "frame", "base", "legs", "leg", "seat", "back", "arms", "drawers", "drawer", "shelves_", "doors_",
  "panel", "panels", "top_", "ledge", "rim", "interior", "exterior", "outside", "inside", "view_", "scene", "display_",
  "collection_", "set_", "lot", "number", "plenty", "row_", "line", "order", "environment", "ambient", "contrast",
  "balance", "harmony", "character", "charm", "elegance", "personality", "texture", "pattern", "patterns", "purpose",
  "use", "access", "reach", "sight", "lines", "clutter", "bit", "kind", "type", "sort", "variety_", "mix", "blend",
  "combination", "sense", "energy", "spirit", "idea", "inspiration", "creativity", "fun", "focus", "productivity",
  "hobby", "hobbies", "game_night", "night", "day", "morning", "evening", "afternoon", "time", "moment", "session",
  "condition", "shade", "shadow", "shadows", "reflection", "sound", "music", "air", "breeze", "scent", "aroma",
  "wood_", "water", "steam", "fire", "flame", "flames", "sun", "moon", "sky", "garden_view", "landscape", "city",
  // Places outside the room, seen through a window, and openings in the ceiling: never furniture.
  "garden", "gardens", "yard", "backyard", "courtyard", "street", "skyline", "ocean", "sea", "lake", "mountains", "forest", "park", "outdoors", "skylight", "skylights",
]);

/** Room-type keywords (longest phrases first) -> canonical room type. */
export const ROOM_TYPES: readonly [string, string][] = [
  ["living room", "living_room"], ["dining room", "dining_room"], ["game room", "game_room"], ["games room", "game_room"],
  ["home office", "office"], ["home gym", "gym"], ["laundry room", "laundry_room"], ["wine cellar", "wine_cellar"],
  ["home theater", "home_theater"], ["media room", "home_theater"], ["walk-in closet", "closet"], ["family room", "living_room"],
  ["sitting room", "living_room"], ["reading room", "library"], ["music room", "music_room"], ["craft room", "studio"],
  ["guest room", "bedroom"], ["kids room", "playroom"], ["play room", "playroom"], ["tv room", "living_room"],
  ["bedroom", "bedroom"], ["bathroom", "bathroom"], ["kitchen", "kitchen"], ["office", "office"], ["study", "office"],
  ["studio", "studio"], ["playroom", "playroom"], ["nursery", "nursery"], ["basement", "basement"], ["den", "den"],
  ["lounge", "living_room"], ["library", "library"], ["gym", "gym"], ["hallway", "hallway"], ["foyer", "hallway"],
  ["entryway", "hallway"], ["garage", "garage"], ["attic", "attic"], ["loft", "living_room"], ["workshop", "workshop"],
  ["classroom", "classroom"], ["suite", "bedroom"], ["living space", "living_room"], ["living area", "living_room"],
  ["dining area", "dining_room"], ["bath", "bathroom"], ["powder room", "bathroom"], ["restroom", "bathroom"],
];

/** Plausible floor size (m, width x depth) and wall height per room type (typical residential rooms). */
export const ROOM_SIZES: Readonly<Record<string, [number, number]>> = {
  bedroom: [4.5, 4.0], living_room: [6.0, 5.0], dining_room: [5.0, 4.5], kitchen: [4.5, 4.0], bathroom: [3.2, 2.8],
  office: [4.5, 4.0], studio: [5.5, 4.5], playroom: [5.0, 4.5], nursery: [4.0, 3.6], basement: [7.0, 6.0],
  den: [5.0, 4.5], game_room: [6.0, 5.0], gym: [6.0, 5.0], library: [5.0, 4.5], laundry_room: [3.2, 2.8],
  wine_cellar: [5.0, 4.0], home_theater: [6.0, 5.0], closet: [3.0, 2.5], hallway: [4.0, 2.5], garage: [6.0, 5.5],
  attic: [5.5, 4.5], music_room: [5.0, 4.5], workshop: [6.0, 5.0], classroom: [7.0, 6.0], room: [5.0, 4.5],
};
