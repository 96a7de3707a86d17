/**
 * Reads property changes out of an instruction clause: colours and materials by name or hex, sizes
 * relative and absolute, counts and on/off parts. Matched text is blanked out so that what remains
 * is the reference ("the sofa") and the verb.
 */
import {
  COLOR_PHRASES,
  COMPARATIVES,
  DEFAULT_STEP,
  DEGREE_WORDS,
  LENGTH_RE,
  MATERIAL_PHRASES,
  SIZE_ADJECTIVES,
  countOf,
  singular,
  unitToMeters,
  type SizeDim,
} from "./words";
import { materialPreset } from "../program/materials";
import { VARIANT_WORDS } from "../vocab";

/** One property change read from text. Lengths in m; factor is a multiplier (1.2 = 20% larger). */
export type Change =
  | { kind: "color"; hex: string; name: string | null; part: string | null }
  | { kind: "material"; name: string }
  | { kind: "scale"; dim: SizeDim; factor: number }
  | { kind: "delta"; dim: SizeDim; meters: number }
  | { kind: "absolute"; dim: SizeDim; meters: number }
  | { kind: "count"; part: string; op: "set" | "add"; value: number }
  | { kind: "toggle"; part: string; value: boolean }
  | { kind: "variant"; word: string };

/** Scene words the parser needs: object categories (to avoid reading "wine cabinet" as a colour) and PARAMS keys. */
export interface ParseContext {
  categories: ReadonlySet<string>;
  paramKeys: ReadonlySet<string>;
}

/** Part words that usually are counts or on/off PARAMS. */
const PART_WORDS = new Set([
  "drawer", "shelf", "door", "leg", "seat", "book", "armrest", "arm", "headboard", "footboard", "backrest", "cushion",
  "tier", "level", "rung", "handle", "knob", "bulb", "panel", "slat", "compartment", "burner", "blade", "shade",
  "pillow", "cabinet", "rail", "wheel", "caster", "canopy", "mirror", "light", "pane", "basket",
]);

/** Whether a word (any number) names a part/count of objects in the scene or a known part word. */
export function isPartWord(word: string, ctx: ParseContext): boolean {
  const s = singular(word);
  if (PART_WORDS.has(s)) return true;
  for (const k of ctx.paramKeys) if (singular(k) === s) return true;
  return false;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const COMP = `(${Object.keys(COMPARATIVES).join("|")})`;
const DEGREE = `(${Object.keys(DEGREE_WORDS).sort((a, b) => b.length - a.length).join("|")})`;
const ADJ = `(${Object.keys(SIZE_ADJECTIVES).join("|")})`;
const COUNT_TOKEN = String.raw`(\d+|zero|no|a|an|one|another|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

/** Extracts changes from a normalised clause; returns them and the clause with matched text blanked. */
export function parseChanges(clause: string, ctx: ParseContext): { changes: Change[]; rest: string } {
  let text = ` ${clause} `;
  const changes: Change[] = [];
  const take = (re: RegExp, f: (m: RegExpExecArray) => Change | null): void => {
    const g = new RegExp(re.source, "g");
    let m: RegExpExecArray | null;
    const found: { m: RegExpExecArray; c: Change }[] = [];
    while ((m = g.exec(text))) {
      const c = f(m);
      if (c) found.push({ m, c });
      if (m[0].length === 0) g.lastIndex++;
    }
    for (const { m: hit, c } of found.reverse()) {
      changes.unshift(c);
      text = text.slice(0, hit.index) + " ".repeat(hit[0].length) + text.slice(hit.index + hit[0].length);
    }
  };
  // Shape/size variants ("make the sofa L-shaped", "turn the table into a round one"): only after a make/turn verb,
  // so "move the sofa to the corner" stays a move.
  if (/^\s*(make|turn|convert|change|switch)\b/.test(text) && !/\b(to|into|in) (the |a )?corner\b/.test(text)) {
    const re = /\b([a-z0-9]+(?:[-_ ](?:shaped|shape|seater|seat|top|topped|mounted|hung|poster|back|leaf|size|sized|xl|king))?)\b/g;
    let m: RegExpExecArray | null;
    const hits: RegExpExecArray[] = [];
    while ((m = re.exec(text))) if (VARIANT_WORDS.has(m[1].replace(/[- ]/g, "_"))) hits.push(m);
    for (const hit of hits.reverse()) {
      changes.push({ kind: "variant", word: hit[1].replace(/[- ]/g, "_") });
      text = text.slice(0, hit.index) + " ".repeat(hit[0].length) + text.slice(hit.index + hit[0].length);
    }
  }
  const comp = (w: string) => COMPARATIVES[w];

  take(/#([0-9a-f]{6}|[0-9a-f]{3})\b/, (m) => {
    const h = m[1].length === 3 ? m[1].split("").map((c) => c + c).join("") : m[1];
    return { kind: "color", hex: `#${h}`, name: null, part: null };
  });
  take(new RegExp(`${LENGTH_RE}\\s+${ADJ}\\b`), (m) => ({ kind: "absolute", dim: SIZE_ADJECTIVES[m[3]], meters: Number(m[1]) * unitToMeters(m[2]) }));
  take(new RegExp(`\\b(width|depth|height|length)\\s+(?:to\\s+|of\\s+|=\\s*|:\\s*|at\\s+)?${LENGTH_RE}`), (m) => ({ kind: "absolute", dim: SIZE_ADJECTIVES[m[1]], meters: Number(m[2]) * unitToMeters(m[3]) }));
  take(new RegExp(`${LENGTH_RE}\\s+${COMP}\\b`), (m) => ({ kind: "delta", dim: comp(m[3]).dim, meters: comp(m[3]).sign * Number(m[1]) * unitToMeters(m[2]) }));
  take(new RegExp(`\\b${COMP}\\s+by\\s+${LENGTH_RE}`), (m) => ({ kind: "delta", dim: comp(m[1]).dim, meters: comp(m[1]).sign * Number(m[2]) * unitToMeters(m[3]) }));
  take(new RegExp(`${NUM}\\s*(?:%|percent)\\s+${COMP}\\b`), (m) => ({ kind: "scale", dim: comp(m[2]).dim, factor: pct(comp(m[2]).sign, Number(m[1])) }));
  take(new RegExp(`\\b${COMP}\\s+by\\s+${NUM}\\s*(?:%|percent)`), (m) => ({ kind: "scale", dim: comp(m[1]).dim, factor: pct(comp(m[1]).sign, Number(m[2])) }));
  take(new RegExp(`\\b(twice|half|${NUM}\\s+times|two\\s+times|three\\s+times)\\s+as\\s+${ADJ}\\b(?:\\s+as\\s+(?:it is|before|now))?`), (m) => {
    const f = m[1] === "twice" || m[1] === "two times" ? 2 : m[1] === "half" ? 0.5 : m[1] === "three times" ? 3 : Number(m[2]);
    return { kind: "scale", dim: SIZE_ADJECTIVES[m[3]], factor: f };
  });
  take(/\b(double|halve|triple)\s+(?:the\s+|its\s+)?(width|depth|height|length|size)\b/, (m) => ({
    kind: "scale",
    dim: SIZE_ADJECTIVES[m[2]],
    factor: m[1] === "double" ? 2 : m[1] === "triple" ? 3 : 0.5,
  }));
  take(new RegExp(`(?:\\b${DEGREE}\\s+)?\\b${COMP}\\b`), (m) => {
    const step = m[1] ? DEGREE_WORDS[m[1]] : DEFAULT_STEP;
    const c = comp(m[2]);
    return { kind: "scale", dim: c.dim, factor: c.sign > 0 ? 1 + step : 1 / (1 + step) };
  });

  // Counts and on/off parts.
  take(new RegExp(`\\b(?:one|1)\\s+(more|fewer|less)\\s+([a-z]+)\\b`), (m) =>
    isPartWord(m[2], ctx) ? { kind: "count", part: singular(m[2]), op: "add", value: m[1] === "more" ? 1 : -1 } : null,
  );
  take(new RegExp(`\\b(add|remove|take off|take away|delete|drop)\\s+(?:the\\s+|its\\s+)?(?:${COUNT_TOKEN}\\s+)?(?:more\\s+|extra\\s+)?([a-z]+)\\b`), (m) => {
    const word = m[3];
    if (!isPartWord(word, ctx)) return null;
    const n = m[2] ? countOf(m[2]) : null;
    const sign = m[1] === "add" ? 1 : -1;
    const plural = singular(word) !== word;
    if (n === null && plural) return { kind: "toggle", part: singular(word), value: sign > 0 };
    return { kind: "count", part: singular(word), op: "add", value: sign * (n ?? 1) };
  });
  take(new RegExp(`\\b(without|no)\\s+(?:the\\s+)?([a-z]+)\\b`), (m) =>
    isPartWord(m[2], ctx) ? { kind: "toggle", part: singular(m[2]), value: false } : null,
  );
  take(new RegExp(`\\b(more|fewer|less)\\s+([a-z]+)\\b`), (m) =>
    isPartWord(m[2], ctx) ? { kind: "count", part: singular(m[2]), op: "add", value: m[1] === "more" ? 1 : -1 } : null,
  );
  take(new RegExp(`\\b${COUNT_TOKEN}\\s+(?:extra\\s+)?([a-z]+)\\b`), (m) => {
    if (!isPartWord(m[2], ctx) || m[1] === "a" || m[1] === "an" || m[1] === "another") return null;
    const n = countOf(m[1]);
    return n === null ? null : { kind: "count", part: singular(m[2]), op: "set", value: n };
  });
  take(new RegExp(`\\b(?:with|add|give it|give them)\\s+(?:an?\\s+)?([a-z]+)\\b`), (m) =>
    isPartWord(m[1], ctx) ? { kind: "toggle", part: singular(m[1]), value: true } : null,
  );

  // Materials, then colours; a word followed by a noun that forms a scene category is part of that noun.
  const partOfCategory = (idx: number, len: number, phrase: string): boolean => {
    const after = text.slice(idx + len).trim().split(/\s+/)[0] ?? "";
    const before = text.slice(0, idx).trim().split(/\s+/).pop() ?? "";
    const joinA = `${phrase}_${singular(after)}`.replace(/ /g, "_");
    const joinB = `${singular(before)}_${phrase}`.replace(/ /g, "_");
    return ctx.categories.has(joinA) || ctx.categories.has(joinB) || ctx.categories.has(phrase.replace(/ /g, "_"));
  };
  for (const [phrase, name, re] of MATERIAL_RES) {
    if (!text.includes(phrase)) continue;
    const m = re.exec(text);
    if (!m || partOfCategory(m.index, m[0].length, phrase)) continue;
    const next = text.slice(m.index + m[0].length).trim().split(/\s+/)[0] ?? "";
    if (next && isPartWord(next, ctx)) {
      // "brass knobs": the material colours a part.
      const len = text.indexOf(next, m.index + m[0].length) + next.length - m.index;
      changes.push({ kind: "color", hex: materialPreset(name).color, name, part: singular(next) });
      text = text.slice(0, m.index) + " ".repeat(len) + text.slice(m.index + len);
      continue;
    }
    changes.push({ kind: "material", name });
    text = text.slice(0, m.index) + " ".repeat(m[0].length) + text.slice(m.index + m[0].length);
  }
  for (const [phrase, hex, re] of COLOR_RES) {
    if (!text.includes(phrase)) continue;
    const m = re.exec(text);
    if (!m || partOfCategory(m.index, phrase.length, phrase)) continue;
    const next = m[1];
    const part = next && isPartWord(next, ctx) ? singular(next) : null;
    changes.push({ kind: "color", hex, name: phrase.replace(/ /g, "_"), part });
    const len = part ? m[0].length : m[0].length - (next ? next.length : 0);
    text = text.slice(0, m.index) + " ".repeat(len) + text.slice(m.index + len);
  }
  return { changes, rest: text.replace(/\s+/g, " ").trim() };
}

const MATERIAL_RES: readonly [string, string, RegExp][] = MATERIAL_PHRASES.map(([p, n]) => [p, n, new RegExp(`\\b${p}\\b`)]);
const COLOR_RES: readonly [string, string, RegExp][] = COLOR_PHRASES.map(([p, h]) => [p, h, new RegExp(`\\b${p}(?:\\s+(?:blue|colou?r(?:ed)?))?\\b(?:\\s+([a-z]+))?`)]);

/** Factor for a signed percentage: +20 -> 1.2, -20 -> 0.8. */
function pct(sign: 1 | -1, p: number): number {
  return sign > 0 ? 1 + p / 100 : Math.max(0.05, 1 - p / 100);
}
