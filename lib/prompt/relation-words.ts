/** The relation vocabulary of room descriptions lives in lib/text/relations (shared with edits). */
export { GAP_PATTERNS, gapKind, type GapKind } from "../text/relations";
