/** Tiny XML helpers for the simulator exports. */

/** Escape text for an XML attribute value. */
export function attr(value: string | number): string {
  return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A number with at most 6 decimals (no exponent for the sizes and masses we write), `-0` as `0`. */
export function num(x: number): string {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? "0" : String(r);
}

/** Space-separated numbers. */
export function nums(xs: readonly number[]): string {
  return xs.map(num).join(" ");
}

/** sRGB hex `#rrggbb` -> "r g b a" in 0..1. */
export function rgba(hex: string, alpha = 1): string {
  const h = /^#[0-9a-f]{6}$/i.test(hex) ? hex : "#9a9a9a";
  return nums([1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).concat(alpha));
}

/** A file-system and XML safe name (letters, digits, `_ . -`). */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, "_");
}
