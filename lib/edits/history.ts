/**
 * Per-scene edit history (three.js editor's History): entries of commands with their inverses, an undo
 * pointer, and merging of continuous drags. Pure: the server persists entries and applies them.
 */
import { canMerge, type Command } from "./commands";

/** One history entry: what was done (commands), how to undo it (inverses, in order), who and when. */
export interface HistoryEntry {
  id: number;
  sceneId: string;
  /** Named kind of change: "instruction", "code", "params", "placement", "hidden", "restore", "add", "remove", "room". */
  kind: string;
  label: string;
  actor: string;
  at: string;
  commands: Command[];
  inverses: Command[];
  /** True after undo (until redo). */
  undone: boolean;
}

/** Drags on the same object within this window (ms) merge into one entry. */
export const MERGE_WINDOW_MS = 1500;

/** The entry that undo applies: the latest not undone. */
export function nextUndo(entries: readonly HistoryEntry[]): HistoryEntry | null {
  for (let i = entries.length - 1; i >= 0; i--) if (!entries[i].undone) return entries[i];
  return null;
}

/** The entry that redo applies: the earliest undone entry after the last done one. */
export function nextRedo(entries: readonly HistoryEntry[]): HistoryEntry | null {
  let i = entries.length - 1;
  let candidate: HistoryEntry | null = null;
  while (i >= 0 && entries[i].undone) {
    candidate = entries[i];
    i--;
  }
  return candidate;
}

/** Whether `next` (a new change at time `at`) merges into `prev` (same single set-placement target, same actor, within the merge window, not undone). */
export function shouldMerge(prev: HistoryEntry | null, next: { commands: readonly Command[]; actor: string; at: string; kind: string }): boolean {
  if (!prev || prev.undone || prev.kind !== "placement" || next.kind !== "placement" || prev.actor !== next.actor) return false;
  const dt = Date.parse(next.at) - Date.parse(prev.at);
  return dt >= 0 && dt <= MERGE_WINDOW_MS && canMerge(prev.commands, next.commands);
}
