import "server-only";
/** Edits on the server (DESIGN.md section 6): instructions, object PATCH/PUT program, history, revisions. */
export { applyInstruction, runPlan, DEFAULT_ACTOR } from "./apply";
export { patchObject, putProgram, validateParams, ObjectPatch, MAX_SOURCE_CHARS } from "./objects";
export { listHistory, undo, redo, type HistoryItem } from "./history";
export { listRevisions, diffRevisions, restoreRevision, type RevisionItem } from "./revisions";
export { withObjectLocks, ROOM_LOCK } from "./lock";
export { fixPlacement } from "./fix";
