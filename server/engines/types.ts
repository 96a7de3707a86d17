import "server-only";
/**
 * The engine interface (DESIGN.md section 5): every engine implements every stage. The pipeline
 * (server/pipeline) orchestrates stages, runs programs through the runner, stores results and emits events;
 * engines only produce content.
 */
import type {
  BuildError,
  BuildStats,
  Decor,
  EngineName,
  MemoryEntry,
  ObjectPlan,
  ObjectSpec,
  Opening,
  Placement,
  Route,
  Scene,
  SceneObject,
  StructureSpec,
} from "../../lib/scene/schema";

/** Input of the structure stage. */
export interface StructureInput {
  prompt: string | null;
  image: { path: string; widthPx: number; heightPx: number; roomDims: { w: number; d: number } | null } | null;
}

/** What every stage receives. `memory` holds all upstream MemoryEntry rows; `blenderVersion` is what the runner reports. */
export interface StageContext {
  sceneId: string;
  memory: MemoryEntry[];
  blenderVersion: string | null;
  signal: AbortSignal;
  /** Adds a note to the current stage's output (shown in the UI). */
  note(text: string): void;
  /** Records token usage for the current stage (model engines). */
  usage?(u: { promptTokens: number; completionTokens: number; model: string }): void;
}

/** Output of the layout stage: room shell (program included) and a placement per object id. */
export interface LayoutResult {
  room: {
    footprint: [number, number][];
    wallHeight: number;
    wallThickness: number;
    openings: Opening[];
    programSource: string;
  };
  placements: Record<string, Placement>;
  /** Objects whose support changed during layout (e.g. put on top of another). */
  supports?: Record<string, SceneObject["support"]>;
  notes: string[];
}

/** Output of the profile stage for one object. */
export interface ProfileResult {
  route: Route;
  plan: ObjectPlan;
}

/** Output of the decor stage: materials and lights, plus small surface objects to add (built like other objects). */
export interface DecorResult {
  decor: Decor;
  extraObjects: { spec: ObjectSpec; placement: Placement }[];
}

/** An engine. Methods throw AppError (code `model_error`, `image_invalid`, ...) on failure. */
export interface Engine {
  readonly name: EngineName;
  structure(ctx: StageContext, input: StructureInput): Promise<StructureSpec>;
  layout(ctx: StageContext, spec: StructureSpec): Promise<LayoutResult>;
  profile(ctx: StageContext, obj: ObjectSpec, scene: Scene): Promise<ProfileResult>;
  /** Writes the object's program; `onText` receives the source as it streams (full text so far). */
  code(ctx: StageContext, obj: SceneObject, scene: Scene, onText?: (textSoFar: string) => void): Promise<{ source: string }>;
  /** Repairs a program from its error (attempt 1..3); null when the engine cannot repair. */
  repair(ctx: StageContext, obj: SceneObject, source: string, error: BuildError, attempt: number): Promise<{ source: string } | null>;
  /** Refines a built program whose bounding box is off its target by more than 15%; null when no refinement. */
  refine(ctx: StageContext, obj: SceneObject, source: string, stats: BuildStats): Promise<{ source: string } | null>;
  decor(ctx: StageContext, scene: Scene): Promise<DecorResult>;
}
