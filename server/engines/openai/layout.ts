import "server-only";
/**
 * Layout stage of the openai engine: the model proposes a placement per object (LayoutWire); they are passed
 * to the deterministic solver (`solveLayout`, the same one the offline engine uses) as approximate centers and
 * yaws, which resolves collisions, bounds, supports and stated relations. The room shell program comes from
 * the parametric library (`roomShellProgram`); the model never writes it. A failed model call (other than a
 * cancellation) falls back to the solver alone, with the reason in the stage notes.
 */
import { AppError } from "../../../lib/errors";
import type { Material, StructureSpec } from "../../../lib/scene/schema";
import { solveLayout } from "../../../lib/layout/solve";
import type { Provider } from "../../llm/provider";
import { UsageMeter } from "../../llm/usage";
import { roomShellProgram } from "../offline/code/room";
import type { LayoutResult, StageContext } from "../types";
import { callOptions, usageNote } from "./context";
import { loadPrompt } from "./prompts";
import { LayoutWire } from "./schemas";

/** Floor material of the shell until the decor stage chooses one (light oak). */
const SHELL_FLOOR: Material = { name: "oak", color: "#b48a5a", roughness: 0.6, metallic: 0 };
/** Wall material of the shell until the decor stage chooses one (warm white paint). */
const SHELL_WALL: Material = { name: "paint", color: "#ece8e1", roughness: 0.9, metallic: 0 };

/** The user message of the layout prompt: room, openings, objects and relations as JSON. */
export function layoutRequest(spec: StructureSpec): string {
  return JSON.stringify({
    roomType: spec.roomType,
    roomSize: spec.roomSize,
    openings: spec.openings,
    objects: spec.objects.map((o) => ({ id: o.id, category: o.category, size: o.targetSize, support: o.support, approxCenter: o.approxCenter })),
    relations: spec.relations,
  });
}

/** Copies the model's placements into the spec as approxCenter/approxYawDeg hints (only finite values inside the room's bounds). */
export function withHints(spec: StructureSpec, wire: LayoutWire): StructureSpec {
  const byId = new Map(wire.placements.map((p) => [p.id, p]));
  const hw = spec.roomSize.w / 2;
  const hd = spec.roomSize.d / 2;
  return {
    ...spec,
    objects: spec.objects.map((o) => {
      const p = byId.get(o.id);
      if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y) || Math.abs(p.x) > hw * 1.5 || Math.abs(p.y) > hd * 1.5) return o;
      return { ...o, approxCenter: [p.x, p.y] as [number, number], approxYawDeg: Number.isFinite(p.yawDeg) ? ((p.yawDeg % 360) + 360) % 360 : o.approxYawDeg };
    }),
  };
}

/** Runs the layout stage: model placements -> solver -> room shell program. Throws only on cancellation or solver errors. */
export async function layoutStage(provider: Provider, ctx: StageContext, spec: StructureSpec): Promise<LayoutResult> {
  const meter = new UsageMeter();
  const prompt = loadPrompt("layout");
  const notes: string[] = [];
  let hinted = spec;
  try {
    const wire = await provider.json(
      { system: prompt.text, user: layoutRequest(spec), schema: LayoutWire, schemaName: "room_layout" },
      callOptions(ctx, "layout", meter),
    );
    hinted = withHints(spec, wire);
    notes.push(...wire.notes);
    ctx.note(usageNote("", [prompt.version], meter));
  } catch (e) {
    if (ctx.signal.aborted || (e instanceof AppError && e.details?.cancelled)) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    ctx.note(`model placements unavailable (${reason}); the solver placed every object`);
    notes.push(`model placements unavailable: ${reason}`);
  }
  const solved = solveLayout(hinted, { seed: 1 });
  const shell = roomShellProgram({
    footprint: solved.footprint,
    wallHeight: solved.wallHeight,
    wallThickness: solved.wallThickness,
    openings: solved.openings,
    floorMaterial: SHELL_FLOOR,
    wallMaterial: SHELL_WALL,
    ceiling: false,
  });
  return {
    room: { footprint: solved.footprint, wallHeight: solved.wallHeight, wallThickness: solved.wallThickness, openings: solved.openings, programSource: shell.source },
    placements: solved.placements,
    supports: solved.supports,
    notes: [...notes, ...solved.notes],
  };
}
