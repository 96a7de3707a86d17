/**
 * Footprint boxes of the structure review step in image pixels (origin top-left, y down), their geometry under
 * a yaw, category suggestions for the picker and lengths typed for the scale ("2.0 m").
 */
import type { Footprint } from "@/lib/scene";

/** A box being edited: image pixels of the unrotated box, yaw in degrees CCW in the room frame (CSS turns by -yaw). */
export interface ReviewBox {
  id: string;
  category: string;
  confidence: number | null;
  box: { x: number; y: number; w: number; h: number };
  yawDeg: number;
  alternatives: string[];
}

/** Boxes from the structure stage's footprints, largest first so that smaller boxes lie on top of larger ones. */
export function boxesFromFootprints(fps: Footprint[]): ReviewBox[] {
  return fps
    .map((f) => ({
      id: f.id,
      category: f.category,
      confidence: f.confidence,
      box: { ...f.boxPx },
      yawDeg: f.yawFixed && typeof f.yawDeg === "number" ? f.yawDeg : 0,
      alternatives: (f.alternatives ?? []).map((a) => a.category).filter((c) => c !== f.category),
    }))
    .sort((a, b) => b.box.w * b.box.h - a.box.w * a.box.h);
}

/** Snake_case category from what the user typed ("Floor lamp" -> "floor_lamp"); "" when nothing usable is left. */
export function toCategory(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^([0-9])/, "x$1");
}

/**
 * Picker entries for `query`: the detector's alternatives first, then known categories (exact match, then prefix,
 * then substring of any word), at most `limit`; an empty query gives the alternatives then the first known ones.
 */
export function suggestCategories(query: string, alternatives: readonly string[], known: readonly string[], limit = 8): string[] {
  const q = toCategory(query);
  const rank = (c: string) => (!q ? 2 : c === q ? 0 : c.startsWith(q) ? 1 : c.split("_").some((w) => w.startsWith(q)) ? 2 : c.includes(q) ? 3 : -1);
  const alt = alternatives.filter((c) => rank(c) >= 0);
  const rest = known
    .filter((c) => !alt.includes(c) && rank(c) >= 0)
    .map((c, i) => [c, rank(c), i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([c]) => c);
  const exactFirst = q && rest[0] !== q && known.includes(q) ? [q, ...rest.filter((c) => c !== q)] : rest;
  return [...alt, ...exactFirst].slice(0, limit);
}

const UNITS: Record<string, number> = { m: 1, meter: 1, meters: 1, metre: 1, metres: 1, cm: 0.01, mm: 0.001, ft: 0.3048, feet: 0.3048, foot: 0.3048, in: 0.0254, inch: 0.0254, inches: 0.0254, "'": 0.3048, '"': 0.0254 };

/** Meters from a typed length ("2.0 m", "180cm", "6 ft", "2,5"; a bare number is meters), or null when unreadable or not positive. */
export function parseLength(text: string): number | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z'"]*)\s*$/i.exec(text);
  if (!m) return null;
  const unit = m[2].toLowerCase() || "m";
  const k = UNITS[unit];
  const v = Number(m[1].replace(",", ".")) * (k ?? NaN);
  return Number.isFinite(v) && v > 0 ? v : null;
}

/** Screen turn (deg, clockwise with y down) of a box with room-frame yaw `yawDeg`. */
export const cssTurn = (yawDeg: number) => -yawDeg;

/** Rotate (x, y) by `deg` clockwise on screen (y down). */
export function turn(x: number, y: number, deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  return [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)];
}

/** Which corner a resize handle drags: sx -1 west / +1 east, sy -1 north / +1 south (the box's own frame). */
export type Corner = { sx: -1 | 1; sy: -1 | 1 };

/**
 * The box after dragging `corner` by the screen delta (dx, dy) px: the opposite corner stays put in the box's own
 * (turned) frame; width and height at least `min` px.
 */
export function resizeBox(b: ReviewBox["box"], yawDeg: number, corner: Corner, dx: number, dy: number, min = 4): ReviewBox["box"] {
  const [lx, ly] = turn(dx, dy, -cssTurn(yawDeg));
  const w = Math.max(min, b.w + corner.sx * lx);
  const h = Math.max(min, b.h + corner.sy * ly);
  const [sx, sy] = turn((corner.sx * (w - b.w)) / 2, (corner.sy * (h - b.h)) / 2, cssTurn(yawDeg));
  const cx = b.x + b.w / 2 + sx;
  const cy = b.y + b.h / 2 + sy;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

/** Room-frame yaw (deg, -180..180, whole degrees) that points the box's north side from its center towards (px, py). */
export function yawTowards(b: ReviewBox["box"], px: number, py: number): number {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  // Screen angle clockwise from "up" (north) is atan2(dx, -dy); the room-frame yaw is its negative.
  const screen = (Math.atan2(px - cx, -(py - cy)) * 180) / Math.PI;
  const yaw = Math.round(-screen);
  return yaw === -180 ? 180 : yaw === 0 ? 0 : yaw;
}
