import "server-only";
/**
 * Batches of direct edits applied as one history entry (one undo step): moves, rotations, PARAMS changes and
 * removals of several selected objects, and copies (duplicate, paste from another scene, add from the library),
 * which build the given program as a new object. The whole batch is one commit: a failure commits nothing.
 */
import { z } from "zod";
import { ParamValueSchema } from "../../lib/edits/commands/types";
import { perform } from "../../lib/edits/commands";
import { findFreeSpot } from "../../lib/edits/placement";
import { AppError, isAppError } from "../../lib/errors";
import { Attributes, Placement, Size3, Support, type Scene, type SceneObject } from "../../lib/scene/schema";
import { assertSceneIdle, buildObjectRevision, type BuiltEvent } from "../pipeline";
import { objectFromSpec } from "../pipeline/stages/layout";
import { listLibrary } from "../library";
import { getStore, plainRevision } from "../store";
import { DEFAULT_ACTOR, rebuild } from "./apply";
import type { HistoryItem } from "./history";
import { SceneChange } from "./executor";
import { withObjectLocks } from "./lock";
import { validateParams } from "./objects";

const Id = z.string().min(1).max(80);

/** An object to create from a program: what duplicate, paste and the library send. */
export const CopySpec = z.object({
  name: z.string().min(1).max(80),
  category: z.string().regex(/^[a-z][a-z0-9_]*$/).max(40),
  description: z.string().max(500).default(""),
  source: z.string().min(1).max(200_000),
  targetSize: Size3,
  attributes: Attributes.optional(),
  support: Support.default("floor"),
  placement: Placement,
});
export type CopySpec = z.infer<typeof CopySpec>;

/** One op of a batch. */
export const BatchOp = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("placement"), objectId: Id, placement: Placement }),
  z.object({ kind: z.literal("params"), objectId: Id, params: z.record(z.string(), ParamValueSchema) }),
  z.object({ kind: z.literal("remove"), objectId: Id }),
  z.object({ kind: z.literal("copy"), object: CopySpec }),
  z.object({ kind: z.literal("library"), key: z.string().min(1).max(80), placement: Placement }),
]);
export type BatchOp = z.infer<typeof BatchOp>;

/** Body of POST /api/scenes/:id/batch. */
export const BatchBody = z.object({ label: z.string().min(1).max(200), ops: z.array(BatchOp).min(1).max(100), actor: z.string().min(1).max(80).optional() });
export type BatchBody = z.infer<typeof BatchBody>;

/** A free id `<category>-<n>` in the scene (n counts up from 1). */
export function freeId(taken: ReadonlySet<string>, category: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${category}-${n}`)) return `${category}-${n}`;
}

/**
 * Applies a batch in order as one history entry (`kind` "batch", `label` as given). Returns the scene, the ids of
 * created objects (in op order) and the entry. Throws AppError `validation`, `not_found`, `busy`, `policy` /
 * `build_failed` (details `{line, type, traceback}`); nothing is changed then.
 */
export async function applyBatch(sceneId: string, input: BatchBody): Promise<{ scene: Scene; created: string[]; entry: HistoryItem | null }> {
  const store = getStore();
  const body = { ...input, ops: input.ops.map(fromLibrary) };
  const start = store.getScene(sceneId);
  assertSceneIdle(sceneId);
  const taken = new Set(start.objects.map((o) => o.id));
  const created: string[] = [];
  const newIds = body.ops.map((op) => {
    if (op.kind !== "copy") return null;
    const id = freeId(taken, op.object.category);
    taken.add(id);
    return id;
  });
  for (const op of body.ops) {
    if (op.kind === "copy") continue;
    const obj = start.objects.find((o) => o.id === op.objectId);
    if (!obj) throw new AppError("not_found", `Object ${JSON.stringify(op.objectId)} does not exist in this scene.`, { objectId: op.objectId });
    if (op.kind === "params") validateParams(obj, op.params);
  }
  const locks = body.ops.map((op, i) => (op.kind === "copy" ? newIds[i]! : op.objectId));
  return withObjectLocks(sceneId, [...new Set(locks)], async () => {
    const change = new SceneChange(sceneId);
    const apply = change.apply;
    try {
      for (const [i, op] of body.ops.entries()) {
        if (op.kind === "placement") apply({ name: "set-placement", args: { objectId: op.objectId, placement: op.placement } });
        else if (op.kind === "remove") apply({ name: "remove-object", args: { objectId: op.objectId } });
        else if (op.kind === "params") {
          const staged = perform(change.scene, { name: "set-params", args: { objectId: op.objectId, params: op.params, at: new Date().toISOString(), origin: "params" } });
          const next = staged.scene.objects.find((o) => o.id === op.objectId)!;
          await rebuild(change, op.objectId, next.program!.source, "params", { targetSize: next.targetSize, attributes: next.attributes });
        } else {
          const built = await buildCopy(sceneId, newIds[i]!, op.object, change.scene);
          apply({ name: "add-object", args: { object: built.object } });
          change.emit(built.event);
          created.push(built.object.id);
          // With the built size known, nudge the copy off any collision (as adding by instruction does).
          const cur = change.scene;
          const now = cur.objects.find((x) => x.id === built.object.id)!;
          if (!now.support.startsWith("on:") && cur.room) {
            const free = findFreeSpot(cur, now, now.placement);
            if (free.placement !== now.placement && free.free) apply({ name: "set-placement", args: { objectId: built.object.id, placement: free.placement } });
          }
        }
      }
    } catch (e) {
      throw isAppError(e) ? e : new AppError("internal", e instanceof Error ? e.message : String(e));
    }
    change.emit({ type: "edit.applied", data: (entry) => ({ kind: "batch", label: body.label, created, historySeq: entry?.seq ?? null }) });
    const { scene, entry } = change.commit({ kind: "batch", label: body.label, actor: body.actor ?? DEFAULT_ACTOR });
    return { scene, created, entry };
  });
}

/** A library op as the copy of the library item's program (throws `not_found` for an unknown key). */
function fromLibrary(op: BatchOp): Exclude<BatchOp, { kind: "library" }> {
  if (op.kind !== "library") return op;
  const item = listLibrary().find((i) => i.key === op.key);
  if (!item) throw new AppError("not_found", `No library item ${JSON.stringify(op.key)}.`);
  const name = item.variant === "default" ? item.family.replace(/_/g, " ") : `${item.label} ${item.family.replace(/_/g, " ")}`;
  return { kind: "copy", object: { name, category: item.family, description: name, source: item.source, targetSize: item.targetSize, support: item.support, placement: op.placement } };
}

/** Build `spec`'s program as the first revision of a new object `id` (its row is not stored: the caller's add-object command adds it). */
async function buildCopy(sceneId: string, id: string, spec: CopySpec, cur: { objects: SceneObject[] }): Promise<{ object: SceneObject; event: BuiltEvent }> {
  // A copy into another scene (or of an object whose support is gone) stands on the floor.
  const support: Support = spec.support.startsWith("on:") && !cur.objects.some((o) => `on:${o.id}` === spec.support) ? "floor" : spec.support;
  const attributes = spec.attributes ?? { color: null, colorName: null, material: null, size: null, style: [], tags: [] };
  const row = objectFromSpec(
    { id, category: spec.category, name: spec.name, description: spec.description, attributes, targetSize: spec.targetSize, support, footprintId: null, zone: null, approxCenter: [spec.placement.x, spec.placement.y], approxYawDeg: spec.placement.yawDeg },
    spec.placement,
    support,
  );
  const built = await buildObjectRevision(sceneId, id, spec.source, "copy", undefined, row);
  return { object: { ...built.object, program: plainRevision(built.revision) }, event: built.event };
}
