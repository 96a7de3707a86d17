/** Mentions -> objects (ids, attributes, sizes) and relations between them. */
import type { Attributes, Relation, RelationType, Size3 } from "../scene/schema";
import { categoryInfo } from "../vocab";
import { addAttributeWords, colorOf, emptyAttributes, materialOf } from "./attributes";
import type { Mention } from "./mentions";
import { gapKind, type GapKind } from "./relation-words";
import { isSentenceEnd, type Token } from "./tokens";
import { targetSizeFor } from "./sizes";

/** An object under construction. */
export interface DraftObject {
  id: string;
  category: string;
  description: string;
  attributes: Attributes;
  targetSize: Size3;
  /** `floor` | `wall` | `ceiling` | `on:<id>`; null until decided. */
  support: string | null;
  mention: number;
}

/** Output of the assembler. */
export interface Assembled {
  objects: DraftObject[];
  relations: Relation[];
  negations: string[];
}

const PART_WORDS = new Set(["countertop", "counter_top", "tabletop", "table_top", "desktop", "surface", "top", "shelf_top", "ledge", "edge", "countertop_surface"]);
const COUNTER_TOPS = new Set(["kitchen_counter", "vanity", "kitchen_island", "sink", "sideboard", "cabinet"]);
const TABLE_TOPS = new Set(["dining_table", "coffee_table", "side_table", "console_table", "desk", "nightstand"]);
const SPATIAL: ReadonlySet<GapKind> = new Set(["front", "behind", "left", "right", "next_to", "near", "facing", "around", "under", "above"]);
const FURNITURE = new Set(["bed", "bunk_bed", "crib", "nightstand", "wardrobe", "dresser", "cabinet", "sideboard", "desk", "dining_table", "coffee_table", "side_table", "console_table", "chair", "office_chair", "armchair", "sofa", "stool", "bar_stool", "bench", "ottoman", "bean_bag", "tv_stand", "bookshelf", "rug", "fridge", "stove", "kitchen_counter", "kitchen_island", "toilet", "bathtub", "shower", "vanity", "washing_machine"]);
const ARTICLES = new Set(["the", "a", "an", "its", "their", "his", "her"]);
const PREPS = new Set(["to", "on", "in", "at", "near", "next", "beside", "by", "under", "above", "over", "below", "beneath", "behind", "between", "around", "across", "against", "along", "alongside", "atop", "inside", "within", "opposite", "facing", "toward", "towards", "adjacent", "close", "upon", "onto"]);
const WALL_MOUNTABLE = new Set(["painting", "mirror", "clock", "shelf", "tv", "curtains", "towel", "table_lamp", "speaker", "box", "cabinet", "monitor", "basket", "potted_plant", "vase", "ceiling_light"]);
const FLAT_TOPS = new Set(["desk", "dining_table", "coffee_table", "side_table", "console_table", "nightstand", "dresser", "sideboard", "tv_stand", "kitchen_counter", "kitchen_island", "cabinet", "bookshelf", "shelf", "vanity", "wine_cabinet", "wardrobe", "bench", "stool", "ottoman", "washing_machine", "fridge", "sink", "bathtub", "bed", "sofa", "armchair", "chair", "tray", "plate", "bowl", "basket", "box"]);

/** True when `a` names the same kind as `b` up to a head match ("table" ~ "coffee_table"). */
function sameKind(a: string, b: string): boolean {
  return a === b || a.endsWith(`_${b}`) || b.endsWith(`_${a}`);
}

/** Build objects and relations from mentions. */
export function assemble(toks: readonly Token[], mentions: Mention[]): Assembled {
  const objects: DraftObject[] = [];
  const byId = new Map<string, DraftObject>();
  const perCat = new Map<string, number>();
  const negations: string[] = [];

  const create = (m: Mention, mi: number): string[] => {
    const ids: string[] = [];
    const colors = m.modifiers.filter((w) => colorOf(w));
    const distribute = colors.length > 1 && colors.length === m.count && colors.every((c) => materialOf(c) === null);
    const shared = distribute ? m.modifiers.filter((w) => !colors.includes(w)) : m.modifiers;
    const prefix = m.category.split("_").slice(0, -1);
    for (let k = 0; k < m.count; k++) {
      const n = (perCat.get(m.category) ?? 0) + 1;
      perCat.set(m.category, n);
      const id = `${m.category}-${n}`;
      const words = distribute ? [colors[k], ...shared] : shared;
      let attributes = addAttributeWords(emptyAttributes(), words);
      attributes = { ...attributes, tags: [...attributes.tags, ...prefix.filter((p) => !attributes.tags.includes(p))] };
      const o: DraftObject = {
        id,
        category: m.category,
        description: m.text,
        attributes,
        targetSize: targetSizeFor(m.category, attributes.tags),
        support: null,
        mention: mi,
      };
      objects.push(o);
      byId.set(id, o);
      ids.push(id);
    }
    return ids;
  };

  // Pass 1: ids for new mentions, references and pronouns.
  mentions.forEach((m, mi) => {
    if (m.kind === "negated") {
      if (!negations.includes(m.category)) negations.push(m.category);
      return;
    }
    if (m.kind === "new" && m.category === "sink" && m.modifiers.some((w) => /^(integrated|built_in|undermount|vessel|double|inset)$/.test(w)) && mi > 0 && mentions[mi - 1].ids.length > 0) {
      for (const id of mentions[mi - 1].ids) {
        const o = byId.get(id)!;
        o.attributes = { ...o.attributes, tags: [...o.attributes.tags, ...m.modifiers.map((w) => `${w}_sink`)] };
      }
      m.kind = "ref";
      m.ids = [];
      return;
    }
    if (PART_WORDS.has(m.category)) {
      const preferred = /counter/.test(m.category) ? COUNTER_TOPS : /table/.test(m.category) ? TABLE_TOPS : FLAT_TOPS;
      for (const set of [preferred, FLAT_TOPS]) {
        for (let j = mi - 1; j >= 0; j--) {
          const p = mentions[j];
          if ((p.kind === "new" || p.kind === "ref") && p.ids.length > 0 && set.has(categoryInfo(p.category).family)) {
            m.kind = "ref";
            m.ids = p.ids.slice(0, 1);
            return;
          }
        }
      }
    }
    if (m.kind === "new") m.ids = create(m, mi);
    else if (m.kind === "ref") {
      let found: Mention | undefined;
      for (let j = mi - 1; j >= 0; j--) {
        const p = mentions[j];
        if ((p.kind === "new" || p.kind === "ref") && p.ids.length > 0 && (sameKind(p.category, m.category) || (m.category.length >= 4 && p.category.endsWith(m.category)) || (!categoryInfo(m.category).known && categoryInfo(m.category).family === categoryInfo(p.category).family && categoryInfo(p.category).family !== "box"))) {
          found = p;
          break;
        }
      }
      if (!found) {
        const fam = categoryInfo(m.category).family;
        for (let j = mi - 1; j >= 0 && fam !== "box"; j--) {
          const p = mentions[j];
          if ((p.kind === "new" || p.kind === "ref") && p.ids.length > 0 && categoryInfo(p.category).family === fam) {
            found = p;
            break;
          }
        }
      }
      if (found) m.ids = m.plural ? found.ids : found.ids.slice(0, 1);
      else {
        m.ids = create({ ...m, count: m.plural ? Math.max(2, m.count) : Math.max(1, m.count) }, mi);
        m.kind = "new";
      }
    }
  });
  const negated = new Set(negations);
  const resolvePronoun = (mi: number, before: number): string[] => {
    if (mentions[mi].category === "part") {
      for (let j = mi - 1; j >= 0; j--) {
        const p = mentions[j];
        if ((p.kind === "new" || p.kind === "ref") && p.ids.length > 0 && FLAT_TOPS.has(categoryInfo(p.category).family) && !byId.get(p.ids[0])?.support?.startsWith("on:")) return p.ids.slice(0, 1);
      }
    }
    for (const skipHeld of [true, false]) {
      for (let j = Math.min(mi, before) - 1; j >= 0; j--) {
        const p = mentions[j];
        if ((p.kind === "new" || p.kind === "ref") && p.ids.length > 0) {
          if (skipHeld && byId.get(p.ids[0])?.support?.startsWith("on:")) continue;
          return mentions[mi].plural ? p.ids : p.ids.slice(0, 1);
        }
      }
    }
    return [];
  };

  const relations: Relation[] = [];
  const seen = new Set<string>();
  const addRel = (type: RelationType, subject: string, anchor: string, anchor2?: string) => {
    if (subject === anchor) return;
    const key = `${type}|${subject}|${anchor}|${anchor2 ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push(anchor2 ? { type, subject, anchor, anchor2 } : { type, subject, anchor });
  };
  const setSupport = (id: string, s: string) => {
    const o = byId.get(id);
    if (o && (o.support === null || s.startsWith("on:"))) o.support = s;
  };
  const area = (id: string) => {
    const o = byId.get(id)!;
    return o.targetSize.w * o.targetSize.d;
  };

  /** Apply one relation kind between subject ids and an anchor mention. */
  const apply = (kind: GapKind, subj: string[], anchorM: Mention, anchorIds: string[], gap: string, next?: Mention): boolean => {
    if (anchorM.kind === "arch") {
      const arch = anchorM.arch!;
      for (const s of subj) {
        const fam = categoryInfo(byId.get(s)!.category).family;
        if (arch === "wall") {
          if ((kind === "on_top" || kind === "hang" || kind === "inside" || kind === "above") && WALL_MOUNTABLE.has(fam)) setSupport(s, "wall");
          addRel("against_wall", s, "wall");
        } else if (arch === "corner") addRel("corner", s, "room");
        else if (arch === "middle") {
          if (next && next.kind !== "arch" && next.ids.length > 0 && /\bof\b/.test(gap + " of")) continue;
          addRel("middle", s, "room");
        } else if (arch === "room") {
          if (kind === "center" || /\b(center|centre|middle|centered)\b/.test(gap)) addRel("middle", s, "room");
          else if (kind === "across") addRel("across", s, "door");
          else return false;
        } else if (arch === "floor") {
          if (kind === "center") addRel("middle", s, "room");
          else if (kind === "on_top" || kind === "inside") setSupport(s, "floor");
          else return false;
        } else if (arch === "window") {
          if (kind === "under" || kind === "against") addRel("under_window", s, "window");
          else if (kind === "facing") addRel("facing", s, "window");
          else if (kind === "across") addRel("across", s, "window");
          else addRel("near_window", s, "window");
        } else if (arch === "door") {
          if (kind === "across") addRel("across", s, "door");
          else if (kind === "facing") addRel("facing", s, "door");
          else addRel("near_door", s, "door");
        } else if (arch === "ceiling") {
          setSupport(s, "ceiling");
        }
      }
      return true;
    }
    if (anchorIds.length === 0) return false;
    const anchor = anchorIds[0];
    const anchorFam = categoryInfo(byId.get(anchor)!.category).family;
    for (const s of subj) {
      if (negated.has(byId.get(s)!.category)) continue;
      switch (kind) {
        case "between": {
          const second = anchorIds[1] ?? (next && next.ids.length > 0 ? next.ids[0] : undefined);
          if (second) addRel("between", s, anchor, second);
          else addRel("near", s, anchor);
          break;
        }
        case "left": case "right": case "front": case "behind": case "across": case "facing": case "around": case "above": case "under": case "near": case "next_to":
          addRel(kind, s, anchor);
          if (kind === "above") {
            const fam = categoryInfo(byId.get(s)!.category).family;
            if (categoryInfo(byId.get(s)!.category).support === "ceiling") setSupport(s, "ceiling");
            else if (WALL_MOUNTABLE.has(fam) && fam !== "table_lamp") setSupport(s, "wall");
          }
          break;
        case "hang":
          addRel("above", s, anchor);
          break;
        case "against":
          addRel("next_to", s, anchor);
          break;
        case "around_rev":
        case "next_rev":
          break;
        case "center":
        case "on_top":
        case "inside":
        case "hold_rev": {
          if (anchorFam === "rug") {
            addRel("on_top", s, anchor);
            break;
          }
          if (area(s) > area(anchor) * 1.1 && categoryInfo(byId.get(s)!.category).family !== "rug") {
            addRel("near", s, anchor);
            break;
          }
          addRel("on_top", s, anchor);
          setSupport(s, `on:${anchor}`);
          break;
        }
        default:
          break;
      }
    }
    return true;
  };

  // Pass 2: relations from the words between consecutive mentions of a sentence.
  let lastSubject: string[] = [];
  let lastSentence = -1;
  let coSubjects: string[] = [];
  let withHolder: { holder: string[]; object: Mention } | null = null;
  let holdChain: { holder: string[]; object: Mention } | null = null;
  let frontedAnchor = -1;
  for (let k = 0; k < mentions.length; k++) {
    const a = mentions[k];
    if (a.s !== lastSentence) {
      lastSentence = a.s;
      lastSubject = [];
      coSubjects = [];
      // Fronted relation: "On the desk, a lamp ...", "In one corner, a counter ...".
      const first = k;
      let st = a.start;
      while (st > 0 && toks[st - 1].s === a.s) st -= 1;
      const pre = toks.slice(st, a.start).map((t) => t.w).filter((w) => !ARTICLES.has(w)).join(" ");
      const pk = pre ? gapKind(pre) : null;
      if (pk && pk !== "hold_rev" && (a.kind !== "new" || a.kind === "new")) {
        const anchorIds = a.kind === "pronoun" ? resolvePronoun(k, k) : a.ids;
        const subjects: Mention[] = [];
        for (let j = first + 1; j < mentions.length && mentions[j].s === a.s; j++) {
          if (mentions[j].kind === "new") subjects.push(mentions[j]);
        }
        if (a.kind !== "new" || toks[a.end]?.w === ",") {
          frontedAnchor = k;
          const chosen = (pk === "on_top" || pk === "inside") && a.kind !== "arch" ? subjects : subjects.slice(0, 1);
          for (const sm of chosen) apply(pk, sm.ids, a, anchorIds, pre);
        }
      }
    }
    const b = mentions[k + 1];
    if (!b || b.s !== a.s) continue;
    if (frontedAnchor === k && b.kind === "new") continue;
    const gapToks = toks.slice(a.end, b.start);
    if (gapToks.some((t) => isSentenceEnd(t))) continue;
    const words = gapToks.map((t) => t.w).filter((w) => !ARTICLES.has(w));
    const gap = words.join(" ").replace(/\b(complemented|complementing|illuminated|lit|followed|designed|made|inspired|crafted|upholstered|covered|finished|accented|warmed|brightened)\s+by\b/g, "$1");
    if (words.length > 9) continue;
    const aIds = a.kind === "pronoun" ? resolvePronoun(k, k) : a.ids;
    const bIds = b.kind === "pronoun" ? resolvePronoun(k + 1, k) : b.ids;
    if (/^(,|and|, and|or|as well as|plus|, plus|along with)$/.test(gap) && a.kind === "new" && b.kind === "new") {
      if (holdChain && holdChain.object === a) {
        for (const s of bIds) {
          const info = categoryInfo(byId.get(s)!.category);
          if (info.surface || !info.known) {
            addRel("on_top", s, holdChain.holder[0]);
            setSupport(s, `on:${holdChain.holder[0]}`);
          }
        }
        holdChain = { holder: holdChain.holder, object: b };
        continue;
      }
      coSubjects.push(...aIds);
      continue;
    }
    const prevHold: { holder: string[]; object: Mention } | null = holdChain;
    holdChain = null;
    if (b.kind === "new" && /(,|\band|\bwhile|\bwhereas|\bplus|\bwhich|\bwhere)$/.test(gap) && gap.length > 1 && !/\b(with|holds?|holding|between)\b/.test(gap)) {
      coSubjects = [];
      continue;
    }
    if (/\bnearby\b/.test(gap) && /\bnearby\b.*(,|\band\b)/.test(gap)) {
      coSubjects = [];
      continue;
    }
    const kind = gapKind(gap);
    if (!kind) {
      coSubjects = [];
      continue;
    }
    if (kind === "flank" || kind === "flank_rev") {
      const [subjIds, anchorIds] = kind === "flank" ? [[...coSubjects, ...aIds], bIds] : [bIds, aIds];
      if (a.kind !== "arch" && b.kind !== "arch" && anchorIds.length > 0) {
        subjIds.forEach((s, i) => {
          addRel("next_to", s, anchorIds[0]);
          if (subjIds.length === 2) addRel(i === 0 ? "left" : "right", s, anchorIds[0]);
        });
      }
      lastSubject = kind === "flank" ? aIds : bIds;
      coSubjects = [];
      continue;
    }
    if (kind === "around_rev" || kind === "next_rev") {
      if (a.kind !== "arch" && aIds.length > 0) for (const s of bIds) addRel(kind === "around_rev" ? "around" : "next_to", s, aIds[0]);
      lastSubject = bIds;
      continue;
    }
    if (kind === "hold_rev") {
      const aWasAnchor = a.kind === "ref" && lastSubject.length > 0 && aIds.length > 0 && relations.some((r) => r.anchor === aIds[0] && lastSubject.includes(r.subject));
      let prevObj: string[] = [];
      for (let j = k - 1; j >= 0 && a.kind === "arch"; j--) {
        if (mentions[j].kind !== "arch" && mentions[j].ids.length > 0) {
          prevObj = mentions[j].ids.slice(0, 1);
          break;
        }
      }
      const holder: string[] = /^(, )?(and|while|then) /.test(gap) && lastSubject.length > 0 ? lastSubject : prevHold && prevHold.object === a ? prevHold.holder : a.kind === "arch" ? (lastSubject.length > 0 ? lastSubject : prevObj) : aWasAnchor && !/^with$/.test(gap) ? lastSubject : aIds;
      if (b.kind === "arch" || holder.length === 0) continue;
      const aIds0: string[] = holder;
      const aFam = categoryInfo(byId.get(aIds0[0])!.category).family;
      // "X with Y in front / beside it": Y relates to X spatially, it does not stand on X.
      const tail: string[] = [];
      for (let j = b.end; j < toks.length && tail.length < 5; j++) {
        if (isSentenceEnd(toks[j]) || toks[j].w === "," || (mentions[k + 2] && j >= mentions[k + 2].start)) break;
        tail.push(toks[j].w);
      }
      const tailKind = tail.length > 0 ? gapKind(tail.join(" ")) : null;
      if (gap === "with" && tailKind && SPATIAL.has(tailKind) && !(mentions[k + 2] && mentions[k + 2].s === b.s && toks.slice(b.end, mentions[k + 2].start).every((t) => !isSentenceEnd(t) && t.w !== ","))) {
        for (const s of bIds) addRel(tailKind as RelationType, s, aIds0[0]);
        lastSubject = [];
        continue;
      }
      for (const s of bIds) {
        const o = byId.get(s)!;
        const info = categoryInfo(o.category);
        if (info.surface || (FLAT_TOPS.has(aFam) && (!info.known || !FURNITURE.has(info.family)) && area(s) < area(aIds0[0]) * 0.6)) {
          if (aFam === "rug") continue;
          addRel("on_top", s, aIds0[0]);
          setSupport(s, `on:${aIds0[0]}`);
        } else addRel(FLAT_TOPS.has(aFam) && /table|desk|island|counter/.test(aFam) ? "around" : "next_to", s, aIds0[0]);
      }
      lastSubject = [];
      withHolder = gap === "with" ? { holder: aIds0, object: b } : null;
      holdChain = { holder: aIds0, object: b };
      continue;
    }
    let subj = aIds;
    if (withHolder && withHolder.object === a) subj = withHolder.holder;
    withHolder = null;
    const prepStart = words.length > 0 && PREPS.has(words[0]);
    if ((a.kind === "arch" || (lastSubject.length > 0 && a.kind !== "new" && prepStart)) && lastSubject.length > 0) subj = lastSubject;
    if (a.kind === "arch" && subj === aIds) continue;
    if (subj !== aIds && subj.some((id) => byId.get(id)?.support?.startsWith("on:")) && kind === "on_top") subj = subj.filter((id) => !byId.get(id)?.support?.startsWith("on:"));
    const all = [...coSubjects.filter((s) => !relations.some((r) => r.subject === s)), ...subj];
    if (apply(kind, all, b, bIds, gap, mentions[k + 2])) lastSubject = subj;
    coSubjects = [];
  }

  // "nearby" at the end of a clause: near the previously mentioned object.
  for (let k = 1; k < mentions.length; k++) {
    const a = mentions[k];
    if (a.kind !== "new") continue;
    let near = false;
    for (let j = a.end; j < Math.min(a.end + 4, toks.length); j++) {
      if (toks[j].w === "nearby") near = true;
      if (/^[.,;!?]$/.test(toks[j].w)) break;
    }
    if (near) {
      for (let j = k - 1; j >= 0; j--) {
        const p = mentions[j];
        if (p.kind === "new" && p.ids.length > 0) {
          for (const s of a.ids) addRel("near", s, p.ids[0]);
          break;
        }
      }
    }
  }
  return { objects: objects.filter((o) => !negated.has(o.category)), relations: relations.filter((r) => !negated.has(byId.get(r.subject)?.category ?? "") && !(byId.has(r.anchor) && negated.has(byId.get(r.anchor)!.category))), negations };
}


