/** Noun-phrase mentions: quantifier + modifiers + head noun -> category, count and attribute words. */
import { KNOWN_CATEGORIES, canonicalCategory, isPlural, singularize } from "../vocab";
import { colorOf, isAttributeWord, materialOf } from "./attributes";
import { phraseKind } from "../text/physical";
import { categoryInfo, kitFor, memberFamily } from "../vocab";
import { isPunct, type Token } from "./tokens";
import { ARCH_WORDS, FUNCTION_WORDS, GROUP_WORDS, NON_OBJECT_NOUNS, NUMBER_WORDS, SIZE_WORDS, STYLE_WORDS, VERBS } from "./words";

/** Kind of architectural anchor a mention names. */
export type ArchKind = "wall" | "room" | "door" | "window" | "ceiling" | "floor" | "corner" | "middle";

/** A mention in the token stream: `[start, end)` token span. */
export interface Mention {
  start: number;
  end: number;
  s: number;
  kind: "new" | "ref" | "arch" | "pronoun" | "negated";
  category: string;
  count: number;
  modifiers: string[];
  arch?: ArchKind;
  plural: boolean;
  text: string;
  /** Object ids this mention denotes (filled by the assembler). */
  ids: string[];
}

const KNOWN = new Set(KNOWN_CATEGORIES);

function knownCanonical(words: readonly string[]): string | null {
  const c = canonicalCategory(words.join("_"));
  return KNOWN.has(c) ? c : null;
}

function isStop(w: string): boolean {
  return FUNCTION_WORDS.has(w) || VERBS.has(w);
}

/** Parse the numeric quantifier at `i`: returns [count, next index, definite] or null. */
function quantifier(toks: readonly Token[], i: number): [number, number, boolean] | null {
  const w = toks[i]?.w;
  if (!w) return null;
  const next = toks[i + 1]?.w;
  if (w === "the" || w === "its" || w === "their" || w === "this" || w === "that" || w === "these" || w === "those") {
    if (next && NUMBER_WORDS[next] && next !== "a" && next !== "an" && next !== "some") return [NUMBER_WORDS[next], i + 2, true];
    return [0, i + 1, true];
  }
  let count: number | undefined;
  let j = i + 1;
  if (/^\d+$/.test(w) && Number(w) > 0 && Number(w) < 50) count = Number(w);
  else if (w in NUMBER_WORDS && w !== "both") count = NUMBER_WORDS[w];
  if (count === undefined) return null;
  if ((w === "a" || w === "an") && next && (next === "few" || next === "couple" || next === "dozen")) {
    count = NUMBER_WORDS[next];
    j = i + 2;
    if (toks[j]?.w === "of") j += 1;
  }
  const g = toks[j]?.w;
  if (g && g in GROUP_WORDS && toks[j + 1]?.w === "of") {
    const n2 = toks[j + 2]?.w;
    if (n2 && ((n2 in NUMBER_WORDS && n2 !== "a" && n2 !== "an") || /^\d+$/.test(n2))) {
      return [/^\d+$/.test(n2) ? Number(n2) : NUMBER_WORDS[n2], j + 3, false];
    }
    return [(w === "a" || w === "an" ? 1 : count) * GROUP_WORDS[g], j + 2, false];
  }
  return [count, j, false];
}

/** Words that follow an intransitive placement verb ("stands in", "sits beside", "rests on"). */
const PREP_AFTER_VERB = new Set(["in", "on", "at", "by", "near", "next", "beside", "against", "along", "under", "beneath", "below", "above", "over", "behind", "between", "inside", "opposite", "across", "atop", "upon", "to", "tall", "proudly", "quietly", "nearby", "alone", "upright", "there", "here", "out"]);

/** Words for an object's state that may follow its posture verb ("lies open"). */
const STATE_WORDS = new Set(["open", "closed", "folded", "unfolded", "ajar", "upright", "unmade", "rolled", "stacked"]);

/** Nouns spelled like a verb of placement ("a music stand", "a tool set", "a display case"). */
const NOUN_VERB_HEADS = new Set(["stand", "set", "display"]);

/**
 * True when `w`, a noun spelled like a verb, is the head of the phrase `words` so far: the words before it are a
 * singular non-object modifier ("a music stand", "a brush set") and no object follows it. After an object name or
 * a plural it is the verb ("a lamp set on the desk", "two lamps stand"), and before a determiner too ("set the mood").
 * The caller also reads it as the verb after a list before a preposition ("a toaster and a knife block stand beside").
 */
function homonymHead(words: readonly string[], w: string, nxt: string | undefined): boolean {
  if (!NOUN_VERB_HEADS.has(w) || words.length === 0) return false;
  const prev = words[words.length - 1];
  if (KNOWN.has(singularize(prev)) || isPlural(prev)) return false;
  if (w === "set" && (isAttributeWord(prev) || SIZE_WORDS.has(prev))) return false;
  return nxt === undefined || !/^(a|an|the|its|their|his|her|this|that|up|down|off|out|aside|apart)$/.test(nxt);
}

/** Collect noun-phrase words from `i`; returns the word list and end index. */
function phraseWords(toks: readonly Token[], i: number): [string[], number] {
  const words: string[] = [];
  let j = i;
  while (j < toks.length && words.length < 7) {
    const t = toks[j];
    if (isPunct(t)) break;
    const w = t.w;
    if (w === "and" && words.length > 0 && colorOf(words[words.length - 1]) && toks[j + 1] && colorOf(toks[j + 1].w) && toks[j + 2] && !isPunct(toks[j + 2]) && !isStop(toks[j + 2].w)) {
      words.push(w);
      j += 1;
      continue;
    }
    const nxt = toks[j + 1]?.w;
    // "a neatly rolled towel", "a directly lit lamp", "a nearby desk": an adverb (or "nearby") opening the phrase
    // qualifies what follows.
    if (words.length === 0 && (/ly$/.test(w) || w === "nearby") && isStop(w) && nxt !== undefined && !isPunct(toks[j + 1]) && !isStop(nxt)) {
      j += 1;
      continue;
    }
    const prevW = words[words.length - 1];
    const compound = (nxt !== undefined && !isPunct(toks[j + 1]) && knownCanonical([w, nxt]) !== null) || (prevW !== undefined && knownCanonical([prevW, w]) !== null);
    // Number agreement: after "a/an/one/each" a plural-looking second word of a compound is the verb ("a plant stands
    // in the corner", "a lamp shades the desk"), not the compound's plural ("two plant stands").
    if (compound && prevW !== undefined && words.length === 1 && /[^s]s$/.test(w) && /^(a|an|one|each|every|the)$/.test(toks[i - 1]?.w ?? "")) {
      const after = toks[j + 1];
      const verbNext = !after || isPunct(after) || PREP_AFTER_VERB.has(after.w);
      if ((toks[i - 1].w !== "the" || verbNext) && verbNext) break;
    }
    const listed = /^(and|,)$/.test(toks[i - 2]?.w ?? "") && nxt !== undefined && PREP_AFTER_VERB.has(nxt);
    if (isStop(w) && !compound && !(homonymHead(words, w, nxt) && !listed) && !(words.length === 0 && (w === "light" || w === "side" || w === "back" || w === "top"))) break;
    // "the room's corner", "the bedroom wall": a room noun before an architectural element only qualifies it.
    const archNext = toks[j + 1] !== undefined && ARCH_WORDS[toks[j + 1].w] !== undefined && ARCH_WORDS[toks[j + 1].w] !== "room";
    // "a bathroom cabinet", "the office chair": a room noun before an object noun only qualifies it.
    const objectNext = nxt !== undefined && !isPunct(toks[j + 1]) && !isStop(nxt) && !ROOM_NOUNS.has(nxt) && KNOWN.has(singularize(nxt));
    if (ROOM_NOUNS.has(w) && !compound && !archNext && !objectNext && (!toks[j + 1] || isPunct(toks[j + 1]) || isStop(toks[j + 1].w) || w.endsWith("room"))) {
      words.push(w);
      j += 1;
      break;
    }
    if (w in NUMBER_WORDS && words.length > 0 && w !== "single") break;
    // "a rubber frog balances on the rim": after a singular determiner, an unknown word ending in -s right before a
    // preposition is the verb, not part of the name.
    if (words.length > 0 && /[^aiousy]s$/.test(w) && nxt !== undefined && PREP_AFTER_VERB.has(nxt) && /^(a|an|one|each|every|this|that)$/.test(toks[i - 1]?.w ?? "") && !KNOWN.has(singularize(w)) && knownCanonical([...words.slice(-1), w]) === null) break;
    if (words.length > 0 && /s$/.test(w) && nxt !== undefined && /^(a|an|the|its|their|his|her|into|onto|toward|towards)$/.test(nxt) && !KNOWN.has(singularize(w)) && knownCanonical([...words.slice(-1), w]) === null) break;
    if (/(ing|ed)$/.test(w) && w.length > 5 && words.length > 0) {
      const nx = toks[j + 1];
      if (!nx || isPunct(nx) || isStop(nx.w)) {
        if (!knownCanonical([...words.slice(-1), w]) && !KNOWN.has(singularize(w))) break;
      }
    }
    words.push(w);
    j += 1;
  }
  return [words.filter((w) => w !== "and"), j];
}

/** Split phrase words into [category, modifier words]; null when the head is not an object. */
export function categoryOf(words: readonly string[]): { category: string; modifiers: string[]; arch?: ArchKind } | null {
  if (words.length === 0) return null;
  const n = words.length;
  const head = words[n - 1];
  for (let L = Math.min(4, n); L >= 1; L--) {
    const known = knownCanonical(words.slice(n - L));
    if (known) {
      let start = n - L;
      if (start > 0 && L === 1 && !isAttributeWord(words[start - 1]) && !(words[start - 1] in ARCH_WORDS) && !NON_OBJECT_NOUNS.has(words[start - 1])) {
        start -= 1;
      } else if (start > 0 && /^(ceiling|ceiling_mounted|pendant|wall|wall_mounted)$/.test(words[start - 1]) && categoryInfo(`${words[start - 1].replace(/_mounted$/, "")}_${words[n - 1]}`).support !== categoryInfo(known).support) {
        // "ceiling lamp", "wall lamp": the mounting word makes it another kind of fixture (a ceiling light, a sconce).
        return { category: canonicalCategory(`${words[start - 1].replace(/_mounted$/, "")}_${words[n - 1]}`), modifiers: words.slice(0, start - 1) };
      }
      const category = start < n - L ? canonicalCategory(words.slice(start).join("_")) : known;
      return { category, modifiers: words.slice(0, start) };
    }
  }
  const sing = singularize(head);
  if (head in ARCH_WORDS || sing in ARCH_WORDS) {
    const a = ARCH_WORDS[head] ?? ARCH_WORDS[sing];
    const arch: ArchKind = head === "center" || head === "centre" || head === "middle" ? "middle" : a;
    return { category: a, modifiers: words.slice(0, n - 1), arch };
  }
  if ((NON_OBJECT_NOUNS.has(head) || NON_OBJECT_NOUNS.has(sing)) && n >= 2 && !colorOf(words[n - 2]) && !SIZE_WORDS.has(words[n - 2]) && !STYLE_WORDS.has(words[n - 2]) && !(words[n - 2] in ARCH_WORDS)) {
    // A noun compound names a thing even when its head alone does not ("play kitchen", "puzzle piece", "shower panel").
    const compound = canonicalCategory(`${words[n - 2]}_${sing}`);
    if (KNOWN.has(compound) || kitFor(compound) !== null) return { category: compound, modifiers: words.slice(0, n - 2) };
  }
  if (NON_OBJECT_NOUNS.has(head) || NON_OBJECT_NOUNS.has(sing) || isAttributeWord(head) || head.length < 3) return null;
  if (/^\d/.test(head) || /(ly)$/.test(head)) return null;
  let start = n - 1;
  while (start > 0 && n - start < 3 && !isAttributeWord(words[start - 1]) && !NON_OBJECT_NOUNS.has(words[start - 1]) && !(words[start - 1] in ARCH_WORDS)) {
    start -= 1;
  }
  return { category: canonicalCategory(words.slice(start).join("_")), modifiers: words.slice(0, start) };
}

/** Attribute words right after a phrase: "in lime green and violet", "in navy velvet". Returns [words, end]. */
function trailingAttributes(toks: readonly Token[], i: number): [string[], number] {
  if (toks[i]?.w !== "in" && toks[i]?.w !== "made") return [[], i];
  let j = i + 1;
  if (toks[i].w === "made" && toks[j]?.w === "of") j += 1;
  const words: string[] = [];
  while (j < toks.length) {
    const w = toks[j].w;
    if (w === "and" || w === "or") {
      j += 1;
      continue;
    }
    if (colorOf(w) || materialOf(w) || (words.length > 0 && toks[j + 1] && colorOf(`${w}_${toks[j + 1].w}`))) {
      words.push(w);
      j += 1;
      continue;
    }
    if ((w === "light" || w === "dark" || w === "pale" || w === "deep" || w === "bright" || w === "lime" || w === "navy") && toks[j + 1] && colorOf(toks[j + 1].w)) {
      words.push(`${w}_${toks[j + 1].w}`);
      j += 2;
      continue;
    }
    break;
  }
  while (j > i + 1 && (toks[j - 1].w === "and" || toks[j - 1].w === "or")) j -= 1;
  return words.length > 0 ? [words, j] : [[], i];
}

const ROOM_NOUNS = new Set(["bedroom", "bathroom", "kitchen", "office", "playroom", "nursery", "basement", "den", "lounge", "library", "studio", "room", "space", "area", "suite", "retreat", "quarters", "corner", "nook"]);
const CONTAINERS = new Set(["bar", "tube", "tin", "sack", "bag", "tub", "jar", "bottle", "bowl", "box", "basket", "bag", "can", "cup", "glass", "pot", "vase", "tray", "bucket", "crate", "bin", "carton", "pack", "plate", "mug", "bunch", "bouquet", "vial", "flask", "tin", "roll", "case", "rack"]);

const PART_HEADS = new Set(["foot", "head", "base", "surface", "top", "tabletop", "edge", "ledge", "rim", "countertop", "cushion", "cushions", "lid", "seat", "shelves", "end", "side"]);

const PLURALIA = new Set(["scissors", "headphones", "tongs", "pliers", "binoculars", "shears", "earphones", "earbuds", "tweezers", "goggles"]);

const NEGATORS = new Set(["no", "without"]);
const PRONOUNS = new Set(["it", "them", "its", "their"]);

/** Extract every mention of the token stream, in order; noun phrases that name no physical thing are left out and their text pushed to `dropped`. */
export function findMentions(toks: readonly Token[], dropped: string[] = []): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (isPunct(t)) {
      i += 1;
      continue;
    }
    if ((t.w === "its" || t.w === "their") && toks[i + 1] && (PART_HEADS.has(toks[i + 1].w) || (toks[i + 2] && PART_HEADS.has(toks[i + 2].w) && !isStop(toks[i + 1].w)))) {
      const end = PART_HEADS.has(toks[i + 1].w) ? i + 2 : i + 3;
      out.push({ start: i, end, s: t.s, kind: "pronoun", category: "part", count: 0, modifiers: [], plural: false, text: toks.slice(i, end).map((x) => x.raw).join(" "), ids: [] });
      i = end;
      continue;
    }
    if (PRONOUNS.has(t.w) && !(t.w === "its" || t.w === "their")) {
      out.push({ start: i, end: i + 1, s: t.s, kind: "pronoun", category: "", count: 0, modifiers: [], plural: t.w === "them", text: t.raw, ids: [] });
      i += 1;
      continue;
    }
    let negated = false;
    let q: [number, number, boolean] | null = null;
    if (NEGATORS.has(t.w)) {
      negated = true;
      let j = i + 1;
      if (toks[j] && ["a", "an", "any", "single"].includes(toks[j].w)) j += 1;
      q = [0, j, false];
    } else {
      q = quantifier(toks, i);
    }
    const bare = !q;
    const startWords = q ? q[1] : i;
    if (bare) {
      const prev = toks[i - 1];
      const atStart = !prev || isPunct(prev) || FUNCTION_WORDS.has(prev.w) || VERBS.has(prev.w);
      if (!atStart || isStop(t.w)) {
        i += 1;
        continue;
      }
    }
    let from = startWords;
    let groupCount: number | null = null;
    for (let j = startWords; j < Math.min(startWords + 3, toks.length - 1); j++) {
      if (isPunct(toks[j])) break;
      if (toks[j].w in GROUP_WORDS && toks[j + 1].w === "of") {
        const n2 = toks[j + 2]?.w;
        if (n2 && n2 in NUMBER_WORDS && n2 !== "a" && n2 !== "an") {
          groupCount = NUMBER_WORDS[n2];
          from = j + 3;
        } else if (n2 && /^\d+$/.test(n2)) {
          groupCount = Number(n2);
          from = j + 3;
        } else {
          groupCount = GROUP_WORDS[toks[j].w];
          from = j + 2;
        }
        break;
      }
    }
    const [words, end0] = phraseWords(toks, from);
    let end = end0;
    let forced: { category: string; modifiers: string[]; plural: boolean } | null = null;
    if (words.length > 0 && CONTAINERS.has(singularize(words[words.length - 1])) && toks[end]?.w === "of") {
      const [ofWords, ofEnd] = phraseWords(toks, end + 1);
      if (ofWords.length > 0 && ofWords.length <= 3 && !(ofWords[ofWords.length - 1] in ARCH_WORDS)) {
        const cont = singularize(words[words.length - 1]);
        const mods = words.slice(0, -1);
        const plural = isPlural(words[words.length - 1]);
        const noun = [...ofWords.filter((w) => !colorOf(w) && !/(ed|ful|ous|ive)$/.test(w)).map(singularize), cont].slice(-3);
        forced = { category: canonicalCategory(noun.join("_")), modifiers: [...mods, ...ofWords.filter((w) => colorOf(w) || /(ed|ful|ous|ive)$/.test(w))], plural };
        end = ofEnd;
      }
    }
    if (groupCount !== null && q) q = [groupCount, q[1], false];
    let partRef = false;
    const baseCat = !forced && words.length > 1 && PART_HEADS.has(words[words.length - 1]) ? categoryOf(words.slice(0, -1)) : null;
    if (baseCat && !("arch" in baseCat && baseCat.arch) && KNOWN.has(baseCat.category)) {
      words.pop();
      partRef = true;
    }
    let cat = forced ?? categoryOf(words);
    if (cat && !forced && words.length >= 2 && !("arch" in cat && cat.arch) && !KNOWN.has(cat.category)) {
      // A trailing verb the phrase scanner took for the head ("a glass pitcher await", "a frog balances"): back off one word.
      const info = categoryInfo(cat.category);
      const buildable = info.known || info.family !== "box" || kitFor(cat.category) !== null || memberFamily(cat.category) !== null;
      const shorter = buildable ? null : categoryOf(words.slice(0, -1));
      if (shorter && !("arch" in shorter && shorter.arch) && phraseKind(cat.category, toks.slice(i, end).map((x) => x.raw).join(" "), false) !== "physical") {
        const si = categoryInfo(shorter.category);
        if (si.known || si.family !== "box" || kitFor(shorter.category) !== null) {
          cat = shorter;
          words.pop();
          end -= 1;
        }
      }
    }
    if (!cat && !bare && !negated && words.length > 0 && !isAttributeWord(words[words.length - 1]) && !(words[words.length - 1] in ARCH_WORDS)) {
      const kind = phraseKind(singularize(words[words.length - 1]), toks.slice(i, end).map((x) => x.raw).join(" "), false);
      if (kind === "abstract" || kind === "person") dropped.push(toks.slice(i, end).map((x) => x.raw).join(" "));
    }
    if (cat && !("arch" in cat && cat.arch) && !KNOWN.has(cat.category)) {
      const phrase = toks.slice(i, end).map((x) => x.raw).join(" ");
      const info = categoryInfo(cat.category);
      const buildable = info.known || info.family !== "box" || kitFor(cat.category) !== null || memberFamily(cat.category) !== null;
      const kind = phraseKind(cat.category, phrase, buildable);
      if (kind !== "physical") {
        if (!bare && !negated && (kind === "abstract" || kind === "person")) dropped.push(phrase);
        i = Math.max(i + 1, end);
        continue;
      }
    }
    if (!cat) {
      i = Math.max(i + 1, bare ? end : startWords);
      continue;
    }
    const head = words[words.length - 1];
    const plural = forced ? forced.plural : isPlural(head) && !(cat.category === "curtains" && head === "curtains" && !/s$/.test(head));
    const text = toks.slice(i, end).map((x) => x.raw).join(" ");
    if ("arch" in cat && cat.arch) {
      out.push({ start: i, end, s: t.s, kind: "arch", category: cat.category, count: 0, modifiers: cat.modifiers, arch: cat.arch, plural, text, ids: [] });
      i = end;
      continue;
    }
    const sentenceStart = i === 0 || (isPunct(toks[i - 1]) && /^[.;!?]$/.test(toks[i - 1].w));
    const prevMention = out[out.length - 1];
    const listItem = !!prevMention && prevMention.kind === "new" && (prevMention.end === i - 1 || prevMention.end === i - 2) && (toks[i - 1].w === "," || toks[i - 1].w === "and");
    // A bare plural after a verb or "with" ("a vase holds fresh peonies") names things when its kind is buildable.
    const prevTok = toks[i - 1]?.w;
    const info = categoryInfo(cat.category);
    const kindKnown = info.family !== "box" || kitFor(cat.category) !== null || memberFamily(cat.category) !== null;
    const heldPlural = plural && prevTok !== undefined && (VERBS.has(prevTok) || prevTok === "with") && kindKnown;
    if (bare && !((plural || sentenceStart || listItem) && (KNOWN.has(cat.category) || heldPlural))) {
      i = end;
      continue;
    }
    const [trail, end2] = trailingAttributes(toks, end);
    // "a magazine lies open", "the lid stands ajar": a state word after a posture verb describes the object.
    const state = toks[end2 + 1]?.w;
    if (state && STATE_WORDS.has(state) && /^(lies|lie|sits|sit|stands|stand|rests|rest|is|are|lay|hangs|hang)$/.test(toks[end2]?.w ?? "")) trail.push(state);
    let count = q ? q[0] : plural ? 2 : 1;
    if (PLURALIA.has(head) && !negated) count = q && q[0] > 1 && !(toks[i + 1]?.w === "pair" || toks[i].w === "pair") ? q[0] / (toks.slice(i, startWords + 2).some((x) => x.w === "pair") ? 2 : 1) : 1;
    const definite = q ? q[2] : false;
    if (!negated && !definite && count === 1 && plural && (t.w === "a" || t.w === "an")) count = 1;
    if (!negated && !definite && plural && count === 1 && t.w !== "a" && t.w !== "an") count = 2;
    if (!negated && q && !definite && (toks[i].w === "some" || toks[i].w === "several" || toks[i].w === "various") && !plural) count = 1;
    out.push({
      start: i,
      end: end2,
      s: t.s,
      kind: negated ? "negated" : definite || partRef ? "ref" : "new",
      category: cat.category,
      count: negated ? 0 : definite ? (count || (plural ? 2 : 1)) : Math.max(1, count),
      modifiers: [...cat.modifiers, ...trail],
      plural,
      text,
      ids: [],
    });
    i = end2;
  }
  return out;
}
