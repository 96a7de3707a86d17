import "server-only";
/**
 * Grouping of furniture segments into items. Rugs are found first (large unsaturated segments bordering the
 * floor with other segments standing inside them) and act as floor for the rest; the other segments are then
 * merged bottom-up: tiny ones into their longest-bordering neighbour, enclosed ones (>= 55% of their boundary)
 * into the encloser, ones surrounded by furniture into the most similar-colored neighbour, and aligned
 * continuations of similar color (the foot of a bed beyond a throw) into each other.
 */
import type { ItemRegion, PxBox } from "./analyse";
import { hsv, type Mask, type Rgb } from "./pixels/raster";
import type { RegionStats } from "./pixels/segment";

interface Group {
  id: number;
  area: number;
  perimeter: number;
  box: PxBox;
  color: [number, number, number];
  /** Area of the largest member segment (its color stands for the group). */
  domArea: number;
  rug: boolean;
  nb: Map<number, number>;
}

const cdist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const inBox = (x: number, y: number, b: PxBox) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

/** Group object segments (kind 0) inside `box` into items; see the file comment for the rules. */
export function groupItems(img: Rgb, blurred: Rgb, labels: Int32Array, regions: RegionStats[], kind: Uint8Array, box: PxBox, wall: Mask): ItemRegion[] {
  const w = img.width;
  const iArea = (box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1);
  const minItem = 0.0015 * iArea;
  const isObj = (r: RegionStats) => r.area > 0 && kind[r.id] === 0 && inBox((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, box);
  const obj = new Set(regions.filter(isObj).map((r) => r.id));
  const parent = new Int32Array(regions.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const groups = new Map<number, Group>();
  for (const id of obj) {
    const r = regions[id];
    const nb = new Map<number, number>();
    for (const [q, len] of r.neighbours) if (obj.has(q)) nb.set(q, len);
    groups.set(id, { id, area: r.area, perimeter: r.perimeter, box: { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 }, color: r.color, domArea: r.area, rug: false, nb });
  }
  const floorShare = (r: RegionStats) => {
    let f = 0;
    for (const [q, len] of r.neighbours) if (kind[q] === 1) f += len;
    return f / r.perimeter;
  };
  // Rugs.
  for (const id of obj) {
    const r = regions[id];
    if (r.area < 0.03 * iArea || hsv(r.color).s >= 0.3 || floorShare(r) < 0.3) continue;
    const rb = { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 };
    const inside = [...obj].filter((q) => q !== id && regions[q].area >= minItem && inBox((regions[q].x0 + regions[q].x1) / 2, (regions[q].y0 + regions[q].y1) / 2, rb));
    if (inside.length) (groups.get(id) as Group).rug = true;
  }
  const merge = (a: Group, b: Group) => {
    parent[a.id] = b.id;
    const shared = b.nb.get(a.id) ?? 0;
    b.perimeter += a.perimeter - 2 * shared;
    if (a.domArea > b.domArea) { b.domArea = a.domArea; b.color = a.color; }
    b.area += a.area;
    b.box = { x0: Math.min(a.box.x0, b.box.x0), y0: Math.min(a.box.y0, b.box.y0), x1: Math.max(a.box.x1, b.box.x1), y1: Math.max(a.box.y1, b.box.y1) };
    b.nb.delete(a.id);
    for (const [q, len] of a.nb) {
      if (q === b.id) continue;
      b.nb.set(q, (b.nb.get(q) ?? 0) + len);
      const g = groups.get(q);
      if (g) {
        g.nb.delete(a.id);
        g.nb.set(b.id, (g.nb.get(b.id) ?? 0) + len);
      }
    }
    groups.delete(a.id);
  };
  // Adjacent rug pieces of similar color form one rug.
  for (const g of [...groups.values()]) {
    if (!g.rug || !groups.has(g.id)) continue;
    for (const [q] of [...g.nb]) {
      const o = groups.get(q);
      if (o && o.rug && o !== g && cdist(o.color, g.color) < 30 && groups.has(g.id)) merge(o, g);
    }
  }
  // Pieces of one rug split by light and shade: rug groups whose boxes touch become one rug.
  for (let again = true; again; ) {
    again = false;
    const rugs = [...groups.values()].filter((g) => g.rug);
    outer: for (const a of rugs)
      for (const b of rugs)
        if (a !== b && a.box.x0 <= b.box.x1 + 1 && b.box.x0 <= a.box.x1 + 1 && a.box.y0 <= b.box.y1 + 1 && b.box.y0 <= a.box.y1 + 1) {
          const [small, big] = a.area < b.area ? [a, b] : [b, a];
          merge(small, big);
          again = true;
          break outer;
        }
  }
  let changed = true;
  for (let guard = 0; changed && guard < 50; guard++) {
    changed = false;
    for (const a of [...groups.values()].sort((p, q) => p.area - q.area)) {
      if (!groups.has(a.id) || a.rug) continue;
      let bestAny: Group | null = null;
      let bestAnyLen = 0;
      let objShare = 0;
      for (const [q, len] of a.nb) {
        const g = groups.get(q);
        if (!g) continue;
        if (len > bestAnyLen) { bestAnyLen = len; bestAny = g; }
        if (!g.rug) objShare += len;
      }
      if (!bestAny) continue;
      let target: Group | null = null;
      if (a.area < minItem) target = bestAny;
      else {
        const cands = [...a.nb].map(([q, len]) => ({ g: groups.get(q), len })).filter((c): c is { g: Group; len: number } => !!c.g && !c.g.rug);
        const enclosing = cands.find((c) => c.len >= 0.55 * a.perimeter);
        const span = Math.max(a.box.x1 - a.box.x0 + 1, a.box.y1 - a.box.y0 + 1);
        if (enclosing) target = enclosing.g;
        else if (objShare >= 0.8 * a.perimeter) {
          target = cands.filter((c) => c.len >= 0.2 * a.perimeter).sort((p, q) => cdist(p.g.color, a.color) - cdist(q.g.color, a.color))[0]?.g ?? null;
        } else {
          target = cands.filter((c) => c.len >= 0.7 * span && cdist(c.g.color, a.color) < 50).sort((p, q) => q.len - p.len)[0]?.g ?? null;
        }
      }
      if (target) {
        merge(a, target);
        changed = true;
      }
    }
  }
  // Pixel statistics per final group.
  const stats = new Map<number, { box: PxBox; area: number; sum: [number, number, number]; contrast: number }>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!obj.has(l) || wall[i]) continue;
    const g = find(l);
    const x = i % w;
    const y = (i - x) / w;
    let s = stats.get(g);
    if (!s) stats.set(g, (s = { box: { x0: x, y0: y, x1: x, y1: y }, area: 0, sum: [0, 0, 0], contrast: 0 }));
    s.area++;
    if (x < s.box.x0) s.box.x0 = x;
    if (x > s.box.x1) s.box.x1 = x;
    if (y < s.box.y0) s.box.y0 = y;
    if (y > s.box.y1) s.box.y1 = y;
    for (let c = 0; c < 3; c++) {
      s.sum[c] += img.data[i * 3 + c];
      s.contrast += Math.abs(img.data[i * 3 + c] - blurred.data[i * 3 + c]) / 3;
    }
  }
  let items: ItemRegion[] = [];
  for (const [id, s] of stats) {
    if (s.area < 2 * minItem) continue;
    const bw = s.box.x1 - s.box.x0 + 1;
    const bh = s.box.y1 - s.box.y0 + 1;
    const fill = s.area / (bw * bh);
    const rug = groups.get(id)?.rug ?? false;
    if ((!rug && fill < 0.3) || Math.min(bw, bh) < 4) continue;
    items.push({ layer: rug ? "rug" : "item", box: s.box, area: s.area, color: [Math.round(s.sum[0] / s.area), Math.round(s.sum[1] / s.area), Math.round(s.sum[2] / s.area)], contrast: s.contrast / s.area, fill });
  }
  // Drop items lying mostly inside a bigger furniture item's box (parts of it).
  items.sort((a, b) => b.area - a.area);
  items = items.filter((it, i) => !items.some((o, j) => j < i && o.layer === "item" && it.layer === "item" && overlapFrac(it.box, o.box) > 0.8));
  return items;
}

/** Fraction of box a's area inside box b. */
function overlapFrac(a: PxBox, b: PxBox): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1);
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1);
  return (ix * iy) / ((a.x1 - a.x0 + 1) * (a.y1 - a.y0 + 1));
}
