"use client";
/** Stages pane: the five stages as a live timeline (fed by SSE through the store), each expandable. */
import { useState } from "react";
import { STAGES, type StageName } from "@/lib/scene";
import { useEditor } from "../editor/editor-context";
import { StageOutput } from "./stage-output";
import { STAGE_LABELS, stageStates } from "./stage-state";
import { StatusIcon } from "./status-icon";
import { friendlySceneError } from "./friendly-error";

const CONNECTION_TEXT = { idle: "", connecting: "connecting…", open: "live", reconnecting: "reconnecting…", closed: "" } as const;

/** The timeline with stage rows, event count and the scene-level error. */
export function StageTimeline() {
  const scene = useEditor((s) => s.scene);
  const events = useEditor((s) => s.events);
  const connection = useEditor((s) => s.connection);
  const [open, setOpen] = useState<Partial<Record<StageName, boolean>>>({});
  const states = stageStates(scene, events);
  return (
    <section aria-label="Stages" data-testid="timeline" data-connection={connection} className="text-sm">
      <div className="mb-1 flex items-baseline justify-between">
        <h2 className="font-semibold">Stages</h2>
        <span className="text-xs text-stone-500" data-testid="connection">
          {CONNECTION_TEXT[connection]}
        </span>
      </div>
      <ol className="space-y-1">
        {STAGES.map((st) => {
          const count = events.filter((e) => e.stage === st).length;
          return (
            <li key={st} data-testid={`stage-${st}`} data-state={states[st]} className="rounded border border-stone-200 bg-white">
              <button
                type="button"
                className="flex w-full items-center gap-2 px-2 py-1 text-left"
                aria-expanded={!!open[st]}
                onClick={() => setOpen((o) => ({ ...o, [st]: !o[st] }))}
              >
                <StatusIcon status={states[st]} />
                <span className="font-medium">{STAGE_LABELS[st].title}</span>
                <span className="min-w-0 flex-1 truncate text-xs text-stone-500">{STAGE_LABELS[st].what}</span>
                {count > 0 && <span className="text-[10px] text-stone-400">{count}</span>}
              </button>
              {open[st] && scene && (
                <div className="border-t border-stone-100 px-2 py-1">
                  <StageOutput stage={st} scene={scene} events={events} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {scene?.status === "failed" && (
        <div role="alert" className="mt-2 rounded bg-red-50 p-2 text-xs text-red-800">
          {friendlySceneError(scene.error ?? "")}
          {scene.error && (
            <details>
              <summary className="cursor-pointer">Technical detail</summary>
              <pre className="whitespace-pre-wrap">{scene.error}</pre>
            </details>
          )}
        </div>
      )}
      <ol className="sr-only" data-testid="event-log">
        {events.map((e) => (
          <li key={e.seq} data-seq={e.seq}>
            {e.type}
          </li>
        ))}
      </ol>
    </section>
  );
}
