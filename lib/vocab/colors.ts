/**
 * Color names -> sRGB hex for the prompt parser (CSS Color Module Level 4 named colors where they exist,
 * https://www.w3.org/TR/css-color-4/#named-colors, plus common interior-design names).
 */
export const VOCAB_COLOR_NAMES: Readonly<Record<string, string>> = {
  white: "#f5f5f2", off_white: "#f2efe6", ivory: "#fffff0", cream: "#f3e9d2", beige: "#d8c8a8", tan: "#d2b48c",
  taupe: "#8b7d6b", sand: "#c2b280", khaki: "#c3b091", black: "#1a1a1a", matte_black: "#202020", charcoal: "#36454f",
  charcoal_gray: "#3c4046", gray: "#808080", grey: "#808080", light_gray: "#c8c8c8", dark_gray: "#4a4a4a",
  silver: "#c0c0c0", slate: "#708090", red: "#b22222", crimson: "#dc143c", burgundy: "#800020", maroon: "#800000",
  pink: "#f4a6b8", blush: "#e8b4b8", pastel_pink: "#f8c8d4", rose: "#e8909c", coral: "#ff7f50", orange: "#e67e22",
  terracotta: "#c8643c", rust: "#b7410e", peach: "#ffcba4", yellow: "#f2c94c", mustard: "#d4a017", gold: "#d4af37",
  golden: "#d4af37", brass: "#b5a642", bronze: "#cd7f32", copper: "#b87333", green: "#3a7d44", lime_green: "#7ccd32",
  lime: "#7ccd32", olive: "#808000", sage: "#9caf88", mint: "#98ddb4", emerald: "#2e8b57", forest_green: "#228b22",
  teal: "#008080", turquoise: "#40e0d0", aqua: "#5fd3d3", blue: "#2f5d9e", light_blue: "#add8e6", pale_blue: "#b0cfe8",
  pastel_blue: "#aec6e8", sky_blue: "#87ceeb", navy: "#1f2a44", navy_blue: "#1f2a44", cobalt: "#0047ab",
  royal_blue: "#4169e1", indigo: "#4b0082", purple: "#7d3c98", violet: "#8f5fbf", lavender: "#b8a9d9",
  lilac: "#c8a2c8", plum: "#8e4585", magenta: "#c2185b", brown: "#7b4a2a", dark_brown: "#4a2c17",
  chocolate: "#5a3a22", walnut: "#5d4030", oak: "#b58a5a", mahogany: "#6b2f1f", cherry: "#8b3a2a", teak: "#a57a4a",
  pine: "#d8b47a", espresso: "#3b2a20", honey: "#c98d3a", natural: "#c8a97e", chrome: "#d8d8d8", nickel: "#b8b4a8",
  amber: "#ffbf00", emerald_green: "#2e8b57", mustard_yellow: "#d4a017", dark_wood: "#4e3524", light_wood: "#caa472",
};
