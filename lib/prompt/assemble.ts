/** Mentions -> objects (ids, attributes, sizes) and relations between them. */
import { linkClauses, linkNearby } from "./assemble-clauses";
import { linkElliptical } from "./assemble-elliptical";
import { assignIds } from "./assemble-ids";
import { relationBuilder } from "./assemble-relations";
import type { Assembled } from "./assemble-types";
import type { Mention } from "./mentions";
import type { Token } from "./tokens";

/** Draft objects and the assembler output (defined in assemble-types.ts). */
export type { Assembled, DraftObject } from "./assemble-types";

/** Build objects and relations from mentions. */
export function assemble(toks: readonly Token[], mentions: Mention[]): Assembled {
  // Pass 1: ids for new mentions, references and pronouns.
  const { objects, byId, negations } = assignIds(mentions);
  const negated = new Set(negations);
  const rb = relationBuilder(mentions, byId, negated);
  const { relations } = rb;

  // Pass 2: relations from the words between consecutive mentions of a sentence.
  linkClauses(toks, mentions, rb);

  // "nearby" at the end of a clause: near the previously mentioned object.
  linkNearby(toks, mentions, rb.addRel);

  // Relation phrases with the anchor left unsaid ("on the right", "in front"): anchored on the previous object.
  linkElliptical(toks, mentions, rb);
  return { objects: objects.filter((o) => !negated.has(o.category)), relations: relations.filter((r) => !negated.has(byId.get(r.subject)?.category ?? "") && !(byId.has(r.anchor) && negated.has(byId.get(r.anchor)!.category))), negations };
}
