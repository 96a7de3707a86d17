/** Mentions -> objects (ids, attributes, sizes) and relations between them. */
import { linkClauses, linkNearby, linkOpposite } from "./assemble-clauses";
import { linkElliptical } from "./assemble-elliptical";
import { assignIds } from "./assemble-ids";
import { relationBuilder } from "./assemble-relations";
import type { Assembled, DraftObject } from "./assemble-types";
import type { Mention } from "./mentions";
import type { Token } from "./tokens";
import { ROOM_NOUNS } from "../text/physical";
import { SEAT_FAMILIES, categoryInfo } from "../vocab";

/** Draft objects and the assembler output (defined in assemble-types.ts). */
export type { Assembled, DraftObject } from "./assemble-types";

/** Table families that seats are drawn up around. */
const TABLES = new Set(["dining_table", "kitchen_island", "coffee_table"]);
/** Relations that put a piece beside a rug rather than elsewhere. */
const BY_RUG = new Set(["next_to", "near", "across", "facing", "around", "left", "right", "front", "behind"]);
/** Families that stand on the rug of their group (seating, low tables, beds). */
const RUG_GROUP = new Set(["sofa", "armchair", "chair", "office_chair", "ottoman", "bean_bag", "coffee_table", "side_table", "bench", "stool", "bed"]);

/** True when an object hangs on a wall or from the ceiling (by its support, a mounting word or its kind). */
function hangs(o: DraftObject): boolean {
  const info = categoryInfo(o.category);
  if (o.support === "wall" || o.support === "ceiling" || info.support === "wall" || info.support === "ceiling") return true;
  return o.attributes.tags.some((t) => /^(wall_mounted|mounted|hanging|wall_hung)$/.test(t));
}

/**
 * True when the words from `i` centre the object before them in the room: a posture verb and "centered" ending the
 * clause, or an occupying verb and "the center" ending the clause or followed by "of the <room>".
 */
function centredInRoom(toks: readonly Token[], i: number): boolean {
  const w = (k: number) => toks[k]?.w ?? "";
  const ends = (k: number) => !toks[k] || /^[.,;!?]$/.test(w(k));
  if (/^(stands|sits|is|rests|lies)$/.test(w(i)) && /^(centered|centred)$/.test(w(i + 1))) return ends(i + 2);
  if (!/^(occupies|occupy|commands|command|dominates|dominate|fills|anchors|holds|takes)$/.test(w(i))) return false;
  const j = w(i + 1) === "the" ? i + 2 : i + 1;
  if (!/^(center|centre|middle)$/.test(w(j))) return false;
  if (ends(j + 1)) return true;
  const k = /^(the|a|an|this)$/.test(w(j + 2)) ? j + 3 : j + 2;
  const room = ROOM_NOUNS.has(w(k)) ? k + 1 : ROOM_NOUNS.has(w(k + 1)) ? k + 2 : -1;
  return w(j + 1) === "of" && room > 0 && ends(room);
}

/** Prepositions after which "a/one X" names one of the Xs already described ("two nightstands ... a lamp on one nightstand"). */
const ANCHOR_PREPS = new Set(["on", "onto", "atop", "upon", "beside", "by", "near", "of", "against", "under", "above", "over"]);

/**
 * "one X" / "a X" as the object of a relation preposition, after a group of two or more Xs was described, is a
 * member of that group, not another X (mutates the mentions' kind).
 */
function markMemberReferences(toks: readonly Token[], mentions: Mention[]): void {
  mentions.forEach((m, i) => {
    if (m.kind !== "new" || m.count !== 1 || m.plural) return;
    const first = toks[m.start]?.w;
    if (first !== "one" && first !== "a" && first !== "an") return;
    if (!ANCHOR_PREPS.has(toks[m.start - 1]?.w ?? "")) return;
    if (mentions.slice(0, i).some((p) => p.kind === "new" && p.category === m.category && p.count >= 2)) m.kind = "ref";
  });
}

/** Build objects and relations from mentions. */
export function assemble(toks: readonly Token[], mentions: Mention[]): Assembled {
  markMemberReferences(toks, mentions);
  // Pass 1: ids for new mentions, references and pronouns.
  const { objects, byId, negations } = assignIds(mentions);
  const negated = new Set(negations);
  const rb = relationBuilder(mentions, byId, negated, toks);
  const { relations } = rb;

  // Pass 2: relations from the words between consecutive mentions of a sentence.
  linkClauses(toks, mentions, rb);

  // "nearby" at the end of a clause: near the previously mentioned object.
  linkNearby(toks, mentions, rb.addRel);

  // "against the opposite wall", "across the room": opposite the sentence's (or the previous sentence's) subject.
  linkOpposite(toks, mentions, rb.addRel);

  // Relation phrases with the anchor left unsaid ("on the right", "in front"): anchored on the previous object.
  linkElliptical(toks, mentions, rb);

  // "a desk stands centered.", "a tent occupies the center of the playroom": centred in the room.
  mentions.forEach((m, k) => {
    if (m.kind !== "new" || m.ids.length === 0 || !centredInRoom(toks, m.end)) return;
    // The whole list before the verb: "a sofa and a coffee table occupy the center".
    let first = k;
    while (first > 0 && mentions[first - 1].kind === "new" && toks.slice(mentions[first - 1].end, mentions[first].start).every((t) => t.w === "," || t.w === "and")) first -= 1;
    for (const n of mentions.slice(first, k + 1)) for (const id of n.ids) rb.addRel("middle", id, "room");
  });
  for (const r of [...relations]) {
    const subject = byId.get(r.subject);
    const anchor = byId.get(r.anchor);
    if (!subject || !anchor) continue;
    const subjectFam = categoryInfo(subject.category).family;
    const anchorFam = categoryInfo(anchor.category).family;
    if (r.type === "under") {
      // Under something that hangs is below it: "a vanity beneath a round mirror" is the mirror above the vanity. A
      // thin cover under a standing object carries it: "a rug beneath the sofa" is the sofa standing on the rug.
      if (hangs(anchor)) rb.addRel("above", anchor.id, subject.id);
      else if (categoryInfo(subject.category).route === "thin_cover") rb.addRel("on_top", anchor.id, subject.id);
    }
    // Seats beside a dining table, an island or a coffee table are around it ("a table flanked by six chairs").
    if ((r.type === "next_to" || r.type === "near") && SEAT_FAMILIES.has(subjectFam) && TABLES.has(anchorFam)) rb.addRel("around", subject.id, anchor.id);
    // Seating and low tables placed by a rug ("two chairs face the sofa across a rug", "an armchair next to the rug")
    // stand on its edge: a rug lies under the group it belongs to.
    if (BY_RUG.has(r.type) && anchorFam === "rug" && RUG_GROUP.has(subjectFam)) rb.addRel("on_top", subject.id, anchor.id);
  }
  return { objects: objects.filter((o) => !negated.has(o.category)), relations: relations.filter((r) => !negated.has(byId.get(r.subject)?.category ?? "") && !(byId.has(r.anchor) && negated.has(byId.get(r.anchor)!.category))), negations };
}
