import "server-only";
/**
 * Binary morphology and connected components on masks (square structuring elements, 4-connectivity),
 * implemented with separable running counts so each pass is O(width*height).
 */
import type { Mask } from "./raster";

function pass(src: Mask, w: number, h: number, r: number, horizontal: boolean, dilate: boolean): Mask {
  const out = new Uint8Array(w * h);
  const outer = horizontal ? h : w;
  const inner = horizontal ? w : h;
  const at = (o: number, i: number) => (horizontal ? o * w + i : i * w + o);
  for (let o = 0; o < outer; o++) {
    let count = 0;
    for (let i = 0; i <= Math.min(r, inner - 1); i++) count += src[at(o, i)];
    for (let i = 0; i < inner; i++) {
      const lo = Math.max(0, i - r);
      const hi = Math.min(inner - 1, i + r);
      const span = hi - lo + 1;
      out[at(o, i)] = dilate ? (count > 0 ? 1 : 0) : count === span ? 1 : 0;
      if (i + r + 1 < inner) count += src[at(o, i + r + 1)];
      if (i - r >= 0) count -= src[at(o, i - r)];
    }
  }
  return out;
}

/** Dilation with a (2r+1)^2 square. */
export function dilate(m: Mask, w: number, h: number, r: number): Mask {
  if (r <= 0) return m.slice();
  return pass(pass(m, w, h, r, true, true), w, h, r, false, true);
}

/** Erosion with a (2r+1)^2 square (pixels outside the image do not count against it). */
export function erode(m: Mask, w: number, h: number, r: number): Mask {
  if (r <= 0) return m.slice();
  return pass(pass(m, w, h, r, true, false), w, h, r, false, false);
}

/** Opening (erode then dilate): removes specks and thin bridges narrower than 2r+1. */
export function open(m: Mask, w: number, h: number, r: number): Mask {
  return dilate(erode(m, w, h, r), w, h, r);
}

/** Closing (dilate then erode): fills gaps narrower than 2r+1. */
export function close(m: Mask, w: number, h: number, r: number): Mask {
  return erode(dilate(m, w, h, r), w, h, r);
}

/** One connected component: label, pixel count, inclusive bounding box and centroid. */
export interface Component {
  label: number;
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cx: number;
  cy: number;
}

/** 4-connected components of the set pixels; `labels` holds label+1 per pixel (0 = unset). */
export function components(m: ArrayLike<number>, w: number, h: number): { labels: Int32Array; comps: Component[] } {
  const labels = new Int32Array(w * h);
  const comps: Component[] = [];
  const stack = new Int32Array(w * h);
  for (let s = 0; s < w * h; s++) {
    if (!m[s] || labels[s]) continue;
    const label = comps.length + 1;
    const c: Component = { label, area: 0, x0: w, y0: h, x1: -1, y1: -1, cx: 0, cy: 0 };
    let top = 0;
    stack[top++] = s;
    labels[s] = label;
    while (top > 0) {
      const p = stack[--top];
      const x = p % w;
      const y = (p - x) / w;
      c.area++;
      c.cx += x;
      c.cy += y;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      if (x > 0 && m[p - 1] && !labels[p - 1]) { labels[p - 1] = label; stack[top++] = p - 1; }
      if (x < w - 1 && m[p + 1] && !labels[p + 1]) { labels[p + 1] = label; stack[top++] = p + 1; }
      if (y > 0 && m[p - w] && !labels[p - w]) { labels[p - w] = label; stack[top++] = p - w; }
      if (y < h - 1 && m[p + w] && !labels[p + w]) { labels[p + w] = label; stack[top++] = p + w; }
    }
    c.cx /= c.area;
    c.cy /= c.area;
    comps.push(c);
  }
  return { labels, comps };
}

/** Keep only the components with at least `minArea` pixels. */
export function keepLarge(m: Mask, w: number, h: number, minArea: number): Mask {
  const { labels, comps } = components(m, w, h);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) if (labels[i] && comps[labels[i] - 1].area >= minArea) out[i] = 1;
  return out;
}

/** Fill the holes of a mask: unset regions that do not touch the image border become set. */
export function fillHoles(m: Mask, w: number, h: number): Mask {
  const inv = new Uint8Array(w * h);
  for (let i = 0; i < inv.length; i++) inv[i] = m[i] ? 0 : 1;
  const { labels, comps } = components(inv, w, h);
  const touches = new Uint8Array(comps.length + 1);
  for (let x = 0; x < w; x++) { touches[labels[x]] = 1; touches[labels[(h - 1) * w + x]] = 1; }
  for (let y = 0; y < h; y++) { touches[labels[y * w]] = 1; touches[labels[y * w + w - 1]] = 1; }
  const out = m.slice();
  for (let i = 0; i < out.length; i++) if (labels[i] && !touches[labels[i]]) out[i] = 1;
  return out;
}
