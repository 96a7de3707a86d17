import "server-only";
/**
 * "Fix" actions of the fidelity view: bring the object built for a picture box back to that box by moving it
 * there (place), by resizing it to the box (resize: width/depth PARAMS, rebuilt), or by replacing it with an object
 * of another category built for the box (relabel). Each is one undoable history step through the edit commands.
 */
import { z } from "zod";
import { paramsFor } from "../../lib/edits/params-rules";
import type { Change } from "../../lib/edits/parse-changes";
import type { EditPlan } from "../../lib/edits/plan";
import { pendingObject } from "../../lib/edits/plan-add";
import { AppError } from "../../lib/errors";
import { FOOTPRINT_TAG_PREFIX, objectForFootprint, placePolygon } from "../../lib/fidelity/footprint-iou";
import { Category, type SceneObject } from "../../lib/scene/schema";
import { canonicalCategory, categoryInfo } from "../../lib/vocab";
import { DEFAULT_ACTOR, patchObject, runPlan, withObjectLocks } from "../edits";
import { getStore } from "../store";

/** Body of POST /api/scenes/:id/fidelity/fix: the picture box (footprint id) and the action; `relabel` needs the new category. */
export const FidelityFix = z
  .discriminatedUnion("action", [
    z.object({ footprintId: z.string().min(1).max(80), action: z.literal("place") }),
    z.object({ footprintId: z.string().min(1).max(80), action: z.literal("resize") }),
    z.object({ footprintId: z.string().min(1).max(80), action: z.literal("relabel"), category: Category.max(60) }),
  ]);
export type FidelityFix = z.infer<typeof FidelityFix>;

const r3 = (v: number) => Math.round(v * 1000) / 1000 + 0;

function target(sceneId: string, footprintId: string) {
  const scene = getStore().getScene(sceneId);
  const spec = scene.structure;
  const fp = spec?.footprints.find((f) => f.id === footprintId);
  if (scene.source.kind !== "image" || !spec || !fp) throw new AppError("not_found", `The picture has no box ${JSON.stringify(footprintId)}.`, { footprintId });
  const obj = objectForFootprint(scene, spec, footprintId);
  return { scene, fp, obj };
}

function needBuilt(obj: SceneObject | null, footprintId: string): SceneObject {
  if (!obj) throw new AppError("conflict", `No object stands for the picture's box ${footprintId}: relabel it to build one.`, { footprintId });
  if (obj.build.status !== "built" || !obj.build.stats?.footprint?.length) throw new AppError("conflict", `${obj.name} is not built yet, so it cannot be fitted to the picture.`, { objectId: obj.id });
  return obj;
}

function nextId(objects: readonly SceneObject[], category: string): string {
  let n = 1;
  while (objects.some((o) => o.id === `${category}-${n}`)) n++;
  return `${category}-${n}`;
}

/**
 * Applies a fix and returns the object that now stands for the box with the edit's notes. Throws `not_found`
 * (scene or box), `conflict` (no built object for the box), `validation` (a size out of range), `busy`, and the
 * build errors of a rebuild (`policy`, `build_failed`; nothing changes then).
 */
export async function applyFidelityFix(sceneId: string, fix: FidelityFix, actor = DEFAULT_ACTOR): Promise<{ objectId: string; notes: string[] }> {
  const { scene, fp, obj } = target(sceneId, fix.footprintId);
  const box = fp.boxM;
  if (fix.action === "place") {
    const o = needBuilt(obj, fp.id);
    // Move by the offset between the built footprint's plan-box centre and the picture box's centre.
    const hull = placePolygon(o.build.stats!.footprint!, o.placement);
    const cx = (Math.min(...hull.map((p) => p[0])) + Math.max(...hull.map((p) => p[0]))) / 2;
    const cy = (Math.min(...hull.map((p) => p[1])) + Math.max(...hull.map((p) => p[1]))) / 2;
    const placement = { ...o.placement, x: r3(o.placement.x + box.x - cx), y: r3(o.placement.y + box.y - cy) };
    const { object, notes } = await patchObject(sceneId, o.id, { placement, actor });
    return { objectId: object.id, notes };
  }
  if (fix.action === "resize") {
    const o = needBuilt(obj, fp.id);
    // The object's own width runs along the room's y axis when it is turned a quarter.
    const turned = Math.abs(Math.sin((o.placement.yawDeg * Math.PI) / 180)) > Math.SQRT1_2;
    const changes: Change[] = [
      { kind: "absolute", dim: "w", meters: turned ? box.d : box.w },
      { kind: "absolute", dim: "d", meters: turned ? box.w : box.d },
    ];
    const r = paramsFor(o, changes);
    if (!r.ok) throw new AppError("validation", `${o.name} cannot take the picture's size: ${r.error}`, { objectId: o.id });
    if (!Object.keys(r.value).length) return { objectId: o.id, notes: [`${o.name} already has the picture's size.`] };
    const { object, notes } = await patchObject(sceneId, o.id, { params: r.value, actor });
    return { objectId: object.id, notes };
  }
  const category = canonicalCategory(fix.category);
  if (obj && obj.category === category) return { objectId: obj.id, notes: [`${obj.name} already is a ${category.replace(/_/g, " ")}.`] };
  const info = categoryInfo(category);
  const id = nextId(scene.objects, category);
  const name = category.charAt(0).toUpperCase() + category.slice(1).replace(/_/g, " ");
  const yawDeg = obj?.placement.yawDeg ?? fp.yawDeg ?? 0;
  const turned = Math.abs(Math.sin((yawDeg * Math.PI) / 180)) > Math.SQRT1_2;
  const plan: EditPlan = {
    instruction: `relabel ${fp.id} as ${category.replace(/_/g, " ")}`,
    notes: [],
    ops: [
      ...(obj ? [{ command: { name: "remove-object" as const, args: { objectId: obj.id } }, label: `remove ${obj.name}` }] : []),
      {
        label: `add ${name} in the picture's box ${fp.id}`,
        command: {
          name: "add-object",
          args: {
            object: pendingObject({
              id,
              category,
              name,
              description: `${name.toLowerCase()} seen in the image`,
              attributes: { color: null, colorName: null, material: null, size: null, style: [], tags: ["from-image", `${FOOTPRINT_TAG_PREFIX}${fp.id}`] },
              targetSize: { w: Math.max(0.05, turned ? box.d : box.w), d: Math.max(0.02, turned ? box.w : box.d), h: info.defaultSize.h },
              support: info.support === "ceiling" ? "ceiling" : "floor",
              placement: { x: box.x, y: box.y, z: 0, yawDeg },
            }),
          },
        },
      },
    ],
  };
  const res = await withObjectLocks(sceneId, [...(obj ? [obj.id] : []), id], () => runPlan(sceneId, plan, actor));
  return { objectId: id, notes: res.notes };
}
