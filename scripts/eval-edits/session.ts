/**
 * The instructions of a scripted edit session: a deterministic mix (seeded) of rotate, move relative to
 * another object, add in a corner, resize, widen and mixed moves, written the way a designer types them and
 * naming objects by their category words.
 */
import { categoryInfo } from "../../lib/vocab";

/** What the session needs about an object. */
export interface SessionObject {
  id: string;
  category: string;
  support: string;
}

/** Kinds of edits in a session, in the order the mix cycles through them. */
export const EDIT_KINDS = ["rotate", "move_relative", "add_corner", "resize", "widen", "mixed"] as const;
/** One kind of edit. */
export type EditKind = (typeof EDIT_KINDS)[number];

/** mulberry32, a 32-bit seeded generator (public domain, Tommy Ettinger): -> a function giving floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (category: string) => category.replace(/_/g, " ");
const ADDS = ["plant", "floor lamp", "armchair", "side table", "potted plant", "bookshelf", "stool", "floor plant"];
const CORNERS = ["north-east", "north-west", "south-east", "south-west", ""];

/**
 * The next instruction of kind `kind` for a scene whose objects are `objects` (only those named once by
 * their category can be referred to without ambiguity); null when the scene has nothing to apply it to.
 */
export function instructionFor(kind: EditKind, objects: readonly SessionObject[], rand: () => number): string | null {
  const counts = new Map<string, number>();
  for (const o of objects) counts.set(o.category, (counts.get(o.category) ?? 0) + 1);
  const unique = objects.filter((o) => counts.get(o.category) === 1);
  const floor = unique.filter((o) => o.support === "floor" && categoryInfo(o.category).route !== "thin_cover");
  const pick = <T>(xs: readonly T[]): T | null => (xs.length ? xs[Math.floor(rand() * xs.length)] : null);
  switch (kind) {
    case "rotate": {
      const o = pick(floor);
      return o ? `rotate the ${words(o.category)} ${pick([90, 90, 45, 180, 270])} degrees` : null;
    }
    case "move_relative": {
      const o = pick(floor);
      const a = pick(unique.filter((x) => x.id !== o?.id && x.support === "floor"));
      if (!o || !a) return null;
      const rel = pick(["to the left of", "to the right of", "in front of", "next to", "behind"])!;
      return `move the ${words(o.category)} ${rel} the ${words(a.category)}`;
    }
    case "add_corner": {
      const c = pick(CORNERS)!;
      return `add a ${pick(ADDS)} in the ${c ? `${c} ` : ""}corner`;
    }
    case "resize": {
      const o = pick(floor);
      return o ? `make the ${words(o.category)} ${pick(["20% bigger", "10% smaller", "taller", "30% larger", "a bit bigger"])}` : null;
    }
    case "widen": {
      const o = pick(floor);
      return o ? `make the ${words(o.category)} ${pick(["wider", "20% wider", "longer", "30 cm wider"])}` : null;
    }
    case "mixed": {
      const o = pick(floor);
      if (!o) return null;
      return pick([
        `move the ${words(o.category)} against the ${pick(["north", "south", "east", "west"])} wall`,
        `move the ${words(o.category)} to the centre of the room`,
        `move the ${words(o.category)} into the ${pick(CORNERS.filter(Boolean))} corner`,
        `move the ${words(o.category)} 50 cm to the ${pick(["left", "right"])}`,
        `rotate the ${words(o.category)} 90 degrees and make it 10% bigger`,
      ]);
    }
  }
}
