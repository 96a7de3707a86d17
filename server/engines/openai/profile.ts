import "server-only";
/**
 * Profile stage of the openai engine: route + ObjectPlan (blueprint parts) per object from the model.
 * Thin covers (rugs) use the library's profile without a model call; a failed model call (other than a
 * cancellation) falls back to the library's family blueprint with the reason noted.
 */
import { AppError } from "../../../lib/errors";
import type { ObjectPlan, ObjectSpec, Scene } from "../../../lib/scene/schema";
import { categoryInfo } from "../../../lib/vocab";
import type { Provider } from "../../llm/provider";
import { UsageMeter } from "../../llm/usage";
import { profileObject } from "../offline/profile";
import type { ProfileResult, StageContext } from "../types";
import { callOptions, objectBrief, roomBrief, usageNote } from "./context";
import { loadPrompt } from "./prompts";
import type { ProfileWire } from "./schemas";
import { ProfileWire as ProfileWireSchema } from "./schemas";

const pos = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0.01);

/** Converts the model's profile answer to a ProfileResult (sizes clamped positive, names de-duplicated). */
export function toProfile(wire: ProfileWire): ProfileResult {
  const seen = new Map<string, number>();
  const parts: ObjectPlan["parts"] = wire.parts.map((p) => {
    const base = p.name.trim().replace(/\s+/g, "_") || p.primitive;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      name: n === 1 ? base : `${base}_${n}`,
      primitive: p.primitive,
      localPose: { x: p.x, y: p.y, z: p.z, yawDeg: Number.isFinite(p.yawDeg) ? p.yawDeg : 0 },
      size: { w: pos(p.w), d: pos(p.d), h: pos(p.h) },
      material: p.material,
      symmetry: p.symmetry,
      movable: p.movable,
    };
  });
  return { route: wire.route, plan: { parts } };
}

/** Runs the profile stage for one object. Throws only on cancellation. */
export async function profileStage(provider: Provider, ctx: StageContext, obj: ObjectSpec, scene: Scene): Promise<ProfileResult> {
  if (categoryInfo(obj.category).route === "thin_cover") {
    ctx.note(`${obj.id}: thin cover, library template blueprint (no model call)`);
    return profileObject(obj);
  }
  const meter = new UsageMeter();
  const prompt = loadPrompt("profile");
  try {
    const wire = await provider.json(
      { system: prompt.text, user: `${objectBrief(obj)}\n${roomBrief(scene)}`, schema: ProfileWireSchema, schemaName: "object_profile" },
      callOptions(ctx, "profile", meter),
    );
    ctx.note(usageNote(`${obj.id}: `, [prompt.version], meter));
    return toProfile(wire);
  } catch (e) {
    if (ctx.signal.aborted || (e instanceof AppError && e.details?.cancelled)) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    ctx.note(`${obj.id}: model profile unavailable (${reason}); used the family blueprint`);
    return profileObject(obj);
  }
}
