/** Attribute words: classify modifiers into color, material, size, style and tags. */
import { canonicalMaterial } from "../program/materials";
import type { Attributes } from "../scene/schema";
import { colorHex } from "../text/colors";
import { OTHER_ADJECTIVES, SIZE_WORDS, STYLE_WORDS } from "./words";

const EXTRA_MATERIALS = new Set(["foam", "felt", "cork", "paper", "cardboard", "rubber", "canvas", "jute", "sisal", "burlap", "silk", "cotton", "linen", "wool", "suede", "velvet", "chenille", "terrazzo", "porcelain", "crystal", "resin", "acrylic", "bamboo", "rattan", "wicker", "driftwood", "slate", "granite", "travertine", "onyx", "chrome", "nickel", "pewter", "tin", "zinc", "teak", "pine", "maple", "birch", "cedar", "cherry", "mahogany", "ash", "beech", "reclaimed_wood", "plywood", "concrete", "brick", "stone", "metal", "steel", "iron", "brass", "copper", "bronze", "gold", "silver", "aluminum", "glass", "leather", "fabric", "plastic", "ceramic", "marble", "wood", "oak", "walnut"]);

/** Hex for a color word (snake_case), or null. */
export function colorOf(word: string): string | null {
  return colorHex(word);
}

/** Canonical material for a word, or null ("wooden" -> "wood"). */
export function materialOf(word: string): string | null {
  const direct = canonicalMaterial(word);
  if (direct) return direct;
  if (EXTRA_MATERIALS.has(word)) return word;
  return null;
}

/** True when a word is an attribute (never part of a category name). */
export function isAttributeWord(w: string): boolean {
  if (colorOf(w) || materialOf(w) || SIZE_WORDS.has(w) || STYLE_WORDS.has(w) || OTHER_ADJECTIVES.has(w)) return true;
  if (/\d/.test(w)) return true;
  if (w.includes("_")) {
    const parts = w.split("_");
    if (/^(shaped|sized|size|colored|coloured|backed|topped|legged|lit|themed|style|toned|framed|style|inspired|looking|seat|seater|door|tier|drawer)$/.test(parts[parts.length - 1])) return true;
    if (parts.every((p) => isAttributeWord(p))) return true;
  }
  return /(ful|ous|ive|ish|less|able|ible|ed|ic)$/.test(w) && w.length > 4;
}

/** An empty Attributes value. */
export function emptyAttributes(): Attributes {
  return { color: null, colorName: null, material: null, size: null, style: [], tags: [] };
}

/** Merge modifier words into attributes (first color/material/size wins; every word becomes a tag). */
export function addAttributeWords(attrs: Attributes, words: readonly string[]): Attributes {
  const out: Attributes = { ...attrs, style: [...attrs.style], tags: [...attrs.tags] };
  const push = (arr: string[], v: string) => {
    if (!arr.includes(v)) arr.push(v);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const pair = i + 1 < words.length ? `${w}_${words[i + 1]}` : null;
    if (pair && colorOf(pair)) {
      if (!out.color) {
        out.color = colorOf(pair);
        out.colorName = pair;
      }
      push(out.tags, pair);
      i += 1;
      continue;
    }
    push(out.tags, w);
    const c = colorOf(w);
    if (c && !out.color) {
      out.color = c;
      out.colorName = w;
    }
    const m = materialOf(w) ?? (w.includes("_") ? w.split("_").map(materialOf).find((x) => x) ?? null : null);
    if (m && !out.material) out.material = m;
    if (!c && w.includes("_") && !out.color) {
      const part = w.split("_").find((p) => colorOf(p));
      if (part && !materialOf(w)) {
        out.color = colorOf(part);
        out.colorName = part;
      }
    }
    if (SIZE_WORDS.has(w) && !out.size) out.size = w;
    if (STYLE_WORDS.has(w)) push(out.style, w);
  }
  return out;
}
