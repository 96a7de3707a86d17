/** The one tokenizer of prompts and edits: spelling normalised (British -> US), lower-case words (hyphenated words joined with `_`) and punctuation tokens. */

/** British spellings and variants folded the same way for prompts and edits ("colour" -> "color", "grey" -> "gray"). */
export function spellNormalize(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/\b([Cc])olour/g, "$1olor")
    .replace(/\b([Cc])entre/g, "$1enter")
    .replace(/\b([Gg])rey\b/g, "$1ray");
}

/** One token: `w` the normalised word or punctuation mark, `s` the sentence index, `raw` the original text. */
export interface Token {
  w: string;
  raw: string;
  s: number;
}

const PUNCT = new Set([".", ",", ";", ":", "!", "?", "(", ")"]);

/** True for punctuation tokens. */
export function isPunct(t: Token | undefined): boolean {
  return !!t && PUNCT.has(t.w);
}

/** True for sentence-ending tokens. */
export function isSentenceEnd(t: Token | undefined): boolean {
  return !!t && (t.w === "." || t.w === "!" || t.w === "?" || t.w === ";");
}

/** Split text into tokens; `'s` possessives are dropped, hyphens join words ("queen-sized" -> "queen_sized"). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let s = 0;
  const re = /[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*|[.,;:!?()]/g;
  let m: RegExpExecArray | null;
  const src = spellNormalize(text);
  while ((m = re.exec(src)) !== null) {
    const raw = m[0];
    let w = raw.toLowerCase().replace(/['’]s$/, "").replace(/['’]/g, "").replace(/-/g, "_");
    if (/^\d+(\.\d+)?$/.test(w) && raw.includes(".")) w = raw;
    out.push({ w, raw, s });
    if (w === "." || w === "!" || w === "?" || w === ";") s += 1;
  }
  return out;
}
