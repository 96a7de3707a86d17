/** Relation and support recording of the assembler, shared by its clause passes. */
import type { Relation, RelationType } from "../scene/schema";
import { categoryInfo } from "../vocab";
import type { DraftObject } from "./assemble-types";
import { FLAT_TOPS, WALL_MOUNTABLE } from "./assemble-words";
import type { Mention } from "./mentions";
import type { GapKind } from "./relation-words";
import type { Token } from "./tokens";

/** Floor furniture that never stands on another piece: static furniture at least 0.5 m high or 0.5 m^2 in plan. */
function isLargeFurniture(category: string): boolean {
  const info = categoryInfo(category);
  if (info.surface || info.route !== "static_furniture") return false;
  if (["potted_plant", "box", "composed", "basket", "bean_bag", "ottoman", "pillow", "speaker", "table_lamp", "candle", "vase"].includes(info.family)) return false;
  const { w, d, h } = info.defaultSize;
  return h >= 0.5 || w * d >= 0.5;
}

/** Records relations and supports between draft objects. */
export interface RelationBuilder {
  byId: Map<string, DraftObject>;
  relations: Relation[];
  resolvePronoun: (mi: number, before: number) => string[];
  addRel: (type: RelationType, subject: string, anchor: string, anchor2?: string) => void;
  setSupport: (id: string, s: string) => void;
  area: (id: string) => number;
  apply: (kind: GapKind, subj: string[], anchorM: Mention, anchorIds: string[], gap: string, next?: Mention) => boolean;
}

/** A RelationBuilder over the objects of pass 1; `apply` skips subjects whose category is negated. */
export function relationBuilder(mentions: Mention[], byId: Map<string, DraftObject>, negated: ReadonlySet<string>, toks?: readonly Token[]): RelationBuilder {
  const area = (id: string) => {
    const o = byId.get(id)!;
    return o.targetSize.w * o.targetSize.d;
  };
  const resolvePronoun = (mi: number, before: number): string[] => {
    if (mentions[mi].category === "part") {
      const m = mentions[mi];
      const holds = (p: Mention) => (p.kind === "new" || p.kind === "ref") && p.ids.length > 0 && FLAT_TOPS.has(categoryInfo(p.category).family) && !byId.get(p.ids[0])?.support?.startsWith("on:");
      // "A table sits in front of the sofa, its surface holding ...": a possessive opening a clause refers to the
      // sentence's subject (its first mention), the preferred antecedent of centering theory (Grosz, Joshi and
      // Weinstein 1995).
      if (toks && m.start > 0 && /^(,|;|with|and|while)$/.test(toks[m.start - 1].w)) {
        const first = mentions.findIndex((p) => p.s === m.s);
        if (first >= 0 && first < mi && holds(mentions[first])) return mentions[first].ids.slice(0, 1);
      }
      // "X on its surface": the part belongs to an object mentioned before X, never to X itself, and one that can
      // hold X (at least X's plan area).
      const subjectArea = before < mi && mentions[before]?.ids[0] && byId.has(mentions[before].ids[0]) ? area(mentions[before].ids[0]) : 0;
      for (let j = Math.min(mi, before) - 1; j >= 0; j--) {
        const p = mentions[j];
        if (holds(p) && area(p.ids[0]) >= subjectArea) return p.ids.slice(0, 1);
      }
    }
    for (const skipHeld of [true, false]) {
      for (let j = Math.min(mi, before) - 1; j >= 0; j--) {
        const p = mentions[j];
        if ((p.kind === "new" || p.kind === "ref") && p.ids.length > 0) {
          if (skipHeld && byId.get(p.ids[0])?.support?.startsWith("on:")) continue;
          return mentions[mi].plural ? p.ids : p.ids.slice(0, 1);
        }
      }
    }
    return [];
  };

  const relations: Relation[] = [];
  const seen = new Set<string>();
  const addRel = (type: RelationType, subject: string, anchor: string, anchor2?: string) => {
    if (subject === anchor) return;
    const key = `${type}|${subject}|${anchor}|${anchor2 ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push(anchor2 ? { type, subject, anchor, anchor2 } : { type, subject, anchor });
  };
  const setSupport = (id: string, s: string) => {
    const o = byId.get(id);
    // A ceiling fixture hangs from the ceiling: "above the table" never puts it on the table.
    if (o && s.startsWith("on:") && categoryInfo(o.category).support === "ceiling") return;
    if (o && (o.support === null || s.startsWith("on:"))) o.support = s;
  };

  /** Apply one relation kind between subject ids and an anchor mention. */
  const apply = (kind: GapKind, subj: string[], anchorM: Mention, anchorIds: string[], gap: string, next?: Mention): boolean => {
    if (anchorM.kind === "arch") {
      const arch = anchorM.arch!;
      for (const s of subj) {
        const fam = categoryInfo(byId.get(s)!.category).family;
        if (arch === "wall") {
          if ((kind === "on_top" || kind === "hang" || kind === "inside" || kind === "above") && WALL_MOUNTABLE.has(fam)) setSupport(s, "wall");
          addRel("against_wall", s, "wall");
        } else if (arch === "corner") addRel("corner", s, "room");
        else if (arch === "middle") {
          if (next && next.kind !== "arch" && next.ids.length > 0 && /\bof\b/.test(gap + " of")) continue;
          addRel("middle", s, "room");
        } else if (arch === "room") {
          if (kind === "center" || /\b(center|centre|middle|centered)\b/.test(gap)) addRel("middle", s, "room");
          else if (kind === "across") addRel("across", s, "door");
          else return false;
        } else if (arch === "floor") {
          if (kind === "center") addRel("middle", s, "room");
          else if (kind === "on_top" || kind === "inside") setSupport(s, "floor");
          else return false;
        } else if (arch === "window") {
          if (kind === "under" || kind === "against") addRel("under_window", s, "window");
          else if (kind === "facing") addRel("facing", s, "window");
          else if (kind === "across") addRel("across", s, "window");
          else addRel("near_window", s, "window");
        } else if (arch === "door") {
          if (kind === "across") addRel("across", s, "door");
          else if (kind === "facing") addRel("facing", s, "door");
          else addRel("near_door", s, "door");
        } else if (arch === "ceiling") {
          setSupport(s, "ceiling");
        }
      }
      return true;
    }
    if (anchorIds.length === 0) return false;
    const anchor = anchorIds[0];
    const anchorFam = categoryInfo(byId.get(anchor)!.category).family;
    for (const s of subj) {
      if (negated.has(byId.get(s)!.category)) continue;
      switch (kind) {
        case "between": {
          const second = anchorIds[1] ?? (next && next.ids.length > 0 ? next.ids[0] : undefined);
          if (second) addRel("between", s, anchor, second);
          else addRel("near", s, anchor);
          // "between the sofa and the window": beside both.
          if (!second && next?.kind === "arch" && (next.arch === "window" || next.arch === "door")) apply("near", [s], next, [], gap);
          break;
        }
        case "left": case "right": case "front": case "behind": case "across": case "facing": case "around": case "above": case "under": case "near": case "next_to":
          addRel(kind, s, anchor);
          if (kind === "above") {
            const fam = categoryInfo(byId.get(s)!.category).family;
            if (categoryInfo(byId.get(s)!.category).support === "ceiling") setSupport(s, "ceiling");
            else if (WALL_MOUNTABLE.has(fam) && fam !== "table_lamp") setSupport(s, "wall");
          }
          break;
        case "hang": {
          // "A TV mounted above the fireplace": on the wall (or the ceiling) above it, never standing on it.
          addRel("above", s, anchor);
          const info = categoryInfo(byId.get(s)!.category);
          if (info.support === "ceiling") setSupport(s, "ceiling");
          else if (WALL_MOUNTABLE.has(info.family) || info.support === "wall") setSupport(s, "wall");
          break;
        }
        case "against":
          addRel("next_to", s, anchor);
          break;
        case "around_rev":
        case "next_rev":
          break;
        case "center":
        case "on_top":
        case "inside":
        case "hold_rev": {
          if (anchorFam === "rug") {
            // On a rug is on the floor: it lies flat and carries nothing else's weight.
            addRel("on_top", s, anchor);
            setSupport(s, "floor");
            break;
          }
          // Something said to be on a piece of furniture stands on it (the surface fit shrinks it to the top);
          // only large furniture on smaller furniture ("a sofa on the bench") is read as beside it.
          if (area(s) > area(anchor) * 1.1 && isLargeFurniture(byId.get(s)!.category) && categoryInfo(byId.get(s)!.category).family !== "rug") {
            addRel("near", s, anchor);
            break;
          }
          addRel("on_top", s, anchor);
          setSupport(s, `on:${anchor}`);
          // "a bowl at the center of the table", "a TV centered on the console": on it, at its centre.
          if (kind === "center") addRel("middle", s, anchor);
          break;
        }
        default:
          break;
      }
    }
    return true;
  };
  return { byId, relations, resolvePronoun, addRel, setSupport, area, apply };
}
