/**
 * Relations whose anchor is left unsaid ("a lamp on the right", "a pouf in front", "a cushion on top"): the
 * relation phrase after a mention, up to the end of its clause and with no mention after it, is read with the
 * relation vocabulary (lib/text/relations) and anchored on the object mentioned last before the subject. The
 * side words keep their SceneEval meaning, the anchor's own sides; "on top" also puts the subject on it; a bare
 * "centered" or "at its center" centres the subject in the room, or on what it stands on.
 */
import type { RelationType } from "../scene/schema";
import { gapKind } from "../text/relations";
import type { RelationBuilder } from "./assemble-relations";
import type { Mention } from "./mentions";
import { isPunct, type Token } from "./tokens";

/** Relation kinds an anchorless phrase can carry. */
const ELLIPTICAL: ReadonlySet<string> = new Set(["left", "right", "front", "behind", "on_top", "next_to", "above", "under"]);

/** Add the relations of anchorless relation phrases (see the module comment). */
export function linkElliptical(toks: readonly Token[], mentions: Mention[], rb: RelationBuilder): void {
  for (let k = 1; k < mentions.length; k++) {
    const a = mentions[k];
    if (a.kind !== "new" || a.ids.length === 0) continue;
    const words: string[] = [];
    let j = a.end;
    for (; j < toks.length && words.length < 6; j++) {
      if (isPunct(toks[j])) break;
      if (mentions[k + 1] && j >= mentions[k + 1].start) break;
      words.push(toks[j].w);
    }
    // The phrase must close its clause: a mention right after it would be the anchor the clause pass already read.
    if (words.length === 0 || (mentions[k + 1] && mentions[k + 1].start === j && mentions[k + 1].s === a.s)) continue;
    const phrase = words.join(" ");
    if (/^((stands|sits|is|are|placed|positioned|set|rests|resting|lies|lying|sitting|standing) )?((centered|centred)( stage)?|(at|in) (its|their|the) (center|centre|middle)|center stage)$/.test(phrase)) {
      // "a desk stands centered", "a bowl at its center": centred in the room when no object is named (the
      // parser's support pass makes it the centre of what the subject stands on, if anything).
      for (const s of a.ids) rb.addRel("middle", s, "room");
      continue;
    }
    if (!/^(is |are |sits |stands |rests |lies |placed |positioned |set )?(on|to|in|at|directly|just|right)\b/.test(phrase)) continue;
    const kind = gapKind(phrase.replace(/\b(its|their|the)\b/g, "").replace(/\s+/g, " "));
    if (!kind || !ELLIPTICAL.has(kind)) continue;
    if (kind === "on_top" && !/\b(on top|atop)\b/.test(phrase)) continue;
    if ((kind === "left" || kind === "right") && !/\b(left|right)( hand)?( side)?$/.test(phrase)) continue;
    // The anchor: the object mentioned last before the subject, in the same sentence.
    let anchor: string | null = null;
    for (let p = k - 1; p >= 0 && mentions[p].s === a.s; p--) {
      const m = mentions[p];
      if ((m.kind === "new" || m.kind === "ref") && m.ids.length > 0 && !m.ids.some((id) => a.ids.includes(id))) {
        anchor = m.ids[0];
        break;
      }
    }
    if (!anchor) continue;
    if (rb.relations.some((r) => a.ids.includes(r.subject) && r.type === kind)) continue;
    for (const s of a.ids) {
      rb.addRel(kind as RelationType, s, anchor);
      if (kind === "on_top") rb.setSupport(s, `on:${anchor}`);
      else {
        // A side neighbour of something on a surface shares that surface.
        const sup = rb.byId.get(anchor)?.support;
        if (sup?.startsWith("on:") && !rb.byId.get(s)?.support && (kind === "left" || kind === "right" || kind === "next_to")) rb.setSupport(s, sup);
      }
    }
  }
}
