import "server-only";
/**
 * Instruction edits (DESIGN.md section 6): instruction -> EditPlan (offline router; for `openai` scenes the model
 * when the router refuses as `unsupported_edit`, see model-plan.ts) -> `edit.plan` event -> per-op commands
 * staged in one SceneChange (server/edits/executor.ts) -> one commit with its history entry and `edit.applied`.
 * Only objects named in the plan get new revisions/GLBs; a failure commits nothing and emits `edit.failed`.
 */
import { commandObjectId, perform } from "../../lib/edits/commands";
import { findFreeSpot } from "../../lib/edits/placement";
import { planEdit } from "../../lib/edits/router";
import type { EditPlan, PlanStep } from "../../lib/edits/plan";
import { AppError, isAppError } from "../../lib/errors";
import type { ObjectSpec, Scene } from "../../lib/scene/schema";
import { appendEvent } from "../events/bus";
import { addObject, assertSceneIdle, buildObjectRevision } from "../pipeline";
import { getStore, plainRevision } from "../store";
import { SceneChange } from "./executor";
import type { HistoryItem } from "./history";
import { ROOM_LOCK, withObjectLocks } from "./lock";
import { assertBasis, planWithModel, wantsModel, type ModelPlan } from "./model-plan";
import { roomChangeCommand } from "./room";
import { keepValid } from "./validity";

/** Who made a change when the request does not say. */
export const DEFAULT_ACTOR = "designer";

/** Object ids (and the room lock) a plan touches. */
function planLocks(plan: EditPlan): string[] {
  return plan.ops.map((op) => commandObjectId(op.command) ?? ROOM_LOCK);
}

/**
 * Plans and applies an instruction. Throws AppError `ambiguous` / `unsupported_edit` (422) when no plan can be
 * made, `model_error` (502) when the model is asked and fails, `conflict` when a model-planned object changed
 * meanwhile, `busy` when a job or another edit holds the objects, `policy` / `build_failed` when a rebuild fails
 * (nothing is changed then), `not_found` for an unknown scene.
 */
export async function applyInstruction(
  sceneId: string,
  input: { instruction: string; selection?: string[]; actor?: string },
): Promise<{ plan: EditPlan; scene: Scene; entry: HistoryItem | null }> {
  const store = getStore();
  const scene = store.getScene(sceneId);
  assertSceneIdle(sceneId);
  const r = planEdit(scene, input.instruction, { selection: input.selection ?? [], now: new Date().toISOString() });
  let modelPlan: ModelPlan | null = null;
  if (!r.ok) {
    if (!wantsModel(scene, r.error)) throw new AppError(r.error.code, r.error.message, r.error.details);
    modelPlan = await planWithModel(scene, input.instruction, { selection: input.selection ?? [] });
    assertSceneIdle(sceneId);
  }
  const plan = r.ok ? r.value : modelPlan!.plan;
  return withObjectLocks(sceneId, planLocks(plan), async () => {
    // A model plan took a while: run it on the scene as it is now, provided its objects did not change meanwhile.
    const current = modelPlan ? store.getScene(sceneId) : scene;
    if (modelPlan) assertBasis(current, modelPlan.basis);
    appendEvent(sceneId, "edit.plan", { data: { instruction: plan.instruction, ops: plan.ops, notes: plan.notes, planner: modelPlan ? "model" : "rules", ...(modelPlan ? { model: modelPlan.model } : {}) } });
    const res = await runPlan(sceneId, plan, input.actor ?? DEFAULT_ACTOR, current);
    return { plan: { ...plan, notes: res.notes }, scene: res.scene, entry: res.entry };
  });
}

/**
 * Applies a plan's ops in order as one change (caller holds the locks): builds write their revisions and GLBs
 * first, then the commands, the history entry and `edit.applied` are committed in one transaction. On failure
 * nothing is committed, `edit.failed` is written and the error rethrown.
 */
export async function runPlan(sceneId: string, plan: EditPlan, actor: string, current?: Scene): Promise<{ notes: string[]; entry: HistoryItem | null; scene: Scene }> {
  const change = new SceneChange(sceneId, current);
  const notes = [...plan.notes];
  const fail = (e: unknown): never => {
    const err = isAppError(e) ? e : new AppError("internal", e instanceof Error ? e.message : String(e));
    appendEvent(sceneId, "edit.failed", { data: { instruction: plan.instruction, code: err.code, message: err.message, details: err.details ?? null } });
    throw err;
  };
  try {
    for (const op of plan.ops) await runStep(change, op, notes);
  } catch (e) {
    fail(e);
  }
  const done = change.commands;
  const cur = change.scene;
  const touched = done.flatMap((c) => (c.name === "set-room" ? cur.objects.map((o) => o.id) : (commandObjectId(c) ?? [])));
  const removed = new Set(done.flatMap((c) => (c.name === "remove-object" ? [c.args.objectId] : [])));
  const before = change.before;
  for (const o of cur.objects) {
    const was = before.objects.find((x) => x.id === o.id)?.support;
    if (was?.startsWith("on:") && removed.has(was.slice(3)) && !o.support.startsWith("on:")) {
      const n = `${o.name} moved to the floor: ${was.slice(3)}, which held it, was removed.`;
      if (!notes.includes(n)) notes.push(n);
    }
  }
  try {
    keepValid(() => change.scene, change.apply, notes, [...new Set(touched)], { before, orphans: change.scene.objects.filter((o) => o.support.startsWith("on:") && removed.has(o.support.slice(3))).map((o) => o.id) });
  } catch (e) {
    fail(e);
  }
  change.emit({ type: "edit.applied", data: (entry) => ({ instruction: plan.instruction, ops: plan.ops.map((o) => o.label), notes, historySeq: entry?.seq ?? null }) });
  let res;
  try {
    res = change.commit({ kind: "instruction", label: plan.instruction, actor });
  } catch (e) {
    fail(e);
  }
  return { notes, entry: res!.entry, scene: res!.scene };
}

/**
 * Stages one plan step in `change`, first building what its command needs: the new program of a `set-params` or of a
 * `set-program` whose build is pending, a new object (`add-object` with a pending build: profiled, coded, built,
 * then nudged off collisions), the shell of a `set-room` without a program. Other commands are staged as they are.
 * Throws AppError `policy` / `build_failed` (build), `not_found`.
 */
async function runStep(change: SceneChange, step: PlanStep, notes: string[]): Promise<void> {
  const sceneId = change.sceneId;
  const apply = change.apply;
  const cur = () => change.scene;
  const cmd = step.command;
  if (cmd.name === "set-params" || (cmd.name === "set-program" && cmd.args.build.status === "pending" && cmd.args.program)) {
    const staged = perform(cur(), cmd);
    const next = staged.scene.objects.find((o) => o.id === cmd.args.objectId)!;
    await rebuild(change, cmd.args.objectId, next.program!.source, "edit", { targetSize: next.targetSize, attributes: next.attributes });
    return;
  }
  if (cmd.name === "set-room" && cmd.args.room.program === undefined) {
    apply(await roomChangeCommand(change, cmd.args.room));
    return;
  }
  if (cmd.name === "add-object" && cmd.args.object.build.status !== "built") {
    const o = cmd.args.object;
    const spec: ObjectSpec = {
      id: o.id,
      category: o.category,
      name: o.name,
      description: o.description,
      attributes: o.attributes,
      targetSize: o.targetSize,
      support: o.support,
      footprintId: null,
      zone: null,
      approxCenter: [o.placement.x, o.placement.y],
      approxYawDeg: o.placement.yawDeg,
    };
    const built = await addObject(sceneId, { spec, placement: o.placement });
    if (built.build.status !== "built") {
      const e = built.build.error;
      throw new AppError("build_failed", `The new ${o.name} did not build${e ? `: ${e.type}: ${e.message}` : ""}.`, { line: e?.line ?? null, type: e?.type ?? null, traceback: e?.traceback ?? "" });
    }
    apply({ name: "add-object", args: { ...cmd.args, object: built } });
    // With the built size known, nudge the new object off any collision.
    const now = cur().objects.find((x) => x.id === o.id)!;
    if (!now.support.startsWith("on:")) {
      const free = findFreeSpot(cur(), now, now.placement);
      if (free.placement !== now.placement && free.free) {
        apply({ name: "set-placement", args: { objectId: o.id, placement: free.placement } });
        notes.push(`${o.name}: nudged to a free spot once its built size was known.`);
      }
    }
    return;
  }
  apply(cmd);
}

/**
 * Builds `source` as a new revision of one object (event `object.code` now; `object.built` with the commit, or
 * `object.failed` now) and stages in `change` the `set-program` command that makes it current with the given
 * target size / attributes. Aborting `signal` cancels the build and throws AppError `superseded` (no revision, no
 * event of failure). Throws AppError `policy` / `build_failed` / `not_found` from the build.
 */
export async function rebuild(
  change: SceneChange,
  objectId: string,
  source: string,
  origin: string,
  extra: { targetSize?: Scene["objects"][number]["targetSize"]; attributes?: Scene["objects"][number]["attributes"] },
  signal?: AbortSignal,
): Promise<void> {
  const sceneId = change.sceneId;
  appendEvent(sceneId, "object.code", { objectId, data: { origin, source } });
  let built;
  try {
    built = await buildObjectRevision(sceneId, objectId, source, origin, signal, change.scene.objects.find((o) => o.id === objectId));
  } catch (e) {
    if (isAppError(e) && e.code === "superseded") throw e;
    if (isAppError(e)) appendEvent(sceneId, "object.failed", { objectId, data: { origin, error: { code: e.code, message: e.message, ...(e.details ?? {}) } } });
    throw e;
  }
  change.apply({
    name: "set-program",
    args: { objectId, program: plainRevision(built.revision), build: built.object.build, ...(extra.targetSize ? { targetSize: extra.targetSize } : {}), ...(extra.attributes ? { attributes: extra.attributes } : {}) },
  });
  change.emit(built.event);
}
