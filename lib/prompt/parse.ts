/**
 * The offline structure stage for prompts: `parsePrompt(text)` turns a room description into a
 * StructureSpec (room type and size, objects with counts, attributes and target sizes, relations after the
 * SceneEval vocabulary, negations, zones for multi-room descriptions).
 */
import { AppError } from "../errors";
import type { ObjectSpec, Relation, StructureSpec, Zone } from "../scene/schema";
import { categoryInfo } from "../vocab";
import { assemble, type DraftObject } from "./assemble";
import { findMentions } from "./mentions";
import { defaultRoomSize, explicitRoomSize, roomTypeFromCategories, roomTypesIn } from "./room";
import { tokenize } from "./tokens";
import { STYLE_WORDS } from "./words";

/** Longest accepted prompt, in characters. */
export const MAX_PROMPT_CHARS = 20_000;

/** Prefix of the notes that name a noun phrase left out because it is no physical thing ("not an object: a cozy mood"). */
export const DROPPED_NOTE = "not an object: ";

/** Default wall height (m) of a residential room. */
export const DEFAULT_WALL_HEIGHT = 2.7;

const FLAT_TOP_FAMILIES = ["desk", "dining_table", "coffee_table", "side_table", "nightstand", "console_table", "dresser", "sideboard", "tv_stand", "kitchen_counter", "kitchen_island", "vanity", "cabinet", "bookshelf", "shelf", "wine_cabinet"];
const TV_SUPPORTS = ["tv_stand", "sideboard", "dresser", "console_table", "cabinet"];
const WALL_WORDS = /^(wall_mounted|mounted|floating|wall_hung|hanging|wall)$/;

function title(category: string, n: number, total: number): string {
  const base = category.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  return total > 1 ? `${base} ${n}` : base;
}

/** Decide the support of every object: explicit on/wall/ceiling first, then category defaults, TVs onto a stand or the wall, small objects onto a flat-topped piece. */
function resolveSupports(objects: DraftObject[], relations: readonly Relation[], notes: string[]): void {
  const byId = new Map(objects.map((o) => [o.id, o]));
  // Objects placed beside something that stands on a surface share that surface ("a ruler left of the pad").
  for (let pass = 0; pass < 2; pass++) {
    for (const r of relations) {
      if (!["left", "right", "next_to", "near", "front", "behind", "between"].includes(r.type)) continue;
      for (const [o, a] of [[byId.get(r.subject), byId.get(r.anchor)], [byId.get(r.anchor), byId.get(r.subject)]]) {
        if (!o || !a || o.support || !a.support?.startsWith("on:") || a.support === `on:${o.id}`) continue;
        const info = categoryInfo(o.category);
        if (info.known && !info.surface) continue;
        o.support = a.support;
        if (!info.known) o.targetSize = { w: Math.min(o.targetSize.w, 0.25), d: Math.min(o.targetSize.d, 0.2), h: Math.min(o.targetSize.h, 0.2) };
      }
    }
  }
  for (const o of objects) {
    if (o.support?.startsWith("on:")) {
      const target = byId.get(o.support.slice(3));
      if (!target || target.support?.startsWith(`on:${o.id}`)) o.support = null;
    }
  }
  for (const o of objects) {
    if (o.support) continue;
    const info = categoryInfo(o.category);
    if (o.attributes.tags.some((t) => WALL_WORDS.test(t)) && ["shelf", "tv", "cabinet", "mirror", "painting", "clock", "table_lamp", "speaker", "monitor", "box", "vanity", "sink", "nightstand", "toilet", "desk", "side_table", "console_table", "tv_stand", "sideboard", "bookshelf", "composed"].includes(info.family)) {
      o.support = "wall";
      continue;
    }
    if (info.family === "tv") {
      const stand = objects.find((p) => TV_SUPPORTS.includes(categoryInfo(p.category).family) && p.support === "floor") ?? objects.find((p) => TV_SUPPORTS.includes(categoryInfo(p.category).family));
      o.support = stand ? `on:${stand.id}` : "wall";
      continue;
    }
    if (info.support !== "floor") {
      o.support = info.support;
      continue;
    }
    if (info.surface && !o.attributes.tags.some((t) => /^(floor|floor_standing|freestanding|standing)$/.test(t))) {
      const prev = objects.filter((p) => p.mention < o.mention && p.support?.startsWith("on:")).pop();
      if (prev && prev.mention >= o.mention - 2 && byId.get(prev.support!.slice(3))) {
        o.support = prev.support;
        continue;
      }
      const before = objects.filter((p) => p.mention <= o.mention && p !== o);
      const pick = [...before].reverse().find((p) => FLAT_TOP_FAMILIES.includes(categoryInfo(p.category).family) && !p.support?.startsWith("on:")) ?? objects.find((p) => p !== o && FLAT_TOP_FAMILIES.includes(categoryInfo(p.category).family) && !p.support?.startsWith("on:"));
      if (pick && pick.targetSize.w * pick.targetSize.d >= o.targetSize.w * o.targetSize.d) {
        o.support = `on:${pick.id}`;
        continue;
      }
      notes.push(`${o.id}: no surface to stand on, placed on the floor`);
    }
    o.support = "floor";
  }
  // Supports form a forest: break any cycle.
  for (const o of objects) {
    const seen = new Set<string>([o.id]);
    let cur = o.support;
    while (cur?.startsWith("on:")) {
      const id = cur.slice(3);
      if (seen.has(id)) {
        o.support = "floor";
        break;
      }
      seen.add(id);
      cur = byId.get(id)?.support ?? null;
    }
  }
}

/**
 * "At the center" said of something standing on an object ("on the desk a monitor is centered", "a bowl sits in
 * the middle") is the centre of that object's top, not the room's middle (mutates the relations).
 */
function centreOnSupports(objects: DraftObject[], relations: Relation[]): void {
  const byId = new Map(objects.map((o) => [o.id, o]));
  for (let i = relations.length - 1; i >= 0; i--) {
    const r = relations[i];
    const sup = byId.get(r.subject)?.support;
    if (r.type !== "middle" || r.anchor !== "room" || !sup?.startsWith("on:") || !byId.has(sup.slice(3))) continue;
    if (relations.some((q) => q.type === "middle" && q.subject === r.subject && q.anchor === sup.slice(3))) relations.splice(i, 1);
    else relations[i] = { type: "middle", subject: r.subject, anchor: sup.slice(3) };
  }
}

/** Fit the objects standing on each support: grow the support's top up to 1.4x, then shrink the items (down to 0.5x) until they cover at most 45% of it. */
function fitSurfaces(objects: DraftObject[]): void {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const groups = new Map<string, DraftObject[]>();
  for (const o of objects) {
    if (!o.support?.startsWith("on:")) continue;
    const k = o.support.slice(3);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(o);
  }
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  for (const [sid, items] of groups) {
    const sup = byId.get(sid);
    if (!sup) continue;
    const need = items.reduce((a, o) => a + o.targetSize.w * o.targetSize.d, 0) / 0.45;
    let area = sup.targetSize.w * sup.targetSize.d;
    if (need > area && sup.support === "floor" && categoryInfo(sup.category).family !== "rug") {
      const g = Math.min(1.4, Math.sqrt(need / area));
      sup.targetSize = { ...sup.targetSize, w: r3(sup.targetSize.w * g), d: r3(sup.targetSize.d * g) };
      area = sup.targetSize.w * sup.targetSize.d;
    }
    if (need > area) {
      const f = Math.max(0.5, Math.sqrt(area / need));
      for (const o of items) o.targetSize = { w: r3(o.targetSize.w * f), d: r3(o.targetSize.d * f), h: r3(o.targetSize.h * Math.max(f, 0.8)) };
    }
    for (const o of items) {
      if (o.targetSize.w > sup.targetSize.w) o.targetSize = { ...o.targetSize, w: r3(sup.targetSize.w * 0.9) };
      if (o.targetSize.d > sup.targetSize.d) o.targetSize = { ...o.targetSize, d: r3(sup.targetSize.d * 0.9) };
    }
  }
}

/** Largest rug (m) a carried group grows a rug to (a large room-size rug, 12 x 15 ft). */
const MAX_RUG: readonly [number, number] = [4.6, 3.7];

/**
 * A rug that carries furniture ("an armchair on the rug", "a rug under the sofa and the coffee table") grows so
 * that what stands on it fits: its long side at least the longest piece plus 0.4 m, its area at least the
 * pieces' plan areas with 0.3 m of clearance each, up to MAX_RUG (mutates the rugs' target sizes).
 */
function fitRugs(objects: DraftObject[], relations: readonly Relation[]): void {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const r2 = (v: number) => Math.round(v * 100) / 100;
  for (const rug of objects) {
    if (categoryInfo(rug.category).family !== "rug" || rug.support !== "floor") continue;
    const carried = [...new Set(relations.filter((r) => r.type === "on_top" && r.anchor === rug.id).map((r) => r.subject))]
      .map((id) => byId.get(id))
      .filter((o): o is DraftObject => !!o && o.support === "floor" && categoryInfo(o.category).family !== "rug");
    if (carried.length === 0) continue;
    let [w, d] = rug.targetSize.w >= rug.targetSize.d ? [rug.targetSize.w, rug.targetSize.d] : [rug.targetSize.d, rug.targetSize.w];
    const longest = Math.max(...carried.map((o) => Math.max(o.targetSize.w, o.targetSize.d)));
    const need = carried.reduce((a, o) => a + (o.targetSize.w + 0.3) * (o.targetSize.d + 0.3), 0);
    const g = Math.max(1, (longest + 0.4) / w, Math.sqrt(need / (w * d)));
    if (g <= 1) continue;
    w = Math.min(MAX_RUG[0], w * g);
    d = Math.min(MAX_RUG[1], d * g);
    rug.targetSize = rug.targetSize.w >= rug.targetSize.d ? { ...rug.targetSize, w: r2(w), d: r2(d) } : { ...rug.targetSize, w: r2(d), d: r2(w) };
  }
}

/** Room floor size (m) so that floor furniture covers at most ~35% of the floor (clearance rule of thumb). */
function fitRoomSize(base: [number, number], objects: DraftObject[], explicit: boolean): [number, number] {
  if (explicit) return base;
  const floorArea = objects
    .filter((o) => o.support === "floor" && categoryInfo(o.category).family !== "rug")
    .reduce((a, o) => a + (o.targetSize.w + 0.3) * (o.targetSize.d + 0.3), 0);
  const [w, d] = base;
  const need = floorArea / 0.35;
  if (need <= w * d) return base;
  const f = Math.sqrt(need / (w * d));
  return [Math.round(w * f * 10) / 10, Math.round(d * f * 10) / 10];
}

/**
 * Parse a room description into a StructureSpec.
 * Throws AppError `empty_prompt` for empty/whitespace text and `prompt_too_long` above 20,000 characters.
 * A description naming nothing known yields zero objects and a note.
 */
export function parsePrompt(text: string): StructureSpec {
  if (typeof text !== "string" || text.trim().length === 0) throw new AppError("empty_prompt", "Describe the room to create.");
  if (text.length > MAX_PROMPT_CHARS) {
    throw new AppError("prompt_too_long", `The description is too long (${text.length} characters; at most ${MAX_PROMPT_CHARS}).`, { length: text.length, max: MAX_PROMPT_CHARS });
  }
  const notes: string[] = [];
  const toks = tokenize(text);
  const dropped: string[] = [];
  const mentions = findMentions(toks, dropped);
  for (const d of dropped) notes.push(`${DROPPED_NOTE}${d}`);
  const { objects, relations, negations } = assemble(toks, mentions);
  resolveSupports(objects, relations, notes);
  centreOnSupports(objects, relations);
  fitSurfaces(objects);
  fitRugs(objects, relations);

  const types = roomTypesIn(text);
  const roomType = types[0] ?? roomTypeFromCategories(objects.map((o) => o.category));
  const explicit = explicitRoomSize(text);
  let base = explicit ?? defaultRoomSize(roomType);
  const zones: Zone[] = [];
  if (types.length > 1) {
    const sizes = types.map(defaultRoomSize);
    const w = Math.min(14, sizes.reduce((a, s) => a + s[0] * 0.8, 0));
    const d = Math.max(...sizes.map((s) => s[1]));
    if (!explicit) base = [Math.round(w * 10) / 10, d];
    let x = -base[0] / 2;
    const total = sizes.reduce((a, s) => a + s[0], 0);
    types.forEach((t, i) => {
      const zw = (base[0] * sizes[i][0]) / total;
      zones.push({ id: `zone-${i + 1}`, kind: t, box: { x: x + zw / 2, y: 0, w: zw, d: base[1] } });
      x += zw;
    });
    notes.push(`several rooms described (${types.join(", ")}): laid out as zones of one room`);
  }
  const [w, d] = fitRoomSize(base, objects, explicit !== null);
  if (objects.length === 0) notes.push("no known objects found in the description");

  const totals = new Map<string, number>();
  for (const o of objects) totals.set(o.category, (totals.get(o.category) ?? 0) + 1);
  const specs: ObjectSpec[] = objects.map((o) => ({
    id: o.id,
    category: o.category,
    name: title(o.category, Number(o.id.split("-").pop()), totals.get(o.category) ?? 1),
    description: o.description,
    attributes: o.attributes,
    targetSize: o.targetSize,
    support: o.support as ObjectSpec["support"],
    footprintId: null,
    zone: null,
    approxCenter: null,
    approxYawDeg: null,
  }));
  const style = [...new Set(tokenize(text).map((t) => t.w).filter((w) => STYLE_WORDS.has(w) && /^(modern|contemporary|minimalist|rustic|vintage|industrial|scandinavian|mid_century|bohemian|boho|traditional|farmhouse|coastal|victorian|art_deco|japanese|zen|cozy|luxurious|luxury|retro|eclectic|tropical|nautical|elegant|playful)$/.test(w)))];
  return {
    roomType,
    roomSize: { w, d, h: DEFAULT_WALL_HEIGHT },
    footprint: null,
    openings: [],
    objects: specs,
    relations,
    negations,
    zones,
    footprints: [],
    style,
    notes,
  };
}
