/** The one relation vocabulary of prompts and edits: relation phrases -> relation kinds (SceneEval's vocabulary plus common paraphrases). */

/** A relation kind found between two mentions; `_rev` kinds swap subject and anchor. */
export type GapKind =
  | "between" | "left" | "right" | "front" | "behind" | "across" | "facing" | "around" | "around_rev" | "next_rev"
  | "flank" | "flank_rev" | "on_top" | "inside" | "above" | "under" | "next_to" | "near" | "against" | "hold_rev" | "center" | "hang" | "corner";

/** Ordered patterns: the first that matches a gap wins (specific phrases before general ones). */
export const GAP_PATTERNS: readonly [RegExp, GapKind][] = [
  [/\bbetween\b/, "between"],
  // Textiles laid over something lie on it ("a throw draped over the sofa's arm"), before "over" (above).
  [/\b(draped|thrown|laid|spread|folded|tossed|slung) (over|across|on|onto|atop)\b/, "on_top"],
  // Passive holders before the generic "by"/"with": "a TV stand topped by a painting" puts the painting on it.
  [/\b(topped|crowned|adorned|decorated|laden|strewn) (by|with)\b/, "hold_rev"],
  [/\bflanked by\b|\bframed by\b/, "flank_rev"],
  [/\b(flanking|flank|flanks)\b|\b(on|at|to)? ?(either|each|both|opposite) sides?( of)?\b/, "flank"],
  // Seats "on the long sides" or "at the short end" of a table are around it, not on it (before "on").
  [/\b((on|along|at|by|down|lines?|lining) )?((the|its|their|one|each|both|either) )?(long|longer|short|shorter) (sides?|ends?|edges?)( of)?\b/, "around"],
  [/\b(to|on|at)( the| its| their)? left( hand)?( side)?( of)?\b|\bleft of\b|\bleft side of\b|\bleftmost\b/, "left"],
  [/\b(to|on|at)( the| its| their)? right( hand)?( side)?( of)?\b|\bright of\b|\bright side of\b|\brightmost\b/, "right"],
  [/\bin front of\b|\bin front\b|\bfoot of\b|\bfoot\b|\bbefore\b/, "front"],
  [/\bbehind\b|\bin back of\b|\bat the back of\b|\bback of\b/, "behind"],
  [/\bsurrounded by\b|\bencircled by\b|\bringed by\b|\bframed by\b|\bseats\b|\bseating\b/, "around_rev"],
  [/\bflanked by\b|\baccompanied by\b|\bpaired with\b|\bjoined by\b/, "next_rev"],
  [/\bacross from\b|\bopposite\b|\bacross\b/, "across"],
  [/\bfacing\b|\bfaces\b|\bface\b|\bfaced\b|\btowards?\b|\boverlooking\b|\boverlooks\b|\blooks at\b/, "facing"],
  [/\bbordering\b|\baround\b|\bsurrounding\b|\bsurround\b|\bsurrounds\b|\bencircling\b|\bcircling\b|\bencircle\b/, "around"],
  // A centre word relates the two objects only when it leads to the second one ("centered on", "the center of",
  // a gap ending in "at the center"); "a monitor is centered, with a keyboard ..." centres the first one alone.
  [/\b(centered|centred) (on|in|at|under|beneath|above|over|within|upon|atop)\b|\b(center|centre|middle) of\b|\b(centered|centred|center|centre|middle)( on| in)?$/, "center"],
  [/\bhangs?\b|\bhanging\b|\bhung\b|\bsuspended\b|\bdangling\b|\bdangles\b|\bmounted\b|\bpinned\b|\baffixed\b|\b(fixed|attached|bolted|screwed|fastened|nailed|secured) to\b/, "hang"],
  [/\b(occupy|occupies|occupying|adorns|adorn|adorning|graces|gracing|decorates|decorating|crowns|crowning|tops|topping|rests on|sits on)\b/, "on_top"],
  [/\bon top of\b|\batop\b|\bon\b|\bupon\b|\bonto\b/, "on_top"],
  [/\binside\b|\bwithin\b|\bin\b|\binto\b/, "inside"],
  [/\babove\b|\bover\b|\boverhead\b/, "above"],
  [/\bunder\b|\bbeneath\b|\bbelow\b|\bunderneath\b|\bunderfoot\b/, "under"],
  [/\bnext to\b|\bbeside\b|\bbesides\b|\balongside\b|\badjacent( to)?\b|\bby\b|\bflanking\b|\bflank\b|\bflanks\b|\bside by side\b|\bcompanion\b/, "next_to"],
  [/\bpulled up to\b|\bpushed up to\b|\btucked (under|into|beneath)\b|\bat\b/, "next_to"],
  [/\bnear\b|\bclose to\b|\bnearby\b|\bnot far from\b|\bclose by\b|\bclose\b/, "near"],
  [/\bagainst\b|\balong\b|\blines?\b|\blining\b|\blined\b|\bleans?\b|\bleaning\b|\bhugs?\b|\bhugging\b/, "against"],
  [/\bin (a|the|one|each|opposite|far|another)?\s?corner\b/, "corner"],
  [
    /\b(topped by|covered by|holds?|holding|supports?|supporting|displays?|displaying|topped with|tops?|adorned with|covered with|decorated with|with|has|have|featuring|features|carries|carrying|bears|hosts|showcasing|showcases|contains?|containing|filled with|packed with|stocked with|houses|housing|keeps|stores|storing|holds up|cradles|cradling)\b/,
    "hold_rev",
  ],
];

/** First relation kind in a gap text (words joined by spaces), or null. */
export function gapKind(gap: string): GapKind | null {
  for (const [re, kind] of GAP_PATTERNS) if (re.test(gap)) return kind;
  return null;
}

/** Relation of an edit's "move X <phrase> Y" ("next to", "to the left of", "across from") from the same patterns; null when the phrase names no object relation. */
export function editRelation(phrase: string): "near" | "left" | "right" | "front" | "behind" | "across" | "closer" | null {
  if (/\bcloser\b/.test(phrase)) return "closer";
  const k = gapKind(phrase);
  switch (k) {
    case "left": case "right": case "front": case "behind": case "across":
      return k;
    case "facing":
      return "across";
    case "next_to": case "near": case "against": case "flank":
      return "near";
    default:
      return null;
  }
}
