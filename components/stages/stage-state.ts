/**
 * Derives each pipeline stage's state from the scene snapshot and the events seen since the page
 * loaded, so the timeline is right after a reload (snapshot) and live while events stream in.
 */
import { STAGES, type Scene, type StageEvent, type StageName } from "@/lib/scene";

/** Display state of one stage. */
export type StageState = "waiting" | "running" | "done" | "failed" | "review";

/** State per stage (structure, layout, profile, code, decor). */
export function stageStates(scene: Scene | null, events: StageEvent[]): Record<StageName, StageState> {
  const out = Object.fromEntries(STAGES.map((s) => [s, "waiting"])) as Record<StageName, StageState>;
  if (!scene) return out;
  const idx = scene.stage ? STAGES.indexOf(scene.stage) : -1;
  if (scene.status === "completed") {
    for (const s of STAGES) out[s] = "done";
  } else if (idx >= 0) {
    STAGES.forEach((s, i) => {
      if (i < idx) out[s] = "done";
    });
    const cur = STAGES[idx];
    out[cur] = scene.status === "failed" ? "failed" : scene.status === "needs_review" ? "review" : scene.status === "running" ? "running" : out[cur];
  }
  for (const ev of events) {
    if (!ev.stage) continue;
    if (ev.type === "stage.started" && out[ev.stage] === "waiting") out[ev.stage] = "running";
    if (ev.type === "stage.completed" && out[ev.stage] !== "review") out[ev.stage] = "done";
  }
  if (scene.status === "needs_review") out.structure = "review";
  return out;
}

/** Plain-language label of a stage. */
export const STAGE_LABELS: Record<StageName, { title: string; what: string }> = {
  structure: { title: "Structure", what: "Room size, openings and the objects to make" },
  layout: { title: "Layout", what: "Where every object stands, and the room shell" },
  profile: { title: "Profile", what: "A parts blueprint for each object" },
  code: { title: "Code", what: "One Blender program per object, built and checked" },
  decor: { title: "Decor", what: "Floor, walls and lights" },
};
