/**
 * The one colour table of prompts and edits: base names from lib/program/materials `COLOR_NAMES` (CSS Color
 * Module Level 4 values where they exist, https://www.w3.org/TR/css-color-4/#named-colors) plus interior-design
 * compounds, and the modifier rule for "pastel/light/pale/dark/deep X" when a compound is not in the table.
 */
import { COLOR_NAMES } from "../program/materials";

/** Interior-design compound names -> sRGB hex (lower case). */
const COMPOUNDS: Readonly<Record<string, string>> = {
  matte_black: "#202020", charcoal_gray: "#3c4046", charcoal_grey: "#3c4046", pastel_pink: "#f8c8d4", lime_green: "#7ccd32",
  pale_blue: "#b0cfe8", pastel_blue: "#aec6e8", navy_blue: "#1f2a44", dark_brown: "#4a2c17", teak: "#a57a4a",
  pine: "#d8b47a", natural: "#c8a97e", chrome: "#d8d8d8", nickel: "#b8b4a8", amber: "#ffbf00",
  emerald_green: "#2e8b57", mustard_yellow: "#d4a017", dark_wood: "#4e3524", light_wood: "#caa472",
  slate_gray: "#708090", slate_grey: "#708090", dove_gray: "#b5b2ab", dove_grey: "#b5b2ab", deep_blue: "#1b3a6b",
  deep_navy: "#16213a", bright_orange: "#ff7a1a", golden_oak: "#b77b35", caramel: "#a9692f",
};

/** Every colour name (snake_case) -> sRGB hex: base names first, compounds over them. */
export const COLORS: Readonly<Record<string, string>> = { ...COLOR_NAMES, ...COMPOUNDS };

/** Modifiers of a base colour -> [mix target, share of the target] ("pastel pink" = pink mixed 55% with white). */
const MODIFIERS: Readonly<Record<string, [string, number]>> = {
  pastel: ["#ffffff", 0.55], light: ["#ffffff", 0.4], pale: ["#ffffff", 0.5], soft: ["#ffffff", 0.3],
  dark: ["#000000", 0.4], deep: ["#000000", 0.3], bright: ["#ffffff", 0.1], muted: ["#808080", 0.4], dusty: ["#808080", 0.35],
};

const mix = (a: string, b: string, t: number): string => {
  const ch = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => Math.round(ch(a, i) * (1 - t) + ch(b, i) * t).toString(16).padStart(2, "0")).join("")}`;
};

/** sRGB hex of a colour name ("pastel_pink", "pastel pink", "navy-colored"), or null; the same answer for prompts and edits. */
export function colorHex(name: string): string | null {
  const k = name.toLowerCase().trim().replace(/[\s-]+/g, "_").replace(/_colou?red$/, "").replace(/grey/g, "gray");
  const direct = COLORS[k] ?? COLORS[name.toLowerCase().replace(/[\s-]+/g, "_")];
  if (direct) return direct;
  const m = /^([a-z]+)_([a-z_]+)$/.exec(k);
  if (m && m[1] in MODIFIERS && COLORS[m[2]]) {
    const [target, t] = MODIFIERS[m[1]];
    return mix(COLORS[m[2]], target, t);
  }
  return null;
}

/** Colour phrases with spaces (longest first) -> hex, for matching inside free text; includes modifier + base pairs. */
export const COLOR_PHRASE_TABLE: readonly [string, string][] = (() => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(COLORS)) out.set(k.replace(/_/g, " "), v);
  for (const m of Object.keys(MODIFIERS)) {
    for (const base of Object.keys(COLOR_NAMES)) {
      const phrase = `${m} ${base.replace(/_/g, " ")}`;
      if (!out.has(phrase) && !base.includes("_")) out.set(phrase, colorHex(`${m}_${base}`)!);
    }
  }
  return [...out.entries()].sort((a, b) => b[0].length - a[0].length);
})();
