import "server-only";
/**
 * The offline engine (deterministic, no network): the prompt parser or the classical image analysis for
 * structure, the layout solver and the room-shell program for layout, family profiles, the parametric
 * program library for code (generic box program as repair, PARAMS rescale as refine), and rule-based decor.
 */
import { parseParams, replaceParams, type ParamValue } from "../../../lib/program/params";
import { parsePrompt } from "../../../lib/prompt/parse";
import { solveLayout } from "../../../lib/layout/solve";
import type { BuildStats } from "../../../lib/scene/schema";
import type { Engine } from "../types";
import { genericProgram, programFor } from "./code";
import { roomShellProgram } from "./code/room";
import { decorFor, surfacesFor, withPictureSurfaces } from "./decor";
import { profileObject } from "./profile";

/** PARAMS of `source` with width/depth/height rescaled so that the built size `stats.size` meets `target` (m). */
export function rescaleParams(source: string, stats: BuildStats, target: { w: number; d: number; h: number }): string | null {
  const parsed = parseParams(source);
  if (!parsed.ok) return null;
  const p = parsed.value;
  const next: Record<string, ParamValue> = { ...p };
  let changed = false;
  for (const [key, axis] of [["width", "w"], ["depth", "d"], ["height", "h"]] as const) {
    const v = p[key];
    const built = stats.size[axis];
    if (typeof v !== "number" || !(built > 1e-4)) continue;
    const scaled = Math.round(v * (target[axis] / built) * 1000) / 1000;
    if (scaled > 0 && Math.abs(scaled - v) > 1e-3) {
      next[key] = scaled;
      changed = true;
    }
  }
  return changed ? replaceParams(source, next) : null;
}

/** Create the offline engine. */
export function createOfflineEngine(): Engine {
  return {
    name: "offline",
    async structure(_ctx, input) {
      if (input.image) {
        // Loaded on first use: prompt scenes never load the image stack (sharp).
        const { structureFromImage } = await import("../../images/structure");
        return structureFromImage({ ...input.image, prompt: input.prompt });
      }
      return parsePrompt(input.prompt ?? "");
    },
    async layout(_ctx, spec) {
      const solved = solveLayout(spec);
      // The decor stage picks the same surfaces from room type and style, so the shell is built once with them.
      const surfaces = withPictureSurfaces(spec.appearance, surfacesFor(spec.roomType, spec.style));
      const shell = roomShellProgram({
        footprint: solved.footprint,
        wallHeight: solved.wallHeight,
        wallThickness: solved.wallThickness,
        openings: solved.openings,
        floorMaterial: surfaces.floor,
        wallMaterial: surfaces.wall,
        ceiling: false,
      });
      return {
        room: { footprint: solved.footprint, wallHeight: solved.wallHeight, wallThickness: solved.wallThickness, openings: solved.openings, programSource: shell.source },
        placements: solved.placements,
        supports: solved.supports,
        notes: solved.notes,
      };
    },
    async profile(_ctx, obj) {
      return profileObject(obj);
    },
    async code(_ctx, obj, _scene, onText) {
      const { source } = programFor(obj);
      onText?.(source);
      return { source };
    },
    async repair(ctx, obj, _source, error, attempt) {
      // The library programs are tested; a failure is most likely a bad parameter: fall back to the box program once.
      if (attempt > 1) return null;
      ctx.note(`${obj.id}: ${error.type} (${error.message.slice(0, 120)}); using the generic program.`);
      return { source: genericProgram(obj).source };
    },
    async refine(_ctx, obj, source, stats) {
      const next = rescaleParams(source, stats, obj.targetSize);
      return next ? { source: next } : null;
    },
    async decor(_ctx, scene) {
      return decorFor(scene);
    },
  };
}
