/**
 * Reads a reference phrase ("the left nightstand", "the second chair from the window", "both nightstands",
 * "all chairs", "the lamp next to the bed", "it") into a `RefSpec`. Resolution against a scene is in
 * `resolve.ts`.
 */
import { ARCH_WORDS, COLOR_PHRASES, ORDINAL_WORDS, countOf, isPlural } from "./words";

/** Side words (room frame: left = smaller x, front = smaller y; see geometry.ts). */
export type Side = "left" | "right" | "front" | "back";

/** What a relation points at: another object reference or an architectural element. */
export type Anchor = { kind: "object"; ref: RefSpec } | { kind: "arch"; what: "window" | "door" | "wall" | "center" };

/** A parsed reference. `noun` is the tokens naming the object kind, null for pronouns/selection. */
export interface RefSpec {
  text: string;
  pronoun: boolean;
  quantity: "one" | "all" | "both" | number;
  noun: string[] | null;
  plural: boolean;
  ordinal: number | null;
  side: Side | null;
  color: string | null;
  relation: { type: "near" | "on" | "from"; anchor: Anchor } | null;
  list: RefSpec[] | null;
}

const PRONOUNS = new Set(["it", "this", "that", "them", "these", "those", "selected", "selection", "they", "its", "itself"]);
const SIDE_WORDS: Record<string, Side> = {
  left: "left", leftmost: "left", "left-hand": "left", west: "left", western: "left",
  right: "right", rightmost: "right", "right-hand": "right", east: "right", eastern: "right",
  front: "front", south: "front", southern: "front", frontmost: "front",
  back: "back", rear: "back", north: "back", northern: "back", far: "back", backmost: "back",
};
const SKIP = new Set(["the", "a", "an", "of", "my", "our", "one", "ones", "please", "object", "objects", "thing", "things", "item", "items", "just", "also", "too", "both", "all", "every", "each", "whole", "current", "currently", "same", "side", "other"]);

const RELATION_RE = /^(.*?)\b(next to|near to|near|nearest to|nearest|closest to|closest|beside|by|on top of|sitting on|standing on|on|from|at)\b(.*)$/;

/** Parses a reference phrase (already lowercased). An empty phrase gives a pronoun reference (the selection). */
export function parseReference(phrase: string): RefSpec {
  const text = phrase.replace(/\s+/g, " ").trim();
  const base: RefSpec = { text, pronoun: false, quantity: "one", noun: null, plural: false, ordinal: null, side: null, color: null, relation: null, list: null };
  const parts = text.split(/\s*(?:,|\band\b|&)\s*/).filter((p) => p.length > 0 && !/^(?:the|both|all)$/.test(p));
  if (parts.length > 1 && !/\b(?:next to|near|beside|by|on|from|closest|nearest)\b/.test(text)) {
    const list = parts.map(parseReference);
    if (list.every((r) => r.noun || r.pronoun)) return { ...base, quantity: "all", plural: true, list };
  }
  let head = text;
  const rel = RELATION_RE.exec(text);
  if (rel && rel[1].trim().length > 0 && rel[3].trim().length > 0) {
    head = rel[1];
    const word = rel[2];
    const anchorText = rel[3].trim();
    const sideOnly = /^(?:the\s+)?(left|right|front|back|north|south|east|west)(?:\s+side|\s+wall)?$/.exec(anchorText);
    if (sideOnly && word === "from") {
      const r = parseReference(rel[1]);
      return { ...r, text, side: SIDE_WORDS[sideOnly[1]], ordinal: r.ordinal ?? 1 };
    }
    const anchor = parseAnchor(anchorText);
    const type = word === "from" || word.startsWith("closest") || word.startsWith("nearest") ? "from" : word.startsWith("on") || word.includes(" on") ? "on" : "near";
    base.relation = { type, anchor };
    if ((word.startsWith("closest") || word.startsWith("nearest")) && base.ordinal === null) base.ordinal = 1;
  }
  const tokens = head.split(/\s+/).filter(Boolean);
  const noun: string[] = [];
  for (const t of tokens) {
    if (PRONOUNS.has(t)) {
      base.pronoun = true;
      continue;
    }
    if (t === "all" || t === "every" || t === "each") {
      base.quantity = "all";
      continue;
    }
    if (t === "both") {
      base.quantity = "both";
      continue;
    }
    if (t in ORDINAL_WORDS) {
      base.ordinal = ORDINAL_WORDS[t];
      continue;
    }
    if (t in SIDE_WORDS) {
      base.side = SIDE_WORDS[t];
      continue;
    }
    const n = /^\d+$/.test(t) || ["two", "three", "four", "five", "six"].includes(t) ? countOf(t) : null;
    if (n !== null && n > 1) {
      base.quantity = n;
      continue;
    }
    if (SKIP.has(t)) continue;
    const color = COLOR_PHRASES.find(([c]) => c === t);
    if (color && noun.length === 0 && tokens.indexOf(t) < tokens.length - 1) {
      base.color = color[1];
      continue;
    }
    noun.push(t);
  }
  if (noun.length > 0) {
    base.noun = noun;
    base.plural = isPlural(noun[noun.length - 1]);
    if (base.plural && base.quantity === "one") base.quantity = "all";
  } else if (!base.pronoun && base.quantity === "one" && base.ordinal === null && base.side === null) {
    base.pronoun = true;
  }
  if (base.pronoun && (text.includes("them") || text.includes("these") || text.includes("those") || text.includes("they"))) base.quantity = "all";
  return base;
}

/** Parses the anchor of a relation: "the window", "the door", "the wall", or an object reference. */
export function parseAnchor(text: string): Anchor {
  const words = text.split(/\s+/).filter((w) => w !== "the");
  const last = words[words.length - 1] ?? "";
  if (ARCH_WORDS.has(last)) {
    if (last.startsWith("window")) return { kind: "arch", what: "window" };
    if (last.startsWith("door") || last === "entrance") return { kind: "arch", what: "door" };
    if (last === "center" || last === "middle" || last === "centre" || last === "room") return { kind: "arch", what: "center" };
    return { kind: "arch", what: "wall" };
  }
  return { kind: "object", ref: parseReference(text) };
}
