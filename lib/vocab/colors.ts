/**
 * Extra color names -> sRGB hex for the prompt parser, consulted after `COLOR_NAMES`
 * (lib/program/materials.ts): compound and interior-design names that table does not have
 * (CSS Color Module Level 4 values where they exist, https://www.w3.org/TR/css-color-4/#named-colors).
 */
export const VOCAB_COLOR_NAMES: Readonly<Record<string, string>> = {
  matte_black: "#202020", charcoal_gray: "#3c4046", pastel_pink: "#f8c8d4", lime_green: "#7ccd32",
  pale_blue: "#b0cfe8", pastel_blue: "#aec6e8", navy_blue: "#1f2a44", dark_brown: "#4a2c17", teak: "#a57a4a",
  pine: "#d8b47a", natural: "#c8a97e", chrome: "#d8d8d8", nickel: "#b8b4a8", amber: "#ffbf00",
  emerald_green: "#2e8b57", mustard_yellow: "#d4a017", dark_wood: "#4e3524", light_wood: "#caa472",
};
