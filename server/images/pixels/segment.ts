import "server-only";
/**
 * Graph-based image segmentation after Felzenszwalb & Huttenlocher, "Efficient Graph-Based Image
 * Segmentation" (IJCV 2004): 8-neighbour edges weighted by RGB distance, processed in increasing weight
 * (bucket sort), merging two components when the edge weight is at most min(Int(C) + k/|C|) of both;
 * then components smaller than `minSize` are merged into a neighbour.
 */
import type { Rgb } from "./raster";

/** Union-find with per-set size and internal difference Int(C). */
class Sets {
  parent: Int32Array;
  size: Int32Array;
  internal: Float32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    this.internal = new Float32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  join(a: number, b: number, w: number): number {
    if (this.size[a] < this.size[b]) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a] += this.size[b];
    this.internal[a] = Math.max(this.internal[a], this.internal[b], w);
    return a;
  }
}

/** Segment `img` into regions; returns a label (0..count-1) per pixel. `k` (RGB distance units) sets the scale of regions. */
export function segmentGraph(img: Rgb, k: number, minSize: number): { labels: Int32Array; count: number } {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const maxEdges = n * 4;
  const ea = new Int32Array(maxEdges);
  const eb = new Int32Array(maxEdges);
  const ew = new Uint16Array(maxEdges);
  let m = 0;
  const add = (a: number, b: number) => {
    const dr = data[a * 3] - data[b * 3];
    const dg = data[a * 3 + 1] - data[b * 3 + 1];
    const db = data[a * 3 + 2] - data[b * 3 + 2];
    ea[m] = a;
    eb[m] = b;
    ew[m] = Math.round(Math.sqrt(dr * dr + dg * dg + db * db) * 4);
    m++;
  };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (x < w - 1) add(p, p + 1);
      if (y < h - 1) add(p, p + w);
      if (x < w - 1 && y < h - 1) add(p, p + w + 1);
      if (x > 0 && y < h - 1) add(p, p + w - 1);
    }
  // Counting sort by quantised weight (max sqrt(3)*255*4 < 1800).
  const buckets = new Int32Array(1800);
  for (let i = 0; i < m; i++) buckets[ew[i]]++;
  for (let i = 1; i < buckets.length; i++) buckets[i] += buckets[i - 1];
  const order = new Int32Array(m);
  for (let i = m - 1; i >= 0; i--) order[--buckets[ew[i]]] = i;
  const sets = new Sets(n);
  for (let j = 0; j < m; j++) {
    const e = order[j];
    const a = sets.find(ea[e]);
    const b = sets.find(eb[e]);
    if (a === b) continue;
    const wgt = ew[e] / 4;
    if (wgt <= Math.min(sets.internal[a] + k / sets.size[a], sets.internal[b] + k / sets.size[b])) sets.join(a, b, wgt);
  }
  for (let j = 0; j < m; j++) {
    const e = order[j];
    const a = sets.find(ea[e]);
    const b = sets.find(eb[e]);
    if (a !== b && (sets.size[a] < minSize || sets.size[b] < minSize)) sets.join(a, b, ew[e] / 4);
  }
  const labels = new Int32Array(n);
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = sets.find(i);
    let l = map.get(r);
    if (l === undefined) map.set(r, (l = map.size));
    labels[i] = l;
  }
  return { labels, count: map.size };
}

/** Per-region statistics: area, inclusive bbox, mean color, and boundary lengths to each neighbour label. */
export interface RegionStats {
  id: number;
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  color: [number, number, number];
  perimeter: number;
  neighbours: Map<number, number>;
}

/** Compute RegionStats for a label image (labels 0..count-1) over `img`. */
export function regionStats(img: Rgb, labels: Int32Array, count: number): RegionStats[] {
  const { width: w, height: h } = img;
  const out: RegionStats[] = [];
  const sums = new Float64Array(count * 3);
  for (let i = 0; i < count; i++) out.push({ id: i, area: 0, x0: w, y0: h, x1: -1, y1: -1, color: [0, 0, 0], perimeter: 0, neighbours: new Map() });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const r = out[labels[p]];
      r.area++;
      if (x < r.x0) r.x0 = x;
      if (x > r.x1) r.x1 = x;
      if (y < r.y0) r.y0 = y;
      if (y > r.y1) r.y1 = y;
      sums[labels[p] * 3] += img.data[p * 3];
      sums[labels[p] * 3 + 1] += img.data[p * 3 + 1];
      sums[labels[p] * 3 + 2] += img.data[p * 3 + 2];
      const lp = labels[p];
      for (let k = 0; k < 4; k++) {
        const inside = k === 0 ? x > 0 : k === 1 ? x < w - 1 : k === 2 ? y > 0 : y < h - 1;
        if (!inside) {
          r.perimeter++;
          continue;
        }
        const lq = labels[k === 0 ? p - 1 : k === 1 ? p + 1 : k === 2 ? p - w : p + w];
        if (lq === lp) continue;
        r.perimeter++;
        r.neighbours.set(lq, (r.neighbours.get(lq) ?? 0) + 1);
      }
    }
  for (const r of out) if (r.area) r.color = [Math.round(sums[r.id * 3] / r.area), Math.round(sums[r.id * 3 + 1] / r.area), Math.round(sums[r.id * 3 + 2] / r.area)];
  return out;
}

/**
 * Per-region gradient anisotropy: max(sum|dI/dx|, sum|dI/dy|) / (min(...) + 1) over interior pixels of each region
 * (gray = channel mean, central differences). Wood floors (plank seams and grain along one axis) score high;
 * rugs, upholstery and plain surfaces score near 1.
 */
export function regionAnisotropy(img: Rgb, labels: Int32Array, count: number): Float64Array {
  const { width: w, height: h, data } = img;
  const gx = new Float64Array(count);
  const gy = new Float64Array(count);
  const g = (i: number) => data[i * 3] + data[i * 3 + 1] + data[i * 3 + 2];
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const l = labels[i];
      if (labels[i - 1] !== l || labels[i + 1] !== l || labels[i - w] !== l || labels[i + w] !== l) continue;
      gx[l] += Math.abs(g(i + 1) - g(i - 1)) / 3;
      gy[l] += Math.abs(g(i + w) - g(i - w)) / 3;
    }
  const out = new Float64Array(count);
  for (let l = 0; l < count; l++) out[l] = Math.max(gx[l], gy[l]) / (Math.min(gx[l], gy[l]) + 1);
  return out;
}
