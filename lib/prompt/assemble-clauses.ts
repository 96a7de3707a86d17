/** Pass 2 of the assembler: relations from the words between consecutive mentions. */
import type { RelationType } from "../scene/schema";
import { categoryInfo } from "../vocab";
import type { RelationBuilder } from "./assemble-relations";
import { ARTICLES, FLAT_TOPS, FURNITURE, PREPS, SPATIAL } from "./assemble-words";
import type { Mention } from "./mentions";
import { gapKind } from "./relation-words";
import { isSentenceEnd, type Token } from "./tokens";

/** Words that end a clause inside a sentence. */
const CLAUSE_BREAK = new Set([",", ";", "and", "while", "whereas", "but", "where"]);
/** A finite holding verb alone between two mentions ("holds", "support", "displays"), not a participle or "with". */
const FINITE_HOLD = /^(holds?|supports?|displays?|carries|carry|bears?|houses?|contains?|showcases?|has|have|features?|stores?|keeps?)$/;
/** Verbs of a locative inversion ("Under the table lies a rug"). */
const INVERSION_VERBS = new Set(["lies", "lie", "stands", "stand", "sits", "sit", "rests", "rest", "hangs", "hang", "is", "are", "sprawls", "waits", "leans", "perches", "sleeps", "glows"]);
/** A participle right after a held thing makes it the holder ("a tent, with a table holding a bunny": the table holds it). */
const PARTICIPLE_HOLD = /^(holding|supporting|displaying|carrying|bearing|topped with|topped by|cradling)$/;
/** Families of small holders whose "with" items lie on or in them (a tray, a plate, a bowl, a basket, a box). */
const VESSELS = new Set(["tray", "plate", "bowl", "basket", "box"]);
/** Relation kinds that may be fronted inside a sentence ("..., and on the table lie ..."). */
const FRONTABLE = new Set(["on_top", "inside"]);

/** Relations from the words between consecutive mentions of a sentence (and fronted relations). */
export function linkClauses(toks: readonly Token[], mentions: Mention[], rb: RelationBuilder): void {
  const { byId, relations, resolvePronoun, addRel, setSupport, area, apply } = rb;
  let lastSubject: string[] = [];
  let lastSentence = -1;
  let coSubjects: string[] = [];
  let withHolder: { holder: string[]; object: Mention } | null = null;
  let holdChain: { holder: string[]; object: Mention } | null = null;
  let frontedAnchor = -1;
  let listEnd = -1;
  const frontedClause = new Set<number>();
  /**
   * The holder of "X holds/supports/displays Y" carries Y: a surface object, or a non-furniture thing on a flat
   * top (or on a holder of unknown kind, "a plinth displays a bust") whose plan is at most the top's; a crowded
   * top's items are shrunk to fit later. A thing of unknown kind held by something is a small thing.
   */
  const canHold = (holder: string, item: string): boolean => {
    const info = categoryInfo(byId.get(item)!.category);
    const h = categoryInfo(byId.get(holder)!.category);
    if (info.surface) return true;
    if (!FLAT_TOPS.has(h.family) && h.known) return false;
    if (info.known && FURNITURE.has(info.family)) return false;
    return !info.known || area(item) <= area(holder);
  };
  /**
   * A relation phrase before mention k (tokens st..start, from the sentence start or a clause boundary) relates the
   * new mentions that follow in the same clause to mention k. True when it applied.
   */
  const applyFronted = (k: number, st: number, sentenceStart: boolean): boolean => {
    const a = mentions[k];
    const pre = toks.slice(st, a.start).map((t) => t.w).filter((w) => !ARTICLES.has(w)).join(" ");
    const pk = pre ? gapKind(pre) : null;
    if (!pk || pk === "hold_rev" || (!sentenceStart && !FRONTABLE.has(pk))) return false;
    if (!sentenceStart && (a.kind === "new" || !PREPS.has(toks[st].w))) return false;
    const anchorIds = a.kind === "pronoun" ? resolvePronoun(k, k) : a.ids;
    const subjects: Mention[] = [];
    for (let j = k + 1; j < mentions.length && mentions[j].s === a.s; j++) {
      if (!sentenceStart && toks.slice(mentions[j - 1].end, mentions[j].start).some((t) => CLAUSE_BREAK.has(t.w) && t.w !== "and" && t.w !== ",")) break;
      if (mentions[j].kind === "new") subjects.push(mentions[j]);
    }
    // "On the desk, a lamp", and locative inversion: "Under the table lies a rug", "Behind the sofa stands a console".
    const inverted = INVERSION_VERBS.has(toks[a.end]?.w ?? "") && subjects.length > 0 && subjects[0].start === a.end + 1 && !pre.includes(",");
    if (!(a.kind !== "new" || toks[a.end]?.w === "," || inverted)) return false;
    const chosen = (pk === "on_top" || pk === "inside") && a.kind !== "arch" ? subjects : subjects.slice(0, 1);
    for (const sm of chosen) apply(pk, sm.ids, a, anchorIds, pre);
    return true;
  };
  for (let k = 0; k < mentions.length; k++) {
    const a = mentions[k];
    if (a.s !== lastSentence) {
      lastSentence = a.s;
      lastSubject = [];
      coSubjects = [];
      // Fronted relation: "On the desk, a lamp ...", "In one corner, a counter ...".
      let st = a.start;
      while (st > 0 && toks[st - 1].s === a.s) st -= 1;
      if (applyFronted(k, st, true)) frontedAnchor = k;
    } else if (k > 0 && mentions[k - 1].s === a.s) {
      // A relation fronted inside a sentence, after a clause boundary: "..., and on the table lie a sewing machine and
      // two rolls", "while on the desk a monitor is centered".
      let st = a.start;
      while (st > mentions[k - 1].end && !CLAUSE_BREAK.has(toks[st - 1].w)) st -= 1;
      if (st > mentions[k - 1].end && st < a.start && applyFronted(k, st, false)) {
        frontedAnchor = k;
        frontedClause.add(k);
        lastSubject = [];
        coSubjects = [];
      }
    }
    const b = mentions[k + 1];
    if (!b || b.s !== a.s) continue;
    if (k < listEnd) continue;
    if (frontedAnchor === k && b.kind === "new") continue;
    if (frontedClause.has(k + 1)) continue;
    const gapToks = toks.slice(a.end, b.start);
    if (gapToks.some((t) => isSentenceEnd(t))) continue;
    const words = gapToks.map((t) => t.w).filter((w) => !ARTICLES.has(w));
    const gap = words.join(" ").replace(/\b(complemented|complementing|illuminated|lit|followed|designed|made|inspired|crafted|upholstered|covered|finished|accented|warmed|brightened)\s+by\b/g, "$1");
    if (words.length > 9) continue;
    const aIds = a.kind === "pronoun" ? resolvePronoun(k, k) : a.ids;
    const bIds = b.kind === "pronoun" ? resolvePronoun(k + 1, k) : b.ids;
    if (/^(,|and|, and|or|as well as|plus|, plus|along with)$/.test(gap) && a.kind === "new" && b.kind === "new") {
      // "A shelf holds two vases, and a toy train sits on the rug": a mention followed by its own verb opens a new
      // clause; it is not one more item of the holder's list.
      const ownVerb = /(^|,) ?and$/.test(gap) && INVERSION_VERBS.has(toks[b.end]?.w ?? "");
      if (holdChain && holdChain.object === a && !ownVerb) {
        for (const s of bIds) {
          if (canHold(holdChain.holder[0], s)) {
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
      // "A bookcase flanks the doorway": beside the door or window.
      if (kind === "flank" && a.kind !== "arch" && b.kind === "arch") apply("next_to", subjIds, b, [], gap);
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
      // The subject of a finite verb is the head of the noun phrase, not the object of its preposition: in "wall
      // shelves above the desk hold books" the shelves hold the books.
      // ", holding two magazines" after "X sits next to Y": a participle after a comma describes the clause's subject.
      const finite = FINITE_HOLD.test(gap) || /^, \w+ing$/.test(gap);
      const aWasAnchor = (a.kind === "ref" || finite) && lastSubject.length > 0 && aIds.length > 0 && relations.some((r) => r.anchor === aIds[0] && lastSubject.includes(r.subject));
      let prevObj: string[] = [];
      for (let j = k - 1; j >= 0 && a.kind === "arch"; j--) {
        if (mentions[j].kind !== "arch" && mentions[j].ids.length > 0) {
          prevObj = mentions[j].ids.slice(0, 1);
          break;
        }
      }
      // "a table holds a tray with a teapot and two cups": what comes with a held tray, plate or basket is on it.
      const vesselInfo = a.kind !== "arch" && aIds.length > 0 ? categoryInfo(byId.get(aIds[0])!.category) : null;
      const vessel = gap === "with" && !!vesselInfo?.known && VESSELS.has(vesselInfo.family) && bIds.every((s) => canHold(aIds[0], s));
      const holder: string[] = /^(, )?(and|while|then) /.test(gap) && lastSubject.length > 0 ? lastSubject : vessel ? aIds : prevHold && prevHold.object === a && !PARTICIPLE_HOLD.test(gap) ? prevHold.holder : a.kind === "arch" ? (lastSubject.length > 0 ? lastSubject : prevObj) : aWasAnchor && !/^with$/.test(gap) ? lastSubject : aIds;
      if (b.kind === "arch" || holder.length === 0) continue;
      const aIds0: string[] = holder;
      const aFam = categoryInfo(byId.get(aIds0[0])!.category).family;
      // "X with Y in front / beside it": Y relates to X spatially, it does not stand on X. With a list ("with a
      // keyboard and a mouse to its right") the words after the whole list say where every item of it goes.
      let lastK = k + 1;
      const withGap = /^(, )?with$/.test(gap);
      if (withGap) {
        while (mentions[lastK + 1] && mentions[lastK + 1].s === b.s && mentions[lastK + 1].kind === "new" && lastK - k < 6 && toks.slice(mentions[lastK].end, mentions[lastK + 1].start).every((t) => t.w === "and" || t.w === ",")) lastK += 1;
      }
      const tail: string[] = [];
      for (let j = mentions[lastK].end; j < toks.length && tail.length < 5; j++) {
        if (isSentenceEnd(toks[j]) || toks[j].w === "," || (mentions[lastK + 1] && j >= mentions[lastK + 1].start)) break;
        tail.push(toks[j].w);
      }
      const tailKind = tail.length > 0 ? gapKind(tail.join(" ")) : null;
      // "a vanity topped by a mirror on the wall": the held thing hangs on the wall, it does not stand on X.
      const nextM = mentions[lastK + 1];
      if (lastK === k + 1 && nextM && nextM.s === b.s && nextM.kind === "arch" && (nextM.arch === "wall" || nextM.arch === "ceiling") && tailKind && ["on_top", "hang", "above"].includes(tailKind)) continue;
      const tailTarget = nextM && nextM.s === b.s && nextM.kind !== "pronoun" && toks.slice(mentions[lastK].end, nextM.start).every((t) => !isSentenceEnd(t) && t.w !== ",");
      if (withGap && tailKind && SPATIAL.has(tailKind) && !tailTarget) {
        const listIds = [...bIds, ...mentions.slice(k + 2, lastK + 1).flatMap((m) => m.ids)];
        // What stands beside something on a surface stands on that surface too ("a monitor on the desk, with a
        // keyboard in front of it").
        const base = byId.get(aIds0[0])!.support;
        for (const s of listIds) {
          addRel(tailKind as RelationType, s, aIds0[0]);
          if (base?.startsWith("on:") && byId.has(base.slice(3)) && !byId.get(s)!.support && canHold(base.slice(3), s)) {
            addRel("on_top", s, base.slice(3));
            setSupport(s, base);
          }
        }
        lastSubject = [];
        listEnd = lastK;
        continue;
      }
      for (const s of bIds) {
        if (canHold(aIds0[0], s)) {
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
    const commaPrep = words.length > 1 && words[0] === "," && PREPS.has(words[1]);
    // A second relation phrase after the first one's anchor still describes the first subject when it follows a comma
    // ("a lamp sits atop the desk, to the right of the books") or when the anchor is far larger than the new anchor
    // ("a laptop rests on the desk next to a mug": a desk is not placed by a mug).
    const aWasAnchor = lastSubject.length > 0 && aIds.length > 0 && relations.some((r) => r.anchor === aIds[0] && lastSubject.includes(r.subject));
    const dwarfs = bIds.length > 0 && aIds.length > 0 && lastSubject.length > 0 && [bIds[0], aIds[0], lastSubject[0]].every((id) => byId.has(id)) && categoryInfo(byId.get(aIds[0])!.category).route !== "thin_cover" && area(aIds[0]) > 4 * area(bIds[0]) && area(lastSubject[0]) < area(aIds[0]);
    if ((a.kind === "arch" || (lastSubject.length > 0 && a.kind !== "new" && prepStart) || (aWasAnchor && (commaPrep || (prepStart && dwarfs)))) && lastSubject.length > 0) subj = lastSubject;
    if (a.kind === "arch" && subj === aIds) continue;
    if (subj !== aIds && subj.some((id) => byId.get(id)?.support?.startsWith("on:")) && kind === "on_top") subj = subj.filter((id) => !byId.get(id)?.support?.startsWith("on:"));
    const all = [...coSubjects.filter((s) => !relations.some((r) => r.subject === s)), ...subj];
    if (apply(kind, all, b, bIds, gap, mentions[k + 2])) lastSubject = subj;
    coSubjects = [];
  }
}

/** "nearby" at the end of a clause: near the previously mentioned object. */
export function linkNearby(toks: readonly Token[], mentions: Mention[], addRel: RelationBuilder["addRel"]): void {
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
}

/**
 * "the opposite wall", "the opposite corner", "across the room": opposite the sentence's first object (its
 * subject, the preferred antecedent of centering theory), or, when the phrase describes that first object, the
 * first object of the sentence before. The subject is the object before the phrase in its clause, or the first
 * new object after it when the phrase is fronted ("On the opposite wall, a credenza ...").
 */
export function linkOpposite(toks: readonly Token[], mentions: Mention[], addRel: RelationBuilder["addRel"]): void {
  const isObj = (m: Mention) => (m.kind === "new" || m.kind === "ref") && m.ids.length > 0;
  mentions.forEach((m, k) => {
    if (m.kind !== "arch") return;
    const before = toks[m.start - 1]?.w;
    const opposite = (m.arch === "wall" || m.arch === "corner") && before === "opposite";
    const across = m.arch === "room" && (toks[m.start - 1]?.w === "across" || toks[m.start - 2]?.w === "across");
    if (!opposite && !across) return;
    let subject: Mention | undefined;
    for (let j = k - 1; j >= 0 && mentions[j].s === m.s; j--) {
      if (toks.slice(mentions[j].end, m.start).some((t) => t.w === "," || t.w === ";")) break;
      if (isObj(mentions[j])) {
        subject = mentions[j];
        break;
      }
    }
    if (!subject) subject = mentions.slice(k + 1).find((n) => n.s === m.s && n.kind === "new" && n.ids.length > 0);
    if (!subject) return;
    const first = (s: number) => mentions.find((n) => n.s === s && isObj(n));
    let anchor = first(m.s);
    if (!anchor || anchor === subject || anchor.ids.some((id) => subject!.ids.includes(id))) {
      const prev = [...mentions].reverse().find((n) => n.s < m.s && isObj(n));
      anchor = prev ? first(prev.s) : undefined;
    }
    if (!anchor || anchor.ids.some((id) => subject!.ids.includes(id))) return;
    for (const id of subject.ids) addRel("across", id, anchor.ids[0]);
  });
}
