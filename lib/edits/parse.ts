/**
 * The offline instruction parser: splits a designer's instruction into clauses and reads each into an
 * `Intent` (change properties, move, rotate, face, swap, add, remove, room change). References stay
 * unresolved (`RefSpec`); the router resolves them against the scene.
 */
import { editRelation } from "../text/relations";
import { spellNormalize } from "../text/tokens";
import { parseChanges, isPartWord, type Change, type ParseContext } from "./parse-changes";
import { parseAnchor, parseReference, type Anchor, type RefSpec } from "./reference";
import { LENGTH_RE, countOf, singular, unitToMeters } from "./words";

/** Where a move goes. Offsets in m in the room frame (+x right/east, +y back/north). */
export type Destination =
  | { type: "offset"; dx: number; dy: number }
  | { type: "window"; side: string | null }
  | { type: "door" }
  | { type: "wall"; side: string | null }
  | { type: "center" }
  | { type: "corner"; side: string | null }
  | { type: "near"; relation: "near" | "left" | "right" | "front" | "behind" | "across" | "closer"; anchor: RefSpec }
  | { type: "onto"; anchor: RefSpec };

/** What one clause asks for. */
export type Intent =
  | { type: "change"; target: RefSpec | null; changes: Change[] }
  | { type: "move"; target: RefSpec | null; dest: Destination }
  | { type: "rotate"; target: RefSpec | null; deg: number }
  | { type: "face"; target: RefSpec | null; anchor: Anchor }
  | { type: "swap"; a: RefSpec; b: RefSpec }
  | { type: "add"; count: number; noun: string[]; changes: Change[]; dest: Destination | null }
  | { type: "remove"; target: RefSpec }
  | { type: "room"; target: "walls" | "floor" | "room"; changes: Change[] }
  | { type: "add_window"; side: string | null }
  | { type: "unknown"; text: string };

/** Lowercases and normalises spelling ("colour" -> "color", "centre" -> "center") and drops politeness. */
export function normalize(text: string): string {
  return spellNormalize(text)
    .toLowerCase()
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/(\d)\s*(cm|mm|m)\b/g, "$1 $2")
    .replace(/[!?"]+/g, " ")
    .replace(/\.(?!\d)/g, " ")
    .replace(/\b(please|can you|could you|would you|i want to|i'd like to|i would like to|let's|i want|i'd like|kindly)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const VERB_START = /^(make|move|rotate|turn|spin|paint|add|remove|delete|change|set|give|put|place|swap|push|pull|shift|slide|face|center|recolor|color|resize|scale|lower|raise|widen|lengthen|shorten|get rid|take|bring|drop|use|switch)\b/;

/** Splits an instruction into clauses at commas, "then", and "and" where the right side stands alone. */
export function splitClauses(text: string, ctx: ParseContext): string[] {
  const rough = text.split(/\s*(?:;|,|\band then\b|\bthen\b)\s*/).filter(Boolean);
  const out: string[] = [];
  for (const piece of rough) {
    const ands = piece.split(/\s+and\s+/);
    let cur = ands[0];
    for (let i = 1; i < ands.length; i++) {
      const right = ands[i];
      const standsAlone = VERB_START.test(right) || (parseChanges(right, ctx).changes.length > 0 && !/^swap\b/.test(cur));
      if (standsAlone && !/^(swap|switch)\b/.test(cur)) {
        out.push(cur);
        cur = right;
      } else {
        cur = `${cur} and ${right}`;
      }
    }
    out.push(cur);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Parses a whole instruction into intents; a clause without a reference inherits the previous clause's target. */
export function parseInstruction(instruction: string, ctx: ParseContext): Intent[] {
  const text = normalize(instruction);
  if (!text) return [];
  const intents: Intent[] = [];
  let lastTarget: RefSpec | null = null;
  for (const clause of splitClauses(text, ctx)) {
    const intent = parseClause(clause, ctx);
    if ("target" in intent && intent.type !== "remove" && intent.type !== "room") {
      if (intent.target === null || (intent.target.pronoun && !/\b(it|this|that|them|these|those|selected|selection)\b/.test(intent.target.text))) {
        if (lastTarget) intent.target = lastTarget;
      } else {
        lastTarget = intent.target;
      }
    }
    intents.push(intent);
  }
  return intents;
}

/** Strips verbs and fillers from a reference phrase. */
function cleanRef(text: string): string {
  return text
    .replace(/\b(next|closest|nearest|close|closer|near) to\b/g, "$1_to")
    .replace(/\b(make|change|set|paint|recolor|color|turn|give|use|have|let|should|be|is|are|to|into|in|with|for|resize|scale|so|that|it's|a bit|look|looks|up|now|please|instead|then|more|also)\b/g, " ")
    .replace(/_to\b/g, " to")
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads a reference, or null when the phrase is empty (the selection or the previous clause's target). */
function ref(text: string): RefSpec | null {
  const t = cleanRef(text);
  return t ? parseReference(t) : null;
}

const OFFSET_DIRS: Record<string, [number, number]> = {
  left: [-1, 0], west: [-1, 0], right: [1, 0], east: [1, 0], forward: [0, -1], forwards: [0, -1], front: [0, -1],
  south: [0, -1], back: [0, 1], backward: [0, 1], backwards: [0, 1], north: [0, 1], up: [0, 1], down: [0, -1],
};

/** Parses one clause. */
export function parseClause(clause: string, ctx: ParseContext): Intent {
  let m: RegExpExecArray | null;

  if ((m = /^(?:swap|switch)\s+(?:the\s+)?(?:positions?\s+of\s+|places\s+of\s+)?(.+?)\s+(?:and|with)\s+(.+?)(?:\s+around)?$/.exec(clause))) {
    return { type: "swap", a: parseReference(cleanRef(m[1])), b: parseReference(cleanRef(m[2])) };
  }

  if ((m = /^add\s+(?:a|an|another|one|one more)?\s*(?:new\s+)?window\b(.*)$/.exec(clause))) {
    const side = /\b(north|south|east|west|left|right|front|back)\b/.exec(m[1]);
    return { type: "add_window", side: side ? side[1] : null };
  }

  // Parts: "add a drawer to the desk", "remove the armrests", "give the bookshelf three shelves".
  if ((m = /^(add|remove|take off|take away|delete|drop|get rid of)\s+(.*)$/.exec(clause))) {
    const words = m[2].split(/\s+/);
    const stop = words.findIndex((w) => ["to", "from", "on", "of"].includes(w));
    const head = stop >= 0 ? words.slice(0, stop) : words;
    const part = head.find((w) => isPartWord(w, ctx) && !ctx.categories.has(singular(w)));
    if (part) {
      const { changes } = parseChanges(`${m[1] === "add" ? "add" : "remove"} ${head.join(" ")}`, ctx);
      const from = stop >= 0 ? words.slice(stop + 1).join(" ") : "";
      if (changes.length > 0) return { type: "change", target: from ? ref(from) : null, changes };
    }
  }

  if ((m = /^(?:remove|delete|get rid of|take out|take away|drop|lose)\s+(.+)$/.exec(clause))) {
    return { type: "remove", target: parseReference(cleanRef(m[1])) };
  }

  if ((m = /^(?:add|put|place|insert|include|bring in)\s+(a|an|another|one|two|three|four|five|six|some|\d+)\s+(.+)$/.exec(clause))) {
    let rest = m[2];
    let dest: Destination | null = null;
    const d = parseDestination(rest);
    if (d) {
      dest = d.dest;
      rest = d.before;
    }
    const { changes, rest: nounText } = parseChanges(rest, ctx);
    const noun = nounText.split(/\s+/).filter((w) => w && !["new", "more", "extra", "the", "of"].includes(w));
    return { type: "add", count: countOf(m[1]) ?? 1, noun, changes, dest };
  }

  if ((m = /^(?:rotate|turn|spin)\s+(.*?)\s*(?:by\s+)?(-?\d+(?:\.\d+)?)\s*(?:degrees?|deg|°)?\s*(clockwise|counter-?clockwise|anti-?clockwise|to the left|to the right|left|right)?$/.exec(clause))) {
    const dir = m[3] ?? "";
    const sign = /^(clockwise|to the right|right)$/.test(dir) ? -1 : 1;
    return { type: "rotate", target: ref(m[1]), deg: sign * Number(m[2]) };
  }
  if ((m = /^(?:rotate|turn|spin|flip)\s+(.*?)\s*(around|180|the other way|to face the other way)$/.exec(clause)) || (m = /^(?:flip|turn around)\s+(.*)$/.exec(clause))) {
    return { type: "rotate", target: ref(m[1]), deg: 180 };
  }
  if ((m = /^(?:rotate|turn|spin)\s+(.*?)\s*(?:a quarter turn|a quarter)\s*(clockwise|counter-?clockwise|anti-?clockwise)?$/.exec(clause))) {
    return { type: "rotate", target: ref(m[1]), deg: m[2] === "clockwise" ? -90 : 90 };
  }
  if ((m = /^(.*?)\b(?:so (?:it|they) faces?|to face|faces?|facing|towards|toward)\s+(.+)$/.exec(clause)) && /\b(face|facing|toward|turn|rotate|orient|point)/.test(clause)) {
    const anchorText = m[2].trim();
    const tgt = m[1].replace(/^(?:rotate|turn|orient|point|make|have)\s+/, "");
    return { type: "face", target: ref(tgt), anchor: parseAnchor(anchorText) };
  }

  if ((m = /^(?:move|shift|slide|push|pull|put|place|bring|set|drag|nudge|relocate|center)\s+(.+)$/.exec(clause))) {
    const body = m[1];
    const d = parseDestination(body);
    if (d) return { type: "move", target: ref(d.before), dest: d.dest };
    if (/^center\b/.test(clause)) return { type: "move", target: ref(body), dest: { type: "center" } };
    const nudge = /^(.*?)\s*\b(?:a bit|slightly|a little)?\s*(left|right|forward|back|north|south|east|west)$/.exec(body);
    if (nudge) {
      const [ux, uy] = OFFSET_DIRS[nudge[2]];
      return { type: "move", target: ref(nudge[1]), dest: { type: "offset", dx: ux * 0.2, dy: uy * 0.2 } };
    }
  }

  const { changes, rest } = parseChanges(clause, ctx);
  const roomWord = /\b(walls?|floor(?:ing)?|room)\b/.exec(rest);
  if (roomWord && changes.length > 0 && !/\b(?:on|near|by|against|to)\s+the\s+(?:wall|floor)/.test(rest)) {
    const restNoRoom = cleanRef(rest.replace(roomWord[0], " ").replace(/\b(the|paint|whole|entire|all|both|with|tiles?|boards?|planks?)\b/g, " "));
    if (!restNoRoom) {
      const target = roomWord[1].startsWith("wall") ? "walls" : roomWord[1].startsWith("floor") ? "floor" : "room";
      return { type: "room", target, changes };
    }
  }
  if (changes.length > 0) return { type: "change", target: ref(rest), changes };
  return { type: "unknown", text: clause };
}

/** Finds a destination phrase in a move clause; returns it and the text before it (the target). */
export function parseDestination(body: string): { dest: Destination; before: string } | null {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^(.*?)\\s*\\b(?:by\\s+)?${LENGTH_RE}\\s+(?:to\\s+the\\s+|towards?\\s+the\\s+|to\\s+)?(left|right|forward|forwards|back|backward|backwards|north|south|east|west|up|down)\\b(.*)$`).exec(body))) {
    const meters = Number(m[2]) * unitToMeters(m[3]);
    const [ux, uy] = OFFSET_DIRS[m[4]];
    return { dest: { type: "offset", dx: ux * meters, dy: uy * meters }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(?:a bit|slightly|a little|a touch)\s+(?:to\s+the\s+|to\s+|towards?\s+the\s+)?(left|right|forward|forwards|back|backward|backwards|north|south|east|west)\b/.exec(body))) {
    const [ux, uy] = OFFSET_DIRS[m[2]];
    return { dest: { type: "offset", dx: ux * 0.2, dy: uy * 0.2 }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(?:to|towards|toward)\s+the\s+(left|right|front|back|north|south|east|west)$/.exec(body))) {
    const [ux, uy] = OFFSET_DIRS[m[2]];
    return { dest: { type: "offset", dx: ux * 0.5, dy: uy * 0.5 }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(?:to|towards|toward|by|near|under|beside|next to|in front of|below|in)\s+the\s+(?:(\w+)\s+)?windows?\b/.exec(body))) {
    return { dest: { type: "window", side: m[2] ?? null }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(?:to|towards|toward|by|near|beside|next to)\s+the\s+(?:front\s+)?(?:door|entrance|doorway)\b/.exec(body))) {
    return { dest: { type: "door" }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(?:against|to|along|on|onto|up against)\s+(?:the\s+)?(?:(north|south|east|west|left|right|front|back|far|nearest|other|opposite)\s+)?wall\b/.exec(body))) {
    return { dest: { type: "wall", side: m[2] ?? null }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(?:to|into|in)\s+the\s+(?:(north-?east|north-?west|south-?east|south-?west|back left|back right|front left|front right|left|right|nearest|far)\s+)?corner\b/.exec(body))) {
    return { dest: { type: "corner", side: m[2] ?? null }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(?:to|into|in)\s+the\s+(?:center|middle)\b/.exec(body))) {
    return { dest: { type: "center" }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(on top of|onto|on)\s+(the\s+.+)$/.exec(body))) {
    return { dest: { type: "onto", anchor: parseReference(cleanRef(m[3])) }, before: m[1] };
  }
  if ((m = /^(.*?)\s*\b(next to|beside|near|by|closer to|to the left of|left of|to the right of|right of|in front of|behind|across from|opposite|opposite to)\s+(.+)$/.exec(body))) {
    const w = m[2];
    const relation = editRelation(w) ?? "near";
    const anchor = parseReference(cleanRef(m[3]));
    return { dest: { type: "near", relation, anchor }, before: m[1] };
  }
  return null;
}
