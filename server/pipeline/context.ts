import "server-only";
/** Stage contexts: upstream memory, the runner's Blender version, the job's abort signal, and a note collector. */
import type { MemoryEntry, StageName } from "../../lib/scene/schema";
import type { StageContext } from "../engines/types";
import { getRunner } from "../runner";
import { getStore } from "../store";

/** A StageContext plus the notes it collected. */
export interface PipelineContext extends StageContext {
  stage: StageName;
  notes: string[];
  usageTotals: { promptTokens: number; completionTokens: number; model: string | null };
}

/** Build the context of `stage` for a scene (memory read from the store at creation). */
export function makeContext(sceneId: string, stage: StageName, signal: AbortSignal): PipelineContext {
  const notes: string[] = [];
  const usageTotals = { promptTokens: 0, completionTokens: 0, model: null as string | null };
  return {
    sceneId,
    stage,
    memory: getStore().memory.list(sceneId),
    blenderVersion: getRunner().blenderVersion(),
    signal,
    notes,
    usageTotals,
    note(text: string) {
      notes.push(text);
    },
    usage(u) {
      usageTotals.promptTokens += u.promptTokens;
      usageTotals.completionTokens += u.completionTokens;
      usageTotals.model = u.model;
    },
  };
}

/** A memory entry of `stage` created now. */
export function entry(stage: StageName, kind: string, key: string, value: unknown): MemoryEntry {
  return { stage, kind, key, value, createdAt: new Date().toISOString() };
}

/** Throws the signal's reason when the job was aborted. */
export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error("pipeline: job aborted");
}
