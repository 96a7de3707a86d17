/**
 * Resolves a `RefSpec` against a scene: by id, name or category (synonyms folded by lib/vocab; "chair"
 * also matches `office_chair`, "lamp" matches `floor_lamp`), ordinal and side ("the left nightstand":
 * left = smaller x in the room frame, see geometry.ts), quantity ("both", "all"), relation ("the lamp
 * next to the bed", "the second chair from the window") and the current selection ("it").
 * Ambiguity yields a question with candidates instead of a guess.
 */
import { err, ok, type Result } from "../errors";
import type { Scene, SceneObject } from "../scene/schema";
import { canonicalCategory } from "../vocab";
import { centroidOf, wallsOf, type Vec2 } from "./geometry";
import type { EditRefusal } from "./plan";
import type { Anchor, RefSpec } from "./reference";
import { singular } from "./words";

/** Display name of an object for questions: its name plus its id. */
export function label(o: SceneObject): string {
  return `${o.name} (${o.id})`;
}

/** Plural display of a noun for questions ("nightstands"). */
function pluralWord(noun: string): string {
  const n = noun.replace(/_/g, " ");
  if (/(s|x|ch|sh)$/.test(n)) return `${n}es`;
  if (/[^aeiou]y$/.test(n)) return `${n.slice(0, -1)}ies`;
  if (n.endsWith("shelf")) return `${n.slice(0, -1)}ves`;
  return `${n}s`;
}

/** Objects whose id, name or category matches noun tokens (longest match first). */
export function matchNoun(objects: readonly SceneObject[], noun: readonly string[]): SceneObject[] {
  const visible = objects;
  const phrase = noun.join(" ");
  const byId = visible.filter((o) => o.id === phrase.replace(/ /g, ""));
  if (byId.length) return byId;
  for (let len = Math.min(noun.length, 4); len >= 1; len--) {
    for (let start = noun.length - len; start >= 0; start--) {
      const span = noun.slice(start, start + len);
      const words = span.join(" ");
      const canon = canonicalCategory(words);
      const sing = span.map((w, i) => (i === span.length - 1 ? singular(w) : w)).join("_");
      let hits = visible.filter((o) => o.category === canon || o.category === sing || o.name.toLowerCase() === words || o.name.toLowerCase() === span.map(singular).join(" "));
      if (!hits.length) hits = visible.filter((o) => o.category.endsWith(`_${canon}`) || o.category.endsWith(`_${sing}`));
      if (!hits.length && len === 1) hits = visible.filter((o) => o.category.startsWith(`${canon}_`) || o.category.endsWith(canon));
      if (hits.length) return hits;
    }
  }
  return [];
}

/** Room-frame point of an architectural anchor: the nearest window/door centre to `near`, the room centre, or the nearest wall point. */
export function archPoint(scene: Scene, what: "window" | "door" | "wall" | "center", near: Vec2): Vec2 | null {
  const room = scene.room;
  if (!room) return null;
  if (what === "center") return centroidOf(room.footprint);
  const walls = wallsOf(room.footprint);
  if (what === "wall") {
    let best: Vec2 | null = null;
    let bd = Infinity;
    for (const w of walls) {
      const ex = w.b[0] - w.a[0];
      const ey = w.b[1] - w.a[1];
      const t = Math.max(0, Math.min(1, ((near[0] - w.a[0]) * ex + (near[1] - w.a[1]) * ey) / (w.length * w.length)));
      const p: Vec2 = [w.a[0] + t * ex, w.a[1] + t * ey];
      const d = Math.hypot(p[0] - near[0], p[1] - near[1]);
      if (d < bd) {
        bd = d;
        best = p;
      }
    }
    return best;
  }
  const pts = openingPoints(scene, what);
  if (!pts.length) return null;
  return pts.sort((a, b) => Math.hypot(a.point[0] - near[0], a.point[1] - near[1]) - Math.hypot(b.point[0] - near[0], b.point[1] - near[1]))[0].point;
}

/** Centres (m) of the room's openings of a kind, with their wall index and id. */
export function openingPoints(scene: Scene, kind: "window" | "door"): { id: string; wall: number; point: Vec2 }[] {
  const room = scene.room;
  if (!room) return [];
  const walls = wallsOf(room.footprint);
  return room.openings
    .filter((o) => o.kind === kind && walls[o.wall])
    .map((o) => {
      const w = walls[o.wall];
      const t = Math.min(1, o.offset / w.length);
      return { id: o.id, wall: o.wall, point: [w.a[0] + t * (w.b[0] - w.a[0]), w.a[1] + t * (w.b[1] - w.a[1])] as Vec2 };
    });
}

function pos(o: SceneObject): Vec2 {
  return [o.placement.x, o.placement.y];
}

/** Resolves an anchor to a point (m) and, for objects, the object. */
export function resolveAnchor(
  scene: Scene,
  anchor: Anchor,
  selection: readonly string[],
  near: Vec2,
): Result<{ point: Vec2; object: SceneObject | null }, EditRefusal> {
  if (anchor.kind === "arch") {
    const p = archPoint(scene, anchor.what, near);
    if (!p) return err({ code: "unsupported_edit", message: `This room has no ${anchor.what}.`, details: { reason: `no_${anchor.what}` } });
    return ok({ point: p, object: null });
  }
  const r = resolveReference(scene, anchor.ref, selection);
  if (!r.ok) return r;
  const o = scene.objects.find((x) => x.id === r.value[0])!;
  return ok({ point: pos(o), object: o });
}

/** Resolves a reference to object ids (at least one), or a refusal: a question when ambiguous, the object list when nothing matches. */
export function resolveReference(scene: Scene, ref: RefSpec, selection: readonly string[]): Result<string[], EditRefusal> {
  if (ref.list) {
    const ids: string[] = [];
    for (const r of ref.list) {
      const one = resolveReference(scene, r, selection);
      if (!one.ok) return one;
      for (const id of one.value) if (!ids.includes(id)) ids.push(id);
    }
    return ok(ids);
  }
  const objects = scene.objects;
  const listing = objects.map((o) => ({ id: o.id, name: o.name }));
  let candidates: SceneObject[];
  let noun = "object";
  if (ref.noun) {
    candidates = matchNoun(objects, ref.noun);
    noun = singular(ref.noun[ref.noun.length - 1]);
    if (!candidates.length) {
      return err({
        code: "unsupported_edit",
        message: `There is no ${ref.noun.join(" ")} in this scene. It has: ${summarize(objects)}.`,
        details: { reason: "no_such_object", objects: listing },
      });
    }
    if (ref.pronoun && selection.length) {
      const sel = candidates.filter((c) => selection.includes(c.id));
      if (sel.length) candidates = sel;
    }
  } else {
    const sel = objects.filter((o) => selection.includes(o.id));
    if (!sel.length) {
      return err({
        code: "ambiguous",
        message: "Which object do you mean? Select one or name it (for example \"the sofa\").",
        details: { question: "Which object do you mean?", candidates: listing },
      });
    }
    return ok(sel.map((o) => o.id));
  }
  if (ref.color) {
    const c = candidates.filter((o) => o.attributes.color?.toLowerCase() === ref.color);
    if (c.length) candidates = c;
  }
  if (ref.relation) {
    const rel = ref.relation;
    if (rel.anchor.kind === "object") {
      const a = resolveReference(scene, rel.anchor.ref, selection);
      if (!a.ok) return a;
      const anchorObj = objects.find((o) => o.id === a.value[0])!;
      candidates = candidates.filter((c) => c.id !== anchorObj.id);
      if (!candidates.length) {
        // The relation names the object itself ("the ride on rocking unicorn" read as a ride on the unicorn).
        return err({
          code: "unsupported_edit",
          message: `There is no ${ref.noun.join(" ")} other than the ${anchorObj.name} in this scene. It has: ${summarize(objects)}.`,
          details: { reason: "no_such_object", objects: listing },
        });
      }
      if (rel.type === "on") {
        const on = candidates.filter((c) => c.support === `on:${anchorObj.id}`);
        if (on.length) candidates = on;
      }
      candidates = candidates.slice().sort((a, b) => footDistance(a, anchorObj) - footDistance(b, anchorObj));
    } else {
      const room = scene.room;
      const anchorWhat = rel.anchor.what;
      candidates = candidates
        .map((c) => ({ c, p: archPoint(scene, anchorWhat, pos(c)) }))
        .filter((x) => x.p !== null || !room)
        .sort((a, b) => dist(pos(a.c), a.p ?? [0, 0]) - dist(pos(b.c), b.p ?? [0, 0]))
        .map((x) => x.c);
    }
    if (ref.ordinal === null && ref.quantity === "one" && rel.type !== "from") {
      if (candidates.length >= 2 && rel.anchor.kind === "object") {
        const a = resolveReference(scene, rel.anchor.ref, selection);
        const anchorObj = a.ok ? objects.find((o) => o.id === a.value[0]) : undefined;
        if (anchorObj) {
          const d0 = footDistance(candidates[0], anchorObj);
          const d1 = footDistance(candidates[1], anchorObj);
          if (Math.abs(d1 - d0) < 0.05) return askWhich(noun, candidates.slice(0, 2));
        }
      }
      return ok([candidates[0].id]);
    }
    if (ref.ordinal !== null) {
      const i = ref.ordinal < 0 ? candidates.length + ref.ordinal : ref.ordinal - 1;
      if (i < 0 || i >= candidates.length) return err(outOfRange(noun, candidates.length, ref.ordinal));
      return ok([candidates[i].id]);
    }
  }
  if (ref.side) {
    const key = (o: SceneObject) => (ref.side === "left" || ref.side === "right" ? o.placement.x : o.placement.y);
    const sorted = candidates.slice().sort((a, b) => key(a) - key(b));
    if (ref.side === "right" || ref.side === "back") sorted.reverse();
    candidates = sorted;
    if (ref.ordinal === null && ref.quantity === "one") {
      if (sorted.length >= 2 && Math.abs(key(sorted[0]) - key(sorted[1])) < 0.05) return askWhich(noun, sorted);
      return ok([sorted[0].id]);
    }
  }
  if (ref.ordinal !== null) {
    const ordered = ref.side ? candidates : candidates.slice().sort((a, b) => a.placement.x - b.placement.x || b.placement.y - a.placement.y);
    const i = ref.ordinal < 0 ? ordered.length + ref.ordinal : ref.ordinal - 1;
    if (i < 0 || i >= ordered.length) return err(outOfRange(noun, ordered.length, ref.ordinal));
    return ok([ordered[i].id]);
  }
  if (ref.quantity === "all") return ok(candidates.map((c) => c.id));
  if (ref.quantity === "both") {
    if (candidates.length !== 2) {
      return err({
        code: "ambiguous",
        message: `There are ${candidates.length} ${pluralWord(noun)}, not 2: which ones do you mean?`,
        details: { question: `Which ${pluralWord(noun)}?`, candidates: candidates.map((c) => ({ id: c.id, name: c.name })) },
      });
    }
    return ok(candidates.map((c) => c.id));
  }
  if (typeof ref.quantity === "number") {
    if (candidates.length < ref.quantity) return err(outOfRange(noun, candidates.length, ref.quantity));
    if (candidates.length === ref.quantity) return ok(candidates.map((c) => c.id));
    return askWhich(noun, candidates);
  }
  if (candidates.length > 1) {
    const sel = candidates.filter((c) => selection.includes(c.id));
    if (sel.length === 1) return ok([sel[0].id]);
    return askWhich(noun, candidates);
  }
  return ok([candidates[0].id]);
}

function dist(a: Vec2, b: Vec2): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Centre distance (m) of a candidate to an anchor; a surface object standing on the anchor counts as 0. */
function footDistance(c: SceneObject, anchor: SceneObject): number {
  if (c.support === `on:${anchor.id}`) return 0;
  return dist(pos(c), pos(anchor));
}

function askWhich(noun: string, cands: readonly SceneObject[]): Result<never, EditRefusal> {
  const where = (o: SceneObject) => `${o.id} at x=${o.placement.x.toFixed(2)} m, y=${o.placement.y.toFixed(2)} m`;
  return err({
    code: "ambiguous",
    message: `Which of the ${cands.length} ${pluralWord(noun)}? ${cands.map(where).join("; ")}. Say "the left ${noun}", "the first ${noun}", "both" or "all", or select one.`,
    details: { question: `Which of the ${cands.length} ${pluralWord(noun)}?`, candidates: cands.map((c) => ({ id: c.id, name: c.name })) },
  });
}

function outOfRange(noun: string, have: number, wanted: number): EditRefusal {
  return {
    code: "unsupported_edit",
    message: `There ${have === 1 ? "is" : "are"} only ${have} ${have === 1 ? noun.replace(/_/g, " ") : pluralWord(noun)} (asked for ${wanted < 0 ? "the last" : `#${wanted}`}).`,
    details: { reason: "ordinal_out_of_range" },
  };
}

/** "bed, 2 nightstands, wardrobe" for messages. */
export function summarize(objects: readonly SceneObject[]): string {
  const counts = new Map<string, number>();
  for (const o of objects) counts.set(o.category, (counts.get(o.category) ?? 0) + 1);
  if (!counts.size) return "no objects";
  return [...counts].map(([c, n]) => (n > 1 ? `${n} ${pluralWord(c)}` : c.replace(/_/g, " "))).join(", ");
}
