/** Edits (DESIGN.md section 6): the EditPlan schema, the offline router, reference resolution and the commands. */
export * from "./plan";
export * from "./commands";
export { planEdit, contextOf, type RouteOptions } from "./router";
export { parseInstruction, parseClause, normalize, type Intent, type Destination } from "./parse";
export { parseReference, type RefSpec } from "./reference";
export { resolveReference, matchNoun, summarize } from "./resolve";
export { conflictsFor, collide, type Body } from "./conflicts";
export { paramsFor, paramKeyFor, SIZE_RANGE_M, COUNT_RANGE } from "./params-rules";
export { resizeRoom, newWindow, roomPatchFor } from "./room";
export * from "./history";
export { unifiedDiff } from "./diff";
