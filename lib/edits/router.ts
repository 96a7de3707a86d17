/**
 * The offline edit router: instruction + selection -> `EditPlan` (or a refusal: a question when a
 * reference is ambiguous, the list of what it can do when an instruction is not understood).
 * Rule-based over PARAMS, placement and attributes; pure and deterministic.
 */
import { err, ok, type Result } from "../errors";
import type { Scene } from "../scene/schema";
import { parseInstruction } from "./parse";
import type { ParseContext } from "./parse-changes";
import type { EditPlan, EditRefusal } from "./plan";
import { PlanBuilder } from "./plan-builder";
import { unsupported } from "./plan-step";

/** Options: `now` is the ISO time stamped on synthetic revisions (pure code takes time as input). */
export interface RouteOptions {
  selection?: readonly string[];
  now?: string;
}

/** Parse context of a scene: its categories and the PARAMS keys of its programs. */
export function contextOf(scene: Scene): ParseContext {
  const paramKeys = new Set<string>();
  for (const o of scene.objects) for (const k of Object.keys(o.program?.params ?? {})) paramKeys.add(k);
  for (const k of ["width", "depth", "height", "color", "material", "style", "secondary_color"]) paramKeys.delete(k);
  return { categories: new Set(scene.objects.map((o) => o.category)), paramKeys };
}

/** Plans an instruction on a scene. Empty instructions and instructions it cannot carry out are refused with what it can do. */
export function planEdit(scene: Scene, instruction: string, opts: RouteOptions = {}): Result<EditPlan, EditRefusal> {
  const selection = opts.selection ?? [];
  const text = instruction.trim();
  if (!text) return err(unsupported("The instruction is empty. Say what to change, for example \"make the sofa navy\".", "empty"));
  if (text.length > 2000) return err(unsupported("The instruction is too long (over 2000 characters); split it into shorter edits.", "too_long"));
  const intents = parseInstruction(text, contextOf(scene));
  if (!intents.length) return err(unsupported("The instruction is empty.", "empty"));
  const b = new PlanBuilder(scene, selection, opts.now ?? new Date(0).toISOString());
  for (const intent of intents) {
    const r = b.apply(intent);
    if (!r.ok) return r;
  }
  return ok({ instruction: text, ops: b.finish(), notes: b.notes });
}
