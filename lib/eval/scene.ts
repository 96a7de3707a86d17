/** Scene -> evaluation input: objects with bounding boxes from the build stats (else target sizes) and the room geometry. */
import type { RoomGeom } from "../geometry/relations";
import type { Scene } from "../scene/schema";
import { buildRoute, categoryInfo, familyOf } from "../vocab";
import type { EvalObject } from "./metrics";

/**
 * Evaluation objects of a scene. Size is the built GLB's bounding box (`build.stats.size`) when the object is
 * built, else its target size; the box is lifted by the bbox's min z so a program that does not start at z = 0
 * is judged where its geometry is. Built materials: the PARAMS `material` and `secondary_material` strings;
 * `built` (family, PARAMS, built size, support) for judging attributes on what was built.
 */
export function evalObjectsFromScene(scene: Scene): EvalObject[] {
  return scene.objects
    .filter((o) => !o.hidden)
    .map((o) => {
      const stats = o.build.status === "built" ? o.build.stats : null;
      const size = stats && stats.size.w > 0 && stats.size.d > 0 && stats.size.h > 0 ? { w: stats.size.w, d: stats.size.d, h: stats.size.h } : o.targetSize;
      const dz = stats ? stats.bbox.min[2] : 0;
      const params = o.program?.params ?? {};
      const built = ["material", "secondary_material", "style"].map((k) => params[k]).filter((v): v is string => typeof v === "string");
      return {
        id: o.id,
        category: o.category,
        placement: { ...o.placement, z: o.placement.z + dz },
        size,
        support: o.support,
        attributes: o.attributes,
        builtMaterials: built,
        built: stats && o.program ? { family: buildRoute(o.category, familyOf(o.category)).family, params: o.program.params, size, support: o.support } : undefined,
        thin: categoryInfo(o.category).route === "thin_cover",
      };
    });
}

/** Room geometry of a scene for the relation checks, or null when the scene has no room yet. */
export function roomGeomOf(scene: Scene): RoomGeom | null {
  if (!scene.room) return null;
  return { footprint: scene.room.footprint, wallHeight: scene.room.wallHeight, openings: scene.room.openings };
}
