import "server-only";
/**
 * PARAMS of an object program from the scene object: size from `targetSize`, color and material from
 * the attributes, counts and booleans from the description's words ("two-drawer", "without armrests").
 * Only keys the family's template declares are set (besides width/depth/height/color/material).
 */
import type { Attributes, Size3 } from "../../../../lib/scene/schema";
import { canonicalMaterial, MATERIAL_PRESETS } from "../../../../lib/program/materials";
import { colorHex } from "../../../../lib/text/colors";
import type { ParamValue } from "../../../../lib/program/params";
import { CARDINAL_WORDS, MULTIPLIER_WORDS, UNIT_WORDS } from "../../../../lib/text/numbers";
import { tokenize } from "../../../../lib/text/tokens";
import { variantParams, type Family } from "../../../../lib/vocab";

/** Count words of descriptions: the shared number table plus multipliers ("double-door"). */
const NUMBER_WORDS: Record<string, number> = { ...CARDINAL_WORDS, ...UNIT_WORDS, ...MULTIPLIER_WORDS };

/** Count nouns in descriptions -> PARAMS key. */
const COUNT_NOUNS: [RegExp, string][] = [
  [/^drawers?$/, "drawers"],
  [/^(shelf|shelves|shelved|tiers?|tiered)$/, "shelves"],
  [/^doors?|doored$/, "doors"],
  [/^(seats?|seater|person|people)$/, "seats"],
  [/^legs?|legged$/, "legs"],
  [/^pillows?$/, "pillows"],
  [/^cushions?$/, "cushions"],
  [/^burners?$/, "burners"],
  [/^books?$/, "books"],
  [/^(basins?|bowls?)$/, "basins"],
  [/^(bulbs?|lights?|arms?)$/, "bulbs"],
];

/** Boolean cues: [pattern, key, value]. Negative cues come first so "without armrests" wins over "armrests". */
const BOOLEAN_CUES: [RegExp, string, boolean][] = [
  [/\b(without|no)\s+(arm ?rests?|arms)\b|\barmless\b/, "armrests", false],
  [/\b(with|has|having)\s+(arm ?rests?|arms)\b/, "armrests", true],
  [/\b(without|no)\s+(a\s+)?headboard\b/, "headboard", false],
  [/\b(with|has)\s+(a\s+)?(tall\s+|upholstered\s+|padded\s+)?headboard\b/, "headboard", true],
  [/\b(with|has)\s+(a\s+)?footboard\b/, "footboard", true],
  [/\b(without|no)\s+(a\s+)?footboard\b/, "footboard", false],
  [/\b(without|no)\s+(a\s+)?back(rest)?\b|\bbackless\b/, "backrest", false],
  [/\b(with|has)\s+(a\s+)?(high\s+|low\s+)?back(rest)?\b/, "backrest", true],
  [/\b(casters|wheels|rolling)\b/, "casters", true],
  [/\bglass[- ]door(s|ed)?\b|\bglass[- ]front(ed)?\b/, "glass_doors", true],
  [/\b(without|no)\s+(a\s+)?(lamp)?shade\b/, "shade", false],
  [/\b(with|has)\s+(a\s+)?canopy\b/, "canopy", true],
  [/\b(with|has)\s+(a\s+)?(glass\s+)?door\b/, "door", true],
  [/\b(without|no)\s+(a\s+)?(glass\s+)?door\b|\bwalk[- ]in\b/, "door", false],
  [/\b(with|has)\s+(a\s+)?frame\b|\bframed\b/, "frame", true],
  [/\b(frameless|unframed)\b/, "frame", false],
  [/\b(with|has)\s+(a\s+)?(dispenser|ice maker)\b/, "dispenser", true],
  [/\b(with|has)\s+(a\s+)?lid\b|\blidded\b/, "lid", true],
  [/\b(with|has)\s+(a\s+)?handle\b/, "handle", true],
  [/\bopen\b/, "open", true],
  [/\bclosed\b/, "open", false],
  [/\b(with|has)\s+(a\s+)?(cushion|pad)\b|\bpadded\b|\bupholstered\b/, "cushion", true],
  [/\bround\b|\bcircular\b/, "round", true],
];

/** Shape words -> `shape` values. */
const SHAPE_WORDS: [RegExp, string][] = [
  [/\b(round|circular)\b/, "round"],
  [/\boval\b/, "oval"],
  [/\bsquare\b/, "square"],
  [/\b(rectangular|oblong)\b/, "rectangular"],
];

/** Counts implied by the description's words ("two-drawer", "3 shelves", "a pair of doors"); keys are PARAMS names. */
export function countsFromText(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  const words = text.toLowerCase().replace(/a pair of/g, "two").split(/[^a-z0-9]+/).filter(Boolean);
  const numberOf = (w: string): number | undefined => (/^\d{1,2}$/.test(w) ? Number(w) : NUMBER_WORDS[w]);
  const keyOf = (w: string): string | undefined => COUNT_NOUNS.find(([re]) => re.test(w))?.[1];
  for (let i = 0; i < words.length; i++) {
    const n = numberOf(words[i]);
    if (n === undefined) continue;
    const article = words[i] === "a" || words[i] === "an";
    // "two drawers", "two-drawer", and one adjective between ("three wide drawers"), never across another number.
    const reach = article ? 1 : 2;
    for (let j = i + 1; j <= i + reach && j < words.length; j++) {
      if (numberOf(words[j]) !== undefined) break;
      const key = keyOf(words[j]);
      if (key) {
        if (!(key in out)) out[key] = n;
        break;
      }
    }
  }
  return out;
}

/** Booleans implied by the description ("without armrests" -> armrests: false). */
export function booleansFromText(text: string): Record<string, boolean> {
  const t = text.toLowerCase();
  const out: Record<string, boolean> = {};
  for (const [re, key, value] of BOOLEAN_CUES) if (!(key in out) && re.test(t)) out[key] = value;
  return out;
}

/** Meters rounded to 0.1 mm (keeps 1 cm rugs within 1%). */
const round3 = (x: number) => Math.round(x * 10000) / 10000;

/** Object fields programFor reads. */
export interface ProgramObject {
  id: string;
  category: string;
  targetSize: Size3;
  attributes: Attributes;
  description: string;
}

/**
 * PARAMS for `obj` over the family's template defaults: width/depth/height (m, 3 decimals), `color` (the
 * attribute hex, else the material preset's color when only a material is named, else the default),
 * `secondary_color` from the attributes' second colour when the template has one, `material` (canonical preset name), then counts/booleans/style/shape implied by the description and
 * attributes, then the shape/size variants of `family` (lib/vocab/variants), but only for keys the template
 * declares. Counts are clamped to [0, 2x the default + 4].
 */
export function paramsForObject(obj: ProgramObject, defaults: Record<string, ParamValue>, family?: Family): Record<string, ParamValue> {
  const p: Record<string, ParamValue> = { ...defaults };
  p.width = round3(obj.targetSize.w);
  p.depth = round3(obj.targetSize.d);
  p.height = round3(obj.targetSize.h);
  const a = obj.attributes;
  const mat = a.material ? canonicalMaterial(a.material) : null;
  if (mat) p.material = mat;
  const namedColor = a.color ?? (a.colorName ? colorHex(a.colorName) : null);
  if (namedColor) p.color = namedColor.toLowerCase();
  else if (mat) p.color = MATERIAL_PRESETS[mat].color;
  if (a.secondaryColor && typeof defaults.secondary_color === "string") p.secondary_color = a.secondaryColor.toLowerCase();

  const text = [obj.description, ...(a.tags ?? []), ...(a.style ?? [])].join(" ");
  for (const [key, n] of Object.entries(countsFromText(text))) {
    const def = defaults[key];
    if (typeof def !== "number") continue;
    p[key] = Math.max(0, Math.min(n, Math.max(def * 2, def + 4)));
  }
  for (const [key, v] of Object.entries(booleansFromText(text))) {
    if (typeof defaults[key] === "boolean") p[key] = v;
  }
  if (typeof defaults.shape === "string") {
    const lower = text.toLowerCase();
    const shape = SHAPE_WORDS.find(([re]) => re.test(lower));
    if (shape) p.shape = shape[1];
  }
  if (typeof defaults.style === "string" && a.style && a.style.length > 0) p.style = a.style[0];
  if (family) {
    // Shape and size variants (lib/vocab/variants) from the attribute words, the category and the description.
    const words = [...(a.tags ?? []), ...(a.style ?? []), a.size ?? "", obj.category, ...obj.category.split("_"), ...tokenize(obj.description).map((t) => t.w)];
    Object.assign(p, variantParams(family, words.filter(Boolean), new Set(Object.keys(defaults))));
  }
  return p;
}
