/** Pass 1 of the assembler: object ids for new mentions, references and pronouns. */
import { categoryInfo } from "../vocab";
import { addAttributeWords, colorOf, emptyAttributes, materialOf } from "./attributes";
import type { DraftObject } from "./assemble-types";
import { COUNTER_TOPS, FLAT_TOPS, PART_WORDS, TABLE_TOPS, sameKind } from "./assemble-words";
import type { Mention } from "./mentions";
import { targetSizeFor } from "./sizes";

/** Objects created for the mentions (in order and by id) and the negated categories. */
export interface AssignedIds {
  objects: DraftObject[];
  byId: Map<string, DraftObject>;
  negations: string[];
}

/** Give every mention its object ids: create objects for new mentions, resolve references (mutates `mentions`). */
export function assignIds(mentions: Mention[]): AssignedIds {
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
      const matches: Mention[] = [];
      for (let j = mi - 1; j >= 0; j--) {
        const p = mentions[j];
        if ((p.kind === "new" || p.kind === "ref") && p.ids.length > 0 && (sameKind(p.category, m.category) || (m.category.length >= 4 && p.category.endsWith(m.category)) || (!categoryInfo(m.category).known && categoryInfo(m.category).family === categoryInfo(p.category).family && categoryInfo(p.category).family !== "box"))) {
          matches.push(p);
        }
      }
      // "the glass table" after "a glass table ... a console table": the same category (and the named colour or
      // material) wins over a nearer object whose category only ends the same way.
      const agrees = (p: Mention) => {
        const a = byId.get(p.ids[0])!.attributes;
        return m.modifiers.every((w) => (materialOf(w) === null || a.material === materialOf(w)) && (colorOf(w) === null || a.colorName === w || a.color === colorOf(w)));
      };
      found = matches.find((p) => p.category === m.category && agrees(p)) ?? matches.find((p) => p.category === m.category) ?? matches[0];
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
  return { objects, byId, negations };
}
