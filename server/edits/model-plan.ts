import "server-only";
/**
 * Model-planned edits for scenes of the `openai` engine (DESIGN.md section 6): when the rule-based router
 * refuses an instruction as `unsupported_edit` (not understood, or a PARAMS change the program cannot express),
 * the model routes it (`routeEdit`) over a compact scene summary and rewrites programs (`rewriteProgram`);
 * its answer becomes an ordinary `EditPlan` run by the same applier. Instructions the rules can plan, questions
 * back (`ambiguous`) and refusals that no model can fix (empty, too long, nothing to change...) never reach it.
 */
import type { EditPlan, EditRefusal } from "../../lib/edits/plan";
import { commandObjectId } from "../../lib/edits/commands";
import { CAPABILITIES } from "../../lib/edits/plan";
import { PlanBuilder } from "../../lib/edits/plan-builder";
import { boundsOf } from "../../lib/edits/geometry";
import { AppError, isAppError } from "../../lib/errors";
import type { Scene, SceneObject } from "../../lib/scene/schema";
import { rewriteProgram, routeEdit } from "../engines/openai/edit";
import type { TokenUsage } from "../llm/usage";
import { getRunner } from "../runner";
import { addModelOps } from "./model-ops";

/** Refusal reasons of the rule router that the model is not asked about: the instruction was understood and cannot be done, or is invalid. */
export const FINAL_REASONS: ReadonlySet<string> = new Set(["empty", "too_long", "too_many", "no_change", "room_size", "self", "swap_needs_two", "ordinal_out_of_range"]);

/** What the model calls of one edit cost: prompt versions, per-call notes (prompt + tokens), token totals. */
export interface ModelEditUsage {
  promptVersion: string;
  usage: string;
  calls: string[];
  promptTokens: number;
  completionTokens: number;
  model: string | null;
}

/** A model-made plan, the usage record for `edit.plan`, and the program revisions it was made from (object id -> rev). */
export interface ModelPlan {
  plan: EditPlan;
  model: ModelEditUsage;
  basis: Record<string, number | null>;
}

/** True when a refusal of the rule router on `scene` should go to the model: openai scenes, `unsupported_edit`, reason not final. */
export function wantsModel(scene: Pick<Scene, "engine">, refusal: EditRefusal): boolean {
  if (scene.engine !== "openai" || refusal.code !== "unsupported_edit") return false;
  const reason = refusal.details.reason;
  return !(typeof reason === "string" && FINAL_REASONS.has(reason));
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Compact scene summary for the edit route (m, deg): objects with id, category, name, support, placement, target size, PARAMS; room size; selection. */
export function sceneSummary(scene: Scene, selection: readonly string[]): unknown {
  const room = scene.room;
  const bb = room ? boundsOf(room.footprint) : null;
  return {
    room: bb ? { widthM: r3(bb.maxX - bb.minX), depthM: r3(bb.maxY - bb.minY), heightM: room!.wallHeight, walls: "0 south, 1 east, 2 north, 3 west" } : null,
    selection,
    objects: scene.objects.map((o) => ({
      id: o.id,
      category: o.category,
      name: o.name,
      support: o.support,
      placement: { x: r3(o.placement.x), y: r3(o.placement.y), z: r3(o.placement.z), yawDeg: r3(o.placement.yawDeg) },
      targetSize: o.targetSize,
      params: o.program?.params ?? null,
    })),
  };
}

function objectContext(scene: Scene, o: SceneObject, instruction: string): unknown {
  return {
    id: o.id,
    category: o.category,
    name: o.name,
    description: o.description,
    targetSize: o.targetSize,
    placement: o.placement,
    support: o.support,
    attributes: o.attributes,
    designerInstruction: instruction,
    onTop: scene.objects.filter((x) => x.support === `on:${o.id}`).map((x) => x.id),
  };
}

/** A failed call as an AppError: a refusal (`details.refusal`) is the model declining the edit (`unsupported_edit`), anything else `model_error`. */
function modelFailure(e: unknown, stage: string): AppError {
  const refusal = isAppError(e) && typeof e.details?.refusal === "string" ? e.details.refusal : null;
  if (refusal) return new AppError("unsupported_edit", `The model declined this edit: ${refusal}`, { reason: "model_refused", refusal, capabilities: [...CAPABILITIES], source: "model" });
  const msg = e instanceof Error ? e.message : String(e);
  const details = isAppError(e) ? { ...(e.details ?? {}), stage } : { stage };
  return new AppError("model_error", `The model could not plan this edit (${stage}): ${msg}`, details);
}

/**
 * Plans `instruction` on `scene` with the model. Throws AppError `unsupported_edit` / `ambiguous` (422) with
 * the model's text when it answers so, refuses, or plans nothing, `model_error` (502) when a call fails or its plan
 * names what the scene does not have; nothing is applied in any case.
 */
export async function planWithModel(scene: Scene, instruction: string, opts: { selection?: readonly string[]; now?: string; signal?: AbortSignal } = {}): Promise<ModelPlan> {
  const selection = opts.selection ?? [];
  const text = instruction.trim();
  const calls: string[] = [];
  const totals = { promptTokens: 0, completionTokens: 0, model: null as string | null };
  const onUsage = (u: TokenUsage) => {
    totals.promptTokens += u.promptTokens;
    totals.completionTokens += u.completionTokens;
    totals.model = u.model;
  };
  const note = (t: string) => calls.push(t);
  let routed;
  try {
    routed = await routeEdit(text, sceneSummary(scene, selection), { signal: opts.signal, onUsage, note });
  } catch (e) {
    throw modelFailure(e, "edit-route");
  }
  const model: ModelEditUsage = { promptVersion: routed.promptVersion, usage: routed.usage, calls, ...totals };
  const sync = () => Object.assign(model, totals);
  if (routed.question?.trim()) {
    throw new AppError("ambiguous", routed.question.trim(), { question: routed.question.trim(), candidates: [], source: "model" });
  }
  if (routed.unsupported?.trim() || !routed.ops.length) {
    const why = routed.unsupported?.trim() || "The model found nothing to change for this instruction.";
    throw new AppError("unsupported_edit", why, { reason: "model_unsupported", capabilities: [...CAPABILITIES], source: "model" });
  }
  const b = new PlanBuilder(scene, selection, opts.now ?? new Date().toISOString());
  const basis: Record<string, number | null> = {};
  const blenderVersion = getRunner().blenderVersion();
  await addModelOps(b, routed.ops, async (o, rewrite) => {
    basis[o.id] = o.program?.rev ?? null;
    try {
      return await rewriteProgram(o.program!.source, rewrite, objectContext(b.work, o, text), { signal: opts.signal, onUsage, note, blenderVersion });
    } catch (e) {
      throw modelFailure(e, "edit-rewrite");
    }
  });
  sync();
  const ops = b.finish();
  for (const op of ops) {
    const id = commandObjectId(op.command);
    if (id && !(id in basis) && op.command.name !== "add-object") basis[id] = scene.objects.find((o) => o.id === id)?.program?.rev ?? null;
  }
  return { plan: { instruction: text, ops, notes: [...b.notes, ...routed.notes] }, model, basis };
}

/** Throws AppError `conflict` when an object of `basis` changed its program revision (or vanished) since the model planned. */
export function assertBasis(scene: Scene, basis: Record<string, number | null>): void {
  for (const [id, rev] of Object.entries(basis)) {
    const o = scene.objects.find((x) => x.id === id);
    if (!o || (o.program?.rev ?? null) !== rev) {
      throw new AppError("conflict", `${id} changed while the model was planning this edit; run the instruction again.`, { objectId: id });
    }
  }
}
