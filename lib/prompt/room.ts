/** Room type, explicit room dimensions and plausible room sizes for the prompt parser. */
import { ROOM_SIZES, ROOM_TYPES } from "./words";

/** Room types named in the text, in order of first appearance (deduplicated). */
export function roomTypesIn(text: string): string[] {
  const lower = text.toLowerCase();
  const found: [number, string][] = [];
  const taken: [number, number][] = [];
  for (const [phrase, type] of ROOM_TYPES) {
    const re = new RegExp(`\\b${phrase.replace(/[- ]/g, "[- ]?")}s?\\b`, "g");
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) {
      const a = m.index;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      if (/^[\s-]+(chair|table|desk|counter|island|cabinet|sink|vanity|lamp|rug|stool|shelf|set|mat|sofa|bench|area|scale|towel|light|cart|chairs|tables|lamps|stools|shelves|cabinets)\b/.test(lower.slice(b))) continue;
      taken.push([a, b]);
      found.push([a, type]);
    }
  }
  found.sort((p, q) => p[0] - q[0]);
  const out: string[] = [];
  for (const [, t] of found) if (!out.includes(t)) out.push(t);
  return out;
}

/** Explicit floor dimensions ("4 x 5 m", "12 by 15 feet") in meters as [w, d], or null. Accepts 1.5..30 m. */
export function explicitRoomSize(text: string): [number, number] | null {
  const re = /(\d+(?:\.\d+)?)\s*(m|meters?|metres?|ft|feet|foot|')?\s*(?:x|by|×)\s*(\d+(?:\.\d+)?)\s*(m\b|meters?|metres?|ft|feet|foot|')?/i;
  const m = re.exec(text);
  if (!m) return null;
  const unit = (m[4] ?? m[2] ?? "").toLowerCase();
  if (!unit) return null;
  const f = unit.startsWith("f") || unit === "'" ? 0.3048 : 1;
  const w = Number(m[1]) * f;
  const d = Number(m[3]) * f;
  if (!(w >= 1.5 && w <= 30 && d >= 1.5 && d <= 30)) return null;
  return [w, d];
}

/** Default floor size [w, d] (m) for a room type; unknown types get a generic 5 x 4.5 m room. */
export function defaultRoomSize(roomType: string): [number, number] {
  return ROOM_SIZES[roomType] ?? ROOM_SIZES.room;
}

/** Room type implied by the objects when the text names none (bed -> bedroom, toilet -> bathroom ...). */
export function roomTypeFromCategories(categories: readonly string[]): string {
  const has = (re: RegExp) => categories.some((c) => re.test(c));
  if (has(/(^|_)bed$|crib|nightstand|wardrobe/)) return "bedroom";
  if (has(/toilet|bathtub|shower|vanity/)) return "bathroom";
  if (has(/fridge|stove|oven|kitchen|counter/)) return "kitchen";
  if (has(/dining_table/)) return "dining_room";
  if (has(/desk|office_chair|monitor/)) return "office";
  if (has(/sofa|tv|coffee_table|armchair/)) return "living_room";
  return "room";
}
