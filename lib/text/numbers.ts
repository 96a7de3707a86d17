/**
 * The one table of number words shared by prompts, edits and PARAMS inference: exact cardinals, plus the
 * vague quantities a room description uses ("several" chairs). Spelled-out numbers beyond the table
 * ("twenty-four") go through compromise's number parser.
 */
import nlp from "compromise";

/** Exact cardinal words -> value (zero to twenty, dozen). */
export const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, dozen: 12,
};

/** Articles and words that mean exactly one or two of something ("a", "single", "pair", "both"). */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, single: 1, another: 1, pair: 2, couple: 2, both: 2, trio: 3,
};

/** Vague quantities of descriptions -> the count a reader pictures ("several" = 3, "a few" = 3, "some" = 2). */
export const VAGUE_QUANTITIES: Readonly<Record<string, number>> = {
  several: 3, few: 3, multiple: 3, many: 4, numerous: 4, some: 2, various: 3,
};

/** Multiplicative words in compounds ("double-door", "triple-drawer") -> count. */
export const MULTIPLIER_WORDS: Readonly<Record<string, number>> = { double: 2, twin: 2, triple: 3, quadruple: 4 };

/** Value of a count token: digits, a cardinal or unit word, else compromise's reading of a spelled number ("twenty-four"); null otherwise. */
export function numberValue(token: string): number | null {
  const w = token.toLowerCase().replace(/_/g, "-");
  if (/^\d+$/.test(w)) return Number(w);
  if (w in CARDINAL_WORDS) return CARDINAL_WORDS[w];
  if (w in UNIT_WORDS) return UNIT_WORDS[w];
  if (/^[a-z]+(-[a-z]+)?$/.test(w) && /(ty|teen|hundred)/.test(w)) {
    const got = nlp(w.replace(/-/g, " ")).numbers().get() as unknown[];
    const n = typeof got[0] === "number" ? got[0] : null;
    if (n !== null && Number.isInteger(n) && n >= 0 && n < 1000) return n;
  }
  return null;
}
