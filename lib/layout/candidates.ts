/** Candidate poses for the layout solver: along walls, in corners, on a grid, and relative to anchors. */
import { fromLocal, yawFacing, type Box } from "../geometry/box";
import { centroid } from "../geometry/room";
import type { Relation } from "../scene/schema";
import type { Item, SolveState } from "./state";

function range(a: number, b: number, step: number): number[] {
  if (b < a) return [(a + b) / 2];
  const n = Math.max(1, Math.round((b - a) / step));
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(a + ((b - a) * i) / n);
  return out;
}

/** Floor candidates for an item (z = 0). */
export function floorCandidates(st: SolveState, item: Item): Box[] {
  const { w, d, h } = item.size;
  const out: Box[] = [];
  const push = (x: number, y: number, yawDeg: number) => out.push({ x, y, z: 0, yawDeg: ((yawDeg % 360) + 360) % 360, w, d, h });
  const gapW = 0.006;
  if (item.spec.approxCenter) push(item.spec.approxCenter[0], item.spec.approxCenter[1], item.spec.approxYawDeg ?? 0);
  // Along each wall, back to the wall, facing into the room; both ends give the corners.
  for (const wall of st.walls) {
    for (const [ww, dd, yawOff] of [[w, d, 0], [d, w, 90]] as const) {
      if (yawOff === 90 && !(item.info.family === "bed" || item.info.family === "sofa" || item.info.family === "bathtub" || item.info.family === "desk" || item.info.family === "bench" || item.info.family === "rug")) continue;
      for (const t of range(ww / 2 + gapW, wall.length - ww / 2 - gapW, Math.max(0.2, wall.length / 24))) {
        const x = wall.a[0] + wall.dir[0] * t + wall.normal[0] * (dd / 2 + gapW);
        const y = wall.a[1] + wall.dir[1] * t + wall.normal[1] * (dd / 2 + gapW);
        push(x, y, wall.yawIn + yawOff);
      }
    }
  }
  // Interior grid.
  const xs = st.room.footprint.map((p) => p[0]);
  const ys = st.room.footprint.map((p) => p[1]);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const step = Math.max(0.3, Math.min(maxX - minX, maxY - minY) / 10);
  const c = centroid(st.room.footprint);
  const anchors = (st.bySubject.get(item.id) ?? []).map((r) => st.boxes.get(r.anchor)).filter((b): b is Box => !!b);
  for (const x of range(minX + 0.3, maxX - 0.3, step)) {
    for (const y of range(minY + 0.3, maxY - 0.3, step)) {
      for (const yaw of [0, 90, 180, 270]) push(x, y, yaw);
      for (const a of anchors) push(x, y, yawFacing(a.x - x, a.y - y));
    }
  }
  for (const [dx, dy] of [[0, 0], [0.3, 0], [-0.3, 0], [0, 0.3], [0, -0.3]]) for (const yaw of [0, 90, 180, 270]) push(c[0] + dx, c[1] + dy, yaw);
  // Relative to anchors: front/back/left/right at several gaps, facing the anchor, the same way, or away.
  for (const r of st.bySubject.get(item.id) ?? []) {
    const a = st.boxes.get(r.anchor);
    if (a) out.push(...anchorCandidates(st, item, r, a));
  }
  return out;
}

/**
 * Floor candidates of `item` for one relation `r` to an anchor box `a`: on or under it (a grid over its
 * footprint), else beside each of its sides at gaps of 3, 25 and 60 cm, facing it, turned its way or away
 * (and between it and a second anchor for `between`).
 */
export function anchorCandidates(st: SolveState, item: Item, r: Relation, a: Box): Box[] {
  const { w, d, h } = item.size;
  const out: Box[] = [];
  const push = (x: number, y: number, yawDeg: number) => out.push({ x, y, z: 0, yawDeg: ((yawDeg % 360) + 360) % 360, w, d, h });
  if (r.type === "on_top" || r.type === "under") {
    for (const yaw of [a.yawDeg, a.yawDeg + 90]) push(a.x, a.y, yaw);
    // On a rug the centre may come near its edge (a chair with its front legs on the rug); elsewhere 0.3 m inside.
    const m = a.h <= 0.05 ? 0.1 : 0.3;
    for (const lx of range(-a.w / 2 + m, a.w / 2 - m, 0.3)) for (const ly of range(-a.d / 2 + m, a.d / 2 - m, 0.3)) {
      const [x, y] = fromLocal(a, lx, ly);
      push(x, y, a.yawDeg);
    }
    return out;
  }
  const ext = Math.max(w, d) / 2;
  const minExt = Math.min(w, d) / 2;
  for (const gap of [0.03, 0.25, 0.6]) {
    for (const e of gap < 0.1 ? [minExt, ext] : [ext]) {
      const sides: [number, number][] = [];
      // A quarter of the side plus 1 cm: the side relations take effect a quarter of the way out, and a spot
      // exactly on that line would flip with the placement's rounding to 1 mm.
      const q = a.w / 4 + 0.01;
      for (const lat of [0, -q, q, -a.w / 2 + e, a.w / 2 - e]) {
        sides.push([lat, -(a.d / 2 + gap + e)]);
        sides.push([lat, a.d / 2 + gap + e]);
      }
      for (const lat of [0, -a.d / 4 - 0.01, a.d / 4 + 0.01]) {
        sides.push([a.w / 2 + gap + e, lat]);
        sides.push([-(a.w / 2 + gap + e), lat]);
      }
      for (const [lx, ly] of sides) {
        const [x, y] = fromLocal(a, lx, ly);
        push(x, y, yawFacing(a.x - x, a.y - y));
        push(x, y, a.yawDeg);
        push(x, y, a.yawDeg + 180);
        if (gap < 0.1) push(x, y, a.yawDeg + 90);
      }
    }
  }
  if (r.type === "between" && r.anchor2) {
    const b = st.boxes.get(r.anchor2);
    if (b) for (const s of [0.5, 0.4, 0.6]) {
      const x = a.x + (b.x - a.x) * s;
      const y = a.y + (b.y - a.y) * s;
      push(x, y, a.yawDeg);
      push(x, y, a.yawDeg + 90);
    }
  }
  return out;
}

/** Height (m) of the bottom of a wall-mounted object by family (eye-level art at ~1.5 m center). */
export function wallMountZ(family: string, h: number, wallHeight: number): number {
  // Wall-hung furniture keeps its working height: the top where the floor-standing piece has it (Neufert).
  const top: Record<string, number> = { vanity: 0.86, sink: 0.86, nightstand: 0.6, toilet: 0.83, desk: 0.75, side_table: 0.6, console_table: 0.8, tv_stand: 0.5, dresser: 0.9, sideboard: 0.85, bookshelf: 1.9 };
  if (family in top) return Math.max(0.05, Math.min(top[family] - h, wallHeight - h - 0.05));
  const center: Record<string, number> = { painting: 1.5, mirror: 1.45, clock: 1.85, tv: 1.2, shelf: 1.45, cabinet: 1.5, towel: 1.1, table_lamp: 1.7, speaker: 1.9, monitor: 1.3 };
  if (family === "curtains") return Math.max(0, Math.min(0.3, wallHeight - h - 0.1));
  const c = center[family] ?? 1.4;
  return Math.max(0.3, Math.min(c - h / 2, wallHeight - h - 0.05));
}

/** Wall candidates for a wall-mounted item at height z. */
export function wallCandidates(st: SolveState, item: Item, z: number): Box[] {
  const { w, d, h } = item.size;
  const out: Box[] = [];
  for (const wall of st.walls) {
    for (const t of range(w / 2 + 0.01, wall.length - w / 2 - 0.01, Math.max(0.15, wall.length / 30))) {
      const x = wall.a[0] + wall.dir[0] * t + wall.normal[0] * (d / 2 + 0.006);
      const y = wall.a[1] + wall.dir[1] * t + wall.normal[1] * (d / 2 + 0.006);
      const blocked = st.room.openings.some((o) => {
        if (o.wall !== wall.index) return false;
        const overlapT = Math.min(t + w / 2, o.offset + o.width / 2) - Math.max(t - w / 2, o.offset - o.width / 2);
        if (overlapT <= 0) return false;
        if (item.info.family === "curtains" && o.kind === "window") return false;
        return o.kind === "door" || (z < o.sill + o.height && z + h > o.sill);
      });
      if (!blocked) out.push({ x, y, z, yawDeg: ((wall.yawIn % 360) + 360) % 360, w, d, h });
    }
  }
  return out;
}
