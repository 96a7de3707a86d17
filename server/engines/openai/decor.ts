import "server-only";
/**
 * Decor stage of the openai engine: floor/wall materials and lights from the model (DecorWire), validated and
 * clamped into the room; extra small surface objects the structure asked for come from the library's
 * `decorFor`. A failed model call (other than a cancellation) falls back to the library's decor, noted.
 */
import { AppError } from "../../../lib/errors";
import { Decor, HexColor, type Light, type Material, type Scene } from "../../../lib/scene/schema";
import type { Provider } from "../../llm/provider";
import { UsageMeter } from "../../llm/usage";
import { decorFor } from "../offline/decor";
import type { DecorResult, StageContext } from "../types";
import { callOptions, usageNote } from "./context";
import { loadPrompt } from "./prompts";
import { DecorWire } from "./schemas";

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5);

function material(m: DecorWire["floorMaterial"], fallback: Material): Material {
  return {
    name: m.name.trim() || fallback.name,
    color: HexColor.safeParse(m.color).success ? m.color.toLowerCase() : fallback.color,
    roughness: clamp01(m.roughness),
    metallic: clamp01(m.metallic),
  };
}

/** Converts the model's decor answer: colors validated, lights clamped inside the room's bounds (m) and below the walls' height. */
export function toDecor(wire: DecorWire, scene: Scene, fallback: Decor): Decor {
  const fp = scene.room?.footprint ?? [[-2, -2], [2, -2], [2, 2], [-2, 2]];
  const xs = fp.map((p) => p[0]);
  const ys = fp.map((p) => p[1]);
  const h = scene.room?.wallHeight ?? 2.7;
  const within = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : (lo + hi) / 2));
  const lights: Light[] = wire.lights.slice(0, 8).map((l) => ({
    kind: l.kind,
    position: [within(l.x, Math.min(...xs) + 0.1, Math.max(...xs) - 0.1), within(l.y, Math.min(...ys) + 0.1, Math.max(...ys) - 0.1), within(l.z, 0.1, h - 0.05)],
    color: HexColor.safeParse(l.color).success ? l.color.toLowerCase() : "#fff1e0",
    power: Math.min(5000, Math.max(0, Number.isFinite(l.power) ? l.power : 200)),
  }));
  return Decor.parse({
    floorMaterial: material(wire.floorMaterial, fallback.floorMaterial),
    wallMaterial: material(wire.wallMaterial, fallback.wallMaterial),
    lights: lights.length ? lights : fallback.lights,
    notes: wire.notes,
  });
}

/** Runs the decor stage. Throws only on cancellation. */
export async function decorStage(provider: Provider, ctx: StageContext, scene: Scene): Promise<DecorResult> {
  const library = decorFor(scene);
  const meter = new UsageMeter();
  const prompt = loadPrompt("decor");
  try {
    const user = JSON.stringify({
      roomType: scene.structure?.roomType ?? scene.room?.roomType ?? "room",
      style: scene.structure?.style ?? [],
      footprint: scene.room?.footprint ?? null,
      wallHeight: scene.room?.wallHeight ?? null,
      objects: scene.objects.map((o) => ({ id: o.id, category: o.category, placement: o.placement, attributes: o.attributes })),
    });
    const wire = await provider.json({ system: prompt.text, user, schema: DecorWire, schemaName: "room_decor" }, callOptions(ctx, "decor", meter));
    ctx.note(usageNote("", [prompt.version], meter));
    return { decor: toDecor(wire, scene, library.decor), extraObjects: library.extraObjects };
  } catch (e) {
    if (ctx.signal.aborted || (e instanceof AppError && e.details?.cancelled)) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    ctx.note(`model decor unavailable (${reason}); used the library's materials and lights`);
    return library;
  }
}
