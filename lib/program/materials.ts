/**
 * Material presets and color names shared by the prompt parser, the object programs' PARAMS and the
 * rule-based edits. Roughness/metallic values follow the usual PBR reference charts (e.g. Physically Based,
 * https://physicallybased.info, and the Blender manual's Principled BSDF notes); default colors are typical
 * sRGB albedos. The Python table `_MATERIALS` in `server/engines/offline/programs/_common.py` mirrors
 * `MATERIAL_PRESETS` (a unit test keeps them equal).
 */

/** Principled BSDF preset of a material: roughness and metallic in [0, 1], default sRGB hex color. */
export interface MaterialPreset {
  roughness: number;
  metallic: number;
  color: string;
}

/** Named material presets (snake_case names). */
export const MATERIAL_PRESETS: Readonly<Record<string, MaterialPreset>> = {
  wood: { roughness: 0.55, metallic: 0, color: "#8b5a2b" },
  oak: { roughness: 0.55, metallic: 0, color: "#b58a55" },
  walnut: { roughness: 0.5, metallic: 0, color: "#5d3a1f" },
  pine: { roughness: 0.6, metallic: 0, color: "#d1a873" },
  maple: { roughness: 0.5, metallic: 0, color: "#d9b382" },
  cherry: { roughness: 0.45, metallic: 0, color: "#7b3f2a" },
  mahogany: { roughness: 0.45, metallic: 0, color: "#6a2e1f" },
  teak: { roughness: 0.55, metallic: 0, color: "#9a6a3c" },
  birch: { roughness: 0.55, metallic: 0, color: "#e0c9a0" },
  bamboo: { roughness: 0.5, metallic: 0, color: "#c8a96b" },
  plywood: { roughness: 0.65, metallic: 0, color: "#cfae7e" },
  laminate: { roughness: 0.4, metallic: 0, color: "#c9b08a" },
  lacquer: { roughness: 0.15, metallic: 0, color: "#f2f2f2" },
  fabric: { roughness: 0.9, metallic: 0, color: "#8c8c8c" },
  linen: { roughness: 0.9, metallic: 0, color: "#d8cfc0" },
  cotton: { roughness: 0.9, metallic: 0, color: "#eeeeee" },
  wool: { roughness: 0.95, metallic: 0, color: "#c8c0b4" },
  velvet: { roughness: 0.8, metallic: 0, color: "#5a2a4a" },
  suede: { roughness: 0.85, metallic: 0, color: "#a37b55" },
  leather: { roughness: 0.45, metallic: 0, color: "#6b3e26" },
  metal: { roughness: 0.35, metallic: 1, color: "#9a9a9a" },
  steel: { roughness: 0.3, metallic: 1, color: "#a8a8a8" },
  brushed_steel: { roughness: 0.35, metallic: 1, color: "#b4b4b4" },
  stainless_steel: { roughness: 0.25, metallic: 1, color: "#c0c0c0" },
  chrome: { roughness: 0.05, metallic: 1, color: "#e0e0e0" },
  aluminum: { roughness: 0.3, metallic: 1, color: "#c8c8c8" },
  iron: { roughness: 0.6, metallic: 1, color: "#4a4a4a" },
  brass: { roughness: 0.3, metallic: 1, color: "#c9a34a" },
  gold: { roughness: 0.25, metallic: 1, color: "#d4af37" },
  copper: { roughness: 0.3, metallic: 1, color: "#b87333" },
  glass: { roughness: 0.05, metallic: 0, color: "#dfeff2" },
  ceramic: { roughness: 0.2, metallic: 0, color: "#f4f1ea" },
  porcelain: { roughness: 0.15, metallic: 0, color: "#f7f7f5" },
  marble: { roughness: 0.2, metallic: 0, color: "#e8e6e1" },
  granite: { roughness: 0.35, metallic: 0, color: "#6e6a66" },
  stone: { roughness: 0.7, metallic: 0, color: "#9b978f" },
  concrete: { roughness: 0.85, metallic: 0, color: "#a3a19c" },
  tile: { roughness: 0.3, metallic: 0, color: "#dcdcd6" },
  terrazzo: { roughness: 0.35, metallic: 0, color: "#d9d4cc" },
  brick: { roughness: 0.85, metallic: 0, color: "#9c4a35" },
  plaster: { roughness: 0.9, metallic: 0, color: "#ece8e1" },
  paint: { roughness: 0.6, metallic: 0, color: "#e6e3dc" },
  plastic: { roughness: 0.4, metallic: 0, color: "#e0e0e0" },
  rubber: { roughness: 0.9, metallic: 0, color: "#2b2b2b" },
  rattan: { roughness: 0.75, metallic: 0, color: "#c19a5b" },
  wicker: { roughness: 0.75, metallic: 0, color: "#b8904f" },
  cork: { roughness: 0.85, metallic: 0, color: "#b98b5e" },
  paper: { roughness: 0.85, metallic: 0, color: "#f2efe6" },
  cardboard: { roughness: 0.9, metallic: 0, color: "#b08a5a" },
  carpet: { roughness: 1, metallic: 0, color: "#9a8f82" },
  foliage: { roughness: 0.6, metallic: 0, color: "#3f7a3a" },
  soil: { roughness: 1, metallic: 0, color: "#3b2a1e" },
  wax: { roughness: 0.5, metallic: 0, color: "#f3ead8" },
};

/** Synonyms folded onto preset names. */
const MATERIAL_SYNONYMS: Readonly<Record<string, string>> = {
  wooden: "wood",
  timber: "wood",
  hardwood: "wood",
  oaken: "oak",
  mdf: "laminate",
  upholstered: "fabric",
  upholstery: "fabric",
  cloth: "fabric",
  textile: "fabric",
  woolen: "wool",
  faux_leather: "leather",
  leatherette: "leather",
  metallic: "metal",
  steel_frame: "steel",
  stainless: "stainless_steel",
  aluminium: "aluminum",
  wrought_iron: "iron",
  cast_iron: "iron",
  golden: "gold",
  glazed: "ceramic",
  clay: "ceramic",
  quartz: "marble",
  stoneware: "ceramic",
  acrylic: "plastic",
  vinyl: "plastic",
  polished_concrete: "concrete",
  cane: "rattan",
  straw: "wicker",
  painted: "paint",
  glossy: "lacquer",
  lacquered: "lacquer",
};

/** All preset names, sorted (for selects and the parser). */
export const MATERIAL_NAMES: readonly string[] = Object.keys(MATERIAL_PRESETS).sort();

/** Canonical preset name for a material word ("Stainless steel" -> "stainless_steel", "wooden" -> "wood"), or null when unknown. */
export function canonicalMaterial(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (key in MATERIAL_PRESETS) return key;
  if (key in MATERIAL_SYNONYMS) return MATERIAL_SYNONYMS[key];
  return null;
}

/** Neutral preset used for unknown material names (matte, non-metal, light grey). */
export const DEFAULT_MATERIAL_PRESET: MaterialPreset = { roughness: 0.5, metallic: 0, color: "#b0b0b0" };

/** Preset for a material name (case/space/hyphen-insensitive, synonyms folded); unknown names get `DEFAULT_MATERIAL_PRESET`. */
export function materialPreset(name: string): MaterialPreset {
  const key = canonicalMaterial(name);
  return { ...(key ? MATERIAL_PRESETS[key] : DEFAULT_MATERIAL_PRESET) };
}

/** Color names -> sRGB hex (lower case). Base names follow CSS Color Module 4 where one exists; wood and fabric tones are typical albedos. */
export const COLOR_NAMES: Readonly<Record<string, string>> = {
  white: "#f5f5f5",
  off_white: "#f1efe8",
  ivory: "#fffff0",
  cream: "#f3e9d2",
  eggshell: "#efe9dc",
  beige: "#d8c8a8",
  sand: "#c2b280",
  tan: "#d2b48c",
  khaki: "#c3b091",
  taupe: "#8b7d6b",
  camel: "#c19a6b",
  brown: "#6f4e37",
  chocolate: "#5a3a22",
  espresso: "#3b2a20",
  walnut: "#5d3a1f",
  oak: "#b58a55",
  honey: "#c68e3f",
  mahogany: "#6a2e1f",
  cherry: "#7b3f2a",
  chestnut: "#954535",
  black: "#1c1c1c",
  charcoal: "#36454f",
  graphite: "#41424c",
  slate: "#5f6b73",
  gray: "#808080",
  grey: "#808080",
  dark_gray: "#4a4a4a",
  dark_grey: "#4a4a4a",
  light_gray: "#c8c8c8",
  light_grey: "#c8c8c8",
  silver: "#c0c0c0",
  red: "#b22222",
  crimson: "#a51c30",
  burgundy: "#800020",
  maroon: "#6d1a1a",
  wine: "#722f37",
  rust: "#b7410e",
  terracotta: "#c8643b",
  coral: "#ff7f50",
  salmon: "#fa8072",
  orange: "#e67e22",
  peach: "#f6c6a5",
  pink: "#f4a6b7",
  blush: "#e8b4b8",
  rose: "#c9727e",
  magenta: "#c2185b",
  purple: "#6a3d9a",
  lavender: "#b9a7d6",
  lilac: "#c8a2c8",
  plum: "#6e3b5e",
  violet: "#7f5fb0",
  mauve: "#b784a7",
  blue: "#2f5fa7",
  navy: "#1f2a44",
  royal_blue: "#2b4fb5",
  sky_blue: "#87ceeb",
  light_blue: "#a7c7e7",
  baby_blue: "#a9cce3",
  powder_blue: "#b0c4de",
  cobalt: "#0047ab",
  denim: "#3b5b85",
  indigo: "#3f3d8f",
  teal: "#1f7a7a",
  turquoise: "#40c4b8",
  aqua: "#5fd3d3",
  cyan: "#3fb8c9",
  mint: "#a8dcc0",
  sage: "#9caf88",
  olive: "#708238",
  green: "#3c8d40",
  forest_green: "#228b22",
  emerald: "#2e8b57",
  hunter_green: "#355e3b",
  dark_green: "#2f4f2f",
  lime: "#9acd32",
  yellow: "#e8c547",
  mustard: "#d4a017",
  gold: "#d4af37",
  golden: "#d4af37",
  ochre: "#cc7722",
  brass: "#c9a34a",
  copper: "#b87333",
  bronze: "#8c6b3f",
};

/** Hex for a base color word ("Navy", "light grey", "dark-green"), or null when unknown; prompts, edits and engines use lib/text/colors `colorHex`, the full table built on these names. */
export function colorHex(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return COLOR_NAMES[key] ?? null;
}
