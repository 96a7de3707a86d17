import "server-only";
/** Stage 3, profile: route + ObjectPlan (blueprint) per object. */
import type { MemoryEntry, ObjectSpec, Scene, SceneObject } from "../../../lib/scene/schema";
import type { Engine } from "../../engines/types";
import { writeDecided } from "../../edits/scene-writes";
import { checkAborted, entry, type PipelineContext } from "../context";
import type { ObjectSink } from "./code";
import { mapPool } from "../pool";

/** The ObjectSpec of a scene object (from the structure when it has one, else rebuilt from the object). */
export function specOf(scene: Scene, obj: SceneObject): ObjectSpec {
  const fromStructure = scene.structure?.objects.find((o) => o.id === obj.id);
  if (fromStructure) return { ...fromStructure, category: obj.category, targetSize: obj.targetSize, attributes: obj.attributes, description: obj.description };
  return {
    id: obj.id,
    category: obj.category,
    name: obj.name,
    description: obj.description,
    attributes: obj.attributes,
    targetSize: obj.targetSize,
    support: obj.support,
    footprintId: null,
    zone: null,
    approxCenter: [obj.placement.x, obj.placement.y],
    approxYawDeg: obj.placement.yawDeg,
  };
}

/** Profile one object and keep its route and plan in `sink` (default: its stored row); returns its memory entry. */
export async function profileOne(ctx: PipelineContext, engine: Engine, scene: Scene, obj: SceneObject, sink?: ObjectSink): Promise<MemoryEntry> {
  checkAborted(ctx.signal);
  const res = await engine.profile(ctx, specOf(scene, obj), scene);
  if (sink) {
    const cur = sink.get();
    if (cur) sink.save({ ...cur, route: res.route, plan: res.plan });
  } else {
    writeDecided(scene.id, (s) => (s.objects.some((o) => o.id === obj.id) ? { commands: [{ name: "set-plan", args: { objectId: obj.id, route: res.route, plan: res.plan } }] } : null));
  }
  return entry("profile", "plan", obj.id, { route: res.route, parts: res.plan.parts.map((p) => ({ name: p.name, primitive: p.primitive, material: p.material })) });
}

/** Run the profile stage over every object without a plan (profiles run 4 at a time). */
export async function runProfile(ctx: PipelineContext, engine: Engine, scene: Scene): Promise<MemoryEntry[]> {
  const todo = scene.objects.filter((o) => o.plan === null);
  return mapPool(todo, 4, (o) => profileOne(ctx, engine, scene, o));
}
