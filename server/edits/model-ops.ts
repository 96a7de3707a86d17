import "server-only";
/**
 * Turns the model's edit ops (`ModelEditOp`, server/engines/openai/schemas.ts) into the steps of an `EditPlan`
 * with the rule-based plan builder, so that model plans get the same placement solving (clamping, free spots,
 * carried objects), the same commands and the same executor as rule plans. A `rewrite` op becomes a `set-program`
 * step (build pending) whose source comes from the `rewrite` callback. Anything the model names that the scene does not have
 * throws AppError `model_error`; a step the builder refuses throws its `unsupported_edit` / `ambiguous`.
 */
import type { ParamLike } from "../../lib/edits/commands";
import type { Destination } from "../../lib/edits/parse";
import type { Change } from "../../lib/edits/parse-changes";
import { parseChanges } from "../../lib/edits/parse-changes";
import { addObjects } from "../../lib/edits/plan-add";
import type { PlanBuilder } from "../../lib/edits/plan-builder";
import type { StepResult } from "../../lib/edits/plan-step";
import type { Anchor, RefSpec } from "../../lib/edits/reference";
import { contextOf } from "../../lib/edits/router";
import { AppError } from "../../lib/errors";
import { parseParams } from "../../lib/program/params";
import type { SceneObject } from "../../lib/scene/schema";
import { canonicalCategory } from "../../lib/vocab";
import type { ModelEditOp } from "../engines/openai/schemas";
import { validateParams } from "./objects";

/** The model's wall indices (prompt `edit-route.md`): 0 south, 1 east, 2 north, 3 west. */
const WALL_SIDES = ["south", "east", "north", "west"] as const;
const ARCH = new Set(["window", "door", "wall", "center", "centre"]);

/** Writes the new program of one object for a `rewrite` op; returns the new source. */
export type RewriteFn = (obj: SceneObject, rewrite: string) => Promise<string>;

function bad(message: string, details: Record<string, unknown> = {}): never {
  throw new AppError("model_error", `engine: edit-route: ${message}`, { stage: "edit-route", ...details });
}

/** A reference to one object by id (the plan builder resolves ids exactly). */
export function refTo(id: string): RefSpec {
  return { text: id, pronoun: false, quantity: "one", noun: [id], plural: false, ordinal: null, side: null, color: null, relation: null, list: null };
}

function step(r: StepResult, op: ModelEditOp): void {
  if (r.ok) return;
  throw new AppError(r.error.code, `The model's step "${op.label}" cannot be carried out: ${r.error.message}`, { ...r.error.details, source: "model" });
}

function objectOf(b: PlanBuilder, op: ModelEditOp): SceneObject {
  const id = op.objectId ?? bad(`a ${op.kind} op names no object`);
  return b.work.objects.find((o) => o.id === id) ?? bad(`the plan names ${id}, which is not in the scene`, { objectId: id });
}

function anchorId(b: PlanBuilder, id: string | null, op: ModelEditOp): string {
  if (!id) bad(`the ${op.move?.type ?? op.kind} move of "${op.label}" has no anchor`);
  if (!b.work.objects.some((o) => o.id === id)) bad(`the plan names the anchor ${id}, which is not in the scene`, { objectId: id });
  return id;
}

function placement(b: PlanBuilder, op: ModelEditOp, o: SceneObject): void {
  const m = op.move ?? bad(`the placement op "${op.label}" has no move`);
  const ref = refTo(o.id);
  const go = (dest: Destination) => step(b.move(ref, dest), op);
  switch (m.type) {
    case "offset":
      return go({ type: "offset", dx: m.dx ?? 0, dy: m.dy ?? 0 });
    case "rotate":
      if (m.deg === null || !Number.isFinite(m.deg)) bad(`the rotation of "${op.label}" has no angle`);
      return step(b.apply({ type: "rotate", target: ref, deg: m.deg }), op);
    case "to_wall": {
      const side = m.wall !== null ? WALL_SIDES[m.wall] : undefined;
      if (!side) bad(`wall index ${String(m.wall)} is not 0..3`);
      return go({ type: "wall", side });
    }
    case "to_centre":
      return go({ type: "center" });
    case "near":
      return go({ type: "near", relation: "near", anchor: refTo(anchorId(b, m.anchor, op)) });
    case "onto":
      return go({ type: "onto", anchor: refTo(anchorId(b, m.anchor, op)) });
    case "face": {
      const a = (m.anchor ?? "").toLowerCase();
      const anchor: Anchor = ARCH.has(a)
        ? { kind: "arch", what: a === "centre" ? "center" : (a as "window" | "door" | "wall" | "center") }
        : { kind: "object", ref: refTo(anchorId(b, m.anchor, op)) };
      return step(b.apply({ type: "face", target: ref, anchor }), op);
    }
  }
}

function params(b: PlanBuilder, op: ModelEditOp, o: SceneObject): void {
  const list = op.params ?? [];
  if (!list.length) bad(`the params op "${op.label}" sets no PARAMS`);
  if (!o.program) bad(`${o.id} has no program to set PARAMS on`, { objectId: o.id });
  const values = Object.fromEntries(list.map((p) => [p.name, p.value]));
  try {
    validateParams(o, values);
  } catch (e) {
    bad(`the PARAMS of "${op.label}" were rejected: ${e instanceof Error ? e.message : String(e)}`, { objectId: o.id });
  }
  const prev = b.stepFor("set-params", o.id);
  b.paramsStep(o, values as Record<string, ParamLike>, () => (prev ? `${prev.label}; ${op.label}` : op.label));
}

function add(b: PlanBuilder, op: ModelEditOp): void {
  const a = op.add ?? bad(`the add op "${op.label}" has no object`);
  const category = canonicalCategory(a.category.replace(/_/g, " "));
  if (!category) bad(`the add op "${op.label}" has no category`);
  const near = a.near ? anchorId(b, a.near, op) : null;
  const before = new Set(b.work.objects.map((o) => o.id));
  const dest: Destination | null = near ? { type: "near", relation: "near", anchor: refTo(near) } : null;
  step(addObjects(b, { type: "add", count: 1, noun: category.split("_"), changes: [], dest }), op);
  const added = b.ops.find((x) => x.command.name === "add-object" && !before.has(x.command.args.object.id));
  if (added && added.command.name === "add-object" && a.description.trim()) {
    added.command.args.object = { ...added.command.args.object, description: a.description.trim().slice(0, 500) };
    added.label = op.label;
  }
}

function room(b: PlanBuilder, op: ModelEditOp): void {
  const r = op.room ?? bad(`the room op "${op.label}" has no change`);
  const ctx = contextOf(b.work);
  const read = (text: string, what: string): Change[] => {
    const { changes } = parseChanges(text.toLowerCase(), ctx);
    const useful = changes.filter((c) => c.kind === "color" || c.kind === "material");
    if (!useful.length) bad(`the ${what} "${text}" is not a colour or material the editor knows`);
    return useful;
  };
  let any = false;
  if (r.wallColor) {
    any = true;
    step(b.room("walls", read(r.wallColor, "wall colour")), op);
  }
  if (r.floorMaterial) {
    any = true;
    step(b.room("floor", read(r.floorMaterial, "floor material")), op);
  }
  const size: Change[] = [];
  if (r.widthM !== null) size.push({ kind: "absolute", dim: "w", meters: r.widthM });
  if (r.depthM !== null) size.push({ kind: "absolute", dim: "d", meters: r.depthM });
  if (size.length) {
    any = true;
    step(b.room("room", size), op);
  }
  if (!any) bad(`the room op "${op.label}" changes nothing`);
}

/**
 * Adds the model's ops to the builder in order. Rewrites call `rewrite` with the object's current program
 * (after earlier ops of the plan) and become `program` ops. Throws AppError `model_error` for ops that name
 * unknown objects or carry invalid values, `unsupported_edit` / `ambiguous` when the builder refuses a step.
 */
export async function addModelOps(b: PlanBuilder, ops: readonly ModelEditOp[], rewrite: RewriteFn): Promise<void> {
  for (const op of ops) {
    switch (op.kind) {
      case "placement":
        placement(b, op, objectOf(b, op));
        break;
      case "params":
        params(b, op, objectOf(b, op));
        break;
      case "rewrite": {
        const o = objectOf(b, op);
        if (!o.program) bad(`${o.id} has no program to rewrite`, { objectId: o.id });
        const source = await rewrite(o, op.rewrite?.trim() || op.label);
        const parsed = parseParams(source);
        b.programStep(o, source, parsed.ok ? parsed.value : {}, op.label);
        break;
      }
      case "add":
        add(b, op);
        break;
      case "remove":
        step(b.remove(refTo(objectOf(b, op).id)), op);
        break;
      case "room":
        room(b, op);
        break;
    }
  }
}
