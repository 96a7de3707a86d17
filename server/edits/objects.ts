import "server-only";
/**
 * Direct object edits: PATCH (placement, PARAMS, hidden) and PUT program (code saves). Each is a named command
 * with an inverse in the scene's history; PARAMS and code changes rebuild only that object.
 */
import { z } from "zod";
import { perform } from "../../lib/edits/commands";
import { objectWithIssues } from "../../lib/layout/issues";
import { COUNT_RANGE, SIZE_RANGE_M } from "../../lib/edits/params-rules";
import { AppError } from "../../lib/errors";
import { parseParams } from "../../lib/program/params";
import { HexColor, Placement, type SceneObject } from "../../lib/scene/schema";
import { appendEvent } from "../events/bus";
import { assertSceneIdle } from "../pipeline";
import { getRunner } from "../runner";
import { getStore } from "../store";
import { rebuild, DEFAULT_ACTOR } from "./apply";
import type { HistoryItem } from "./history";
import { SceneChange } from "./executor";
import { withObjectLocks } from "./lock";
import { newestWins } from "./supersede";
import { keepValid } from "./validity";

/** Body of PATCH /api/scenes/:id/objects/:oid. */
export const ObjectPatch = z
  .object({
    placement: Placement.optional(),
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.unknown())])).optional(),
    hidden: z.boolean().optional(),
    actor: z.string().min(1).max(80).optional(),
  })
  .strict()
  .refine((v) => v.placement !== undefined || v.params !== undefined || v.hidden !== undefined, { message: "nothing to change: give placement, params or hidden" });
export type ObjectPatch = z.infer<typeof ObjectPatch>;

/** Largest program source accepted by PUT program (bytes of UTF-16 text). */
export const MAX_SOURCE_CHARS = 200_000;

function getObject(sceneId: string, objectId: string): SceneObject {
  const store = getStore();
  if (!store.scenes.exists(sceneId)) store.getScene(sceneId);
  const o = store.objects.get(sceneId, objectId);
  if (!o) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`, { objectId: objectId.slice(0, 80) });
  return o;
}

/**
 * Validates PARAMS values against the object's current PARAMS: known keys only, same type, sizes in
 * SIZE_RANGE_M, counts integer in COUNT_RANGE, colours `#rrggbb`. Throws AppError `validation` (400) naming the key.
 */
export function validateParams(obj: SceneObject, params: Record<string, unknown>): void {
  const cur = obj.program?.params ?? {};
  const bad = (key: string, why: string): never => {
    throw new AppError("validation", `PARAMS.${key}: ${why}`, { key, issues: [{ path: `params.${key}`, message: why }] });
  };
  for (const [key, v] of Object.entries(params)) {
    if (!(key in cur)) bad(key, `${obj.id} has no such parameter (PARAMS: ${Object.keys(cur).join(", ")})`);
    const was = cur[key];
    const type = was === null ? "null" : Array.isArray(was) ? "list" : typeof was;
    const got = v === null ? "null" : Array.isArray(v) ? "list" : typeof v;
    if (type !== "null" && got !== type) bad(key, `expected a ${type}, got a ${got}`);
    if (typeof v === "number") {
      if (!Number.isFinite(v)) bad(key, "must be a finite number");
      if (["width", "depth", "height"].includes(key) && (v < SIZE_RANGE_M[0] || v > SIZE_RANGE_M[1])) bad(key, `must be between ${SIZE_RANGE_M[0]} and ${SIZE_RANGE_M[1]} m`);
      if (Number.isInteger(was) && typeof was === "number" && !["width", "depth", "height"].includes(key)) {
        if (!Number.isInteger(v)) bad(key, "must be a whole number");
        if (v < COUNT_RANGE[0] || v > COUNT_RANGE[1]) bad(key, `must be between ${COUNT_RANGE[0]} and ${COUNT_RANGE[1]}`);
      }
      if (v < 0 && !/(offset|angle|yaw|tilt|rotation)/.test(key)) bad(key, "must not be negative");
    }
    if (typeof v === "string" && /color|colour/.test(key) && typeof was === "string" && was.startsWith("#") && !HexColor.safeParse(v).success) bad(key, "must be a hex colour #rrggbb");
    if (typeof v === "string" && v.length > 200) bad(key, "is too long (max 200 characters)");
  }
}

/**
 * PATCH an object: placement (no rebuild; consecutive drags merge in history), PARAMS (validated, rebuilds this
 * object only) and/or hidden. Returns the object and notes (collisions after a move). Throws AppError
 * `validation`, `not_found`, `busy`, `policy` / `build_failed`, and `superseded` when a newer PARAMS or program
 * change of the object arrived while this one was queued or building (its build is cancelled, nothing is kept).
 */
export async function patchObject(sceneId: string, objectId: string, patch: ObjectPatch): Promise<{ object: SceneObject; notes: string[]; entry: HistoryItem | null }> {
  const obj = getObject(sceneId, objectId);
  assertSceneIdle(sceneId);
  if (patch.params) {
    if (!obj.program) throw new AppError("conflict", `${obj.id} has no program yet.`);
    validateParams(obj, patch.params);
  }
  const store = getStore();
  const run = (signal?: AbortSignal) => withObjectLocks(sceneId, [objectId], async () => {
    const change = new SceneChange(sceneId);
    const notes: string[] = [];
    if (patch.params) {
      const staged = perform(change.scene, { name: "set-params", args: { objectId, params: patch.params as Record<string, never>, at: new Date().toISOString(), origin: "params" } });
      const next = staged.scene.objects.find((o) => o.id === objectId)!;
      await rebuild(change, objectId, next.program!.source, "params", { targetSize: next.targetSize, attributes: next.attributes }, signal);
    }
    if (patch.placement) change.apply({ name: "set-placement", args: { objectId, placement: patch.placement } });
    if (patch.hidden !== undefined) change.apply({ name: "set-hidden", args: { objectId, hidden: patch.hidden } });
    if (patch.placement || patch.params) {
      // A drag stays where the designer put it (the editor shows its issues and offers the fix); a rebuild that
      // now collides moves to the nearest valid spot. Either way what stands on it rests again on its surfaces.
      keepValid(() => change.scene, change.apply, notes, [objectId], { fixChanged: !patch.placement, before: change.before });
    }
    const kind = patch.params ? "params" : patch.placement ? "placement" : "hidden";
    const label = patch.params
      ? `set ${Object.keys(patch.params).join(", ")} of ${objectId}`
      : patch.placement
        ? `move ${objectId}`
        : `${patch.hidden ? "hide" : "show"} ${objectId}`;
    change.emit({ type: "edit.applied", objectId, data: (entry) => ({ kind, label, notes, historySeq: entry?.seq ?? null }) });
    const { scene, entry } = change.commit({ kind, label, actor: patch.actor ?? DEFAULT_ACTOR });
    return { object: objectWithIssues(scene, store.objects.get(sceneId, objectId)!), notes, entry };
  });
  // A PARAMS change cancels an earlier one of this object still building; placement and hidden never wait.
  return patch.params ? newestWins(sceneId, objectId, run) : run();
}

/**
 * Saves a new program for an object (code edit): policy check (runner.check), then build; on success a new
 * current revision. Throws AppError `policy` / `build_failed` (422, details `{line, type, traceback}`) while the
 * last good revision stays current, `validation` for an empty or oversized source, `busy`, `not_found`, and
 * `superseded` when a newer program or PARAMS change of the object arrives while this one builds.
 */
export async function putProgram(sceneId: string, objectId: string, source: string, actor = DEFAULT_ACTOR): Promise<{ object: SceneObject; entry: HistoryItem; notes: string[] }> {
  getObject(sceneId, objectId);
  assertSceneIdle(sceneId);
  if (!source.trim()) throw new AppError("validation", "The program is empty.");
  if (source.length > MAX_SOURCE_CHARS) throw new AppError("validation", `The program is too long (over ${MAX_SOURCE_CHARS} characters).`);
  if (!parseParams(source).ok) throw new AppError("policy", "The program has no readable literal PARAMS = {...} dict at module level.", { line: null, type: "ParamsError", traceback: "", rule: "params_literal" });
  const store = getStore();
  return newestWins(sceneId, objectId, (signal) => withObjectLocks(sceneId, [objectId], async () => {
    const check = await getRunner().check(source, sceneId);
    if (!check.ok) {
      const e = check.error;
      appendEvent(sceneId, "object.failed", { objectId, data: { origin: "code", error: e } });
      // A program that does not parse is a build failure (SyntaxError), not a sandbox rule.
      throw new AppError(e.rule || e.type === "PolicyError" ? "policy" : "build_failed", `${e.type}: ${e.message}`, { line: e.line, type: e.type, traceback: e.traceback, ...(e.rule ? { rule: e.rule } : {}) });
    }
    const change = new SceneChange(sceneId);
    await rebuild(change, objectId, source, "code", {}, signal);
    const notes: string[] = [];
    keepValid(() => change.scene, change.apply, notes, [objectId], { before: change.before });
    const label = `edit the program of ${objectId}`;
    change.emit({ type: "edit.applied", objectId, data: (e) => ({ kind: "code", label, notes, historySeq: e?.seq ?? null }) });
    const { scene: cur, entry: committed } = change.commit({ kind: "code", label, actor });
    const entry = committed!;
    return { object: objectWithIssues(cur, store.objects.get(sceneId, objectId)!), entry, notes };
  }));
}
