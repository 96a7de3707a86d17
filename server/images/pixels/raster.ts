import "server-only";
/**
 * Raw raster types and basic per-pixel operations on 8-bit RGB buffers (row-major, 3 bytes per pixel).
 * Masks are `Uint8Array` of width*height with 1 = set.
 */

/** An RGB image: `data` holds width*height*3 bytes (sRGB, row-major). */
export interface Rgb {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A binary mask (1 = set) of the same width/height as its image. */
export type Mask = Uint8Array;

/** Separable box blur of radius r (window 2r+1), edge-clamped; returns a new RGB image. */
export function boxBlur(img: Rgb, r: number): Rgb {
  const { width: w, height: h } = img;
  const tmp = new Float32Array(w * h * 3);
  const out = new Uint8Array(w * h * 3);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++) {
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += img.data[(y * w + Math.min(w - 1, Math.max(0, k))) * 3 + c];
      for (let x = 0; x < w; x++) {
        tmp[(y * w + x) * 3 + c] = s / n;
        const add = Math.min(w - 1, x + r + 1);
        const sub = Math.max(0, x - r);
        s += img.data[(y * w + add) * 3 + c] - img.data[(y * w + sub) * 3 + c];
      }
    }
  }
  for (let x = 0; x < w; x++) {
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += tmp[(Math.min(h - 1, Math.max(0, k)) * w + x) * 3 + c];
      for (let y = 0; y < h; y++) {
        out[(y * w + x) * 3 + c] = Math.round(s / n);
        const add = Math.min(h - 1, y + r + 1);
        const sub = Math.max(0, y - r);
        s += tmp[(add * w + x) * 3 + c] - tmp[(sub * w + x) * 3 + c];
      }
    }
  }
  return { data: out, width: w, height: h };
}

/** Euclidean RGB distance between pixel i of `img` and a color. */
export function distTo(img: Rgb, i: number, c: readonly [number, number, number]): number {
  const dr = img.data[i * 3] - c[0];
  const dg = img.data[i * 3 + 1] - c[1];
  const db = img.data[i * 3 + 2] - c[2];
  return Math.sqrt(dr * dr + dg * dg + db * db);
}

/** HSV of an sRGB color: hue in degrees [0, 360), saturation and value in [0, 1]. */
export function hsv(c: readonly [number, number, number]): { h: number; s: number; v: number } {
  const r = c[0] / 255;
  const g = c[1] / 255;
  const b = c[2] / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let hue = 0;
  if (d > 1e-6) {
    if (max === r) hue = 60 * (((g - b) / d) % 6);
    else if (max === g) hue = 60 * ((b - r) / d + 2);
    else hue = 60 * ((r - g) / d + 4);
  }
  if (hue < 0) hue += 360;
  return { h: hue, s: max > 0 ? d / max : 0, v: max };
}

/** Smallest absolute difference between two hues in degrees (0..180). */
export function hueDiff(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/** Per-pixel local contrast: mean absolute difference between `img` and its blur, one byte per pixel. */
export function localContrast(img: Rgb, blurred: Rgb): Uint8Array {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d =
      Math.abs(img.data[i * 3] - blurred.data[i * 3]) +
      Math.abs(img.data[i * 3 + 1] - blurred.data[i * 3 + 1]) +
      Math.abs(img.data[i * 3 + 2] - blurred.data[i * 3 + 2]);
    out[i] = Math.min(255, Math.round(d / 3));
  }
  return out;
}

/** Mean color (rounded) of the pixels of `img` where `mask` equals `value`, or null when none. */
export function meanColor(img: Rgb, mask: ArrayLike<number>, value = 1): [number, number, number] | null {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== value) continue;
    r += img.data[i * 3];
    g += img.data[i * 3 + 1];
    b += img.data[i * 3 + 2];
    n++;
  }
  return n ? [Math.round(r / n), Math.round(g / n), Math.round(b / n)] : null;
}

/** sRGB hex `#rrggbb` of a color. */
export function toHex(c: readonly [number, number, number]): string {
  return "#" + c.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0")).join("");
}
