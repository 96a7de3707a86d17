/**
 * Rule-based PARAMS changes (PARAMS conventions: width/depth/height in m, `color` sRGB hex, `material`
 * name, counts as ints, parts as booleans) computed from parsed `Change`s against an object's current
 * PARAMS. Out-of-range results are refused with a readable message.
 */
import { err, ok, type Result } from "../errors";
import { materialPreset } from "../program/materials";
import type { SceneObject } from "../scene/schema";
import type { ParamLike } from "./commands/types";
import type { Change } from "./parse-changes";
import { MATERIAL_SETS_COLOR, singular, type SizeDim } from "./words";
import { familyOf, variantParams, variantSize } from "../vocab";

/** Allowed size range (m) for width/depth/height after an edit. */
export const SIZE_RANGE_M: readonly [number, number] = [0.02, 12];
/** Allowed range of count PARAMS after an edit. */
export const COUNT_RANGE: readonly [number, number] = [0, 24];

/** Rounds meters to 1 mm. */
const mm = (v: number) => Math.round(v * 1000) / 1000;

/** The PARAMS key for a part word ("drawer" -> "drawers", "armrest" -> "armrests"), or null. */
export function paramKeyFor(params: Record<string, unknown>, part: string): string | null {
  const p = singular(part);
  const keys = Object.keys(params);
  return (
    keys.find((k) => k === part || singular(k) === p) ??
    keys.find((k) => k === `${p}_count` || k === `num_${p}s` || k === `n_${p}s` || k === `${p}s_count`) ??
    keys.find((k) => k.endsWith(`_${p}s`) || k.endsWith(`_${p}`)) ??
    null
  );
}

/** Current size (m) of an object from its PARAMS, falling back to its target size. */
export function currentSize(obj: SceneObject): { w: number; d: number; h: number } {
  const p = obj.program?.params ?? {};
  const num = (v: unknown, d: number) => (typeof v === "number" && v > 0 ? v : d);
  return { w: num(p.width, obj.targetSize.w), d: num(p.depth, obj.targetSize.d), h: num(p.height, obj.targetSize.h) };
}

/** Computes the PARAMS diff for `changes` on `obj`; refuses when a change has no PARAMS to act on or leaves the valid range. */
export function paramsFor(obj: SceneObject, changes: readonly Change[]): Result<Record<string, ParamLike>, string> {
  const params = (obj.program?.params ?? {}) as Record<string, ParamLike>;
  if (!obj.program) return err(`${obj.name} has no program yet, so it cannot be changed.`);
  const out: Record<string, ParamLike> = {};
  const size = currentSize(obj);
  const next = { ...size };
  let sized = false;
  const explicitColor = changes.some((c) => c.kind === "color" && !c.part);
  for (const c of changes) {
    switch (c.kind) {
      case "color": {
        if (c.part) {
          const key = [`${c.part}_color`, `${singular(c.part)}s_color`, "secondary_color"].find((k) => k in params);
          if (!key) return err(`${obj.name}'s program has no colour parameter for its ${c.part}s (PARAMS: ${Object.keys(params).join(", ")}).`);
          out[key] = c.hex;
        } else {
          out.color = c.hex;
        }
        break;
      }
      case "material": {
        out.material = c.name;
        if (MATERIAL_SETS_COLOR.has(c.name) && !explicitColor) out.color = materialPreset(c.name).color;
        break;
      }
      case "scale":
      case "delta":
      case "absolute": {
        sized = true;
        const dims = dimsOf(c.dim, next);
        if (c.kind === "absolute" && c.dim === "all") {
          const f = c.meters / Math.max(next.w, next.d, next.h);
          for (const k of ["w", "d", "h"] as const) next[k] *= f;
          break;
        }
        for (const k of dims) {
          if (c.kind === "scale") next[k] *= c.factor;
          else if (c.kind === "delta") next[k] += c.meters;
          else next[k] = c.meters;
        }
        break;
      }
      case "variant": {
        // Shape/size variants of the object's family (lib/vocab/variants): PARAMS plus the size the variant implies.
        const family = familyOf(obj.category);
        const v = variantParams(family, [c.word], new Set(Object.keys(params)));
        const s = variantSize(family, [c.word], next);
        const resized = s.w !== next.w || s.d !== next.d || s.h !== next.h;
        if (!Object.keys(v).length && !resized) {
          return err(`${obj.name}'s program has no "${c.word.replace(/_/g, " ")}" variant (PARAMS: ${Object.keys(params).join(", ")}). Edit its program instead.`);
        }
        Object.assign(out, v);
        if (resized) {
          sized = true;
          Object.assign(next, s);
        }
        break;
      }
      case "count":
      case "toggle": {
        const key = paramKeyFor(params, c.part);
        if (!key) {
          return err(`${obj.name}'s program has no ${c.part} parameter, so "${c.part}" cannot be changed by PARAMS (PARAMS: ${Object.keys(params).join(", ")}). Edit its program instead.`);
        }
        const cur = key in out ? out[key] : params[key];
        if (typeof cur === "boolean") {
          out[key] = c.kind === "toggle" ? c.value : c.op === "set" ? c.value > 0 : (cur ? 1 : 0) + c.value > 0;
        } else if (typeof cur === "number") {
          const v = c.kind === "toggle" ? (c.value ? Math.max(cur, 1) : 0) : c.op === "set" ? c.value : cur + c.value;
          if (v < COUNT_RANGE[0] || v > COUNT_RANGE[1]) return err(`${key} of ${obj.name} would be ${v}; allowed ${COUNT_RANGE[0]}..${COUNT_RANGE[1]}.`);
          out[key] = Math.round(v);
        } else {
          return err(`${key} of ${obj.name} is not a count or on/off parameter.`);
        }
        break;
      }
    }
  }
  if (sized) {
    for (const [k, key] of [["w", "width"], ["d", "depth"], ["h", "height"]] as const) {
      const v = mm(next[k]);
      if (v < SIZE_RANGE_M[0] || v > SIZE_RANGE_M[1]) return err(`${key} of ${obj.name} would be ${v} m; allowed ${SIZE_RANGE_M[0]}..${SIZE_RANGE_M[1]} m.`);
      if (Math.abs(v - size[k]) > 1e-9) out[key] = v;
    }
  }
  return ok(out);
}

/** Which size dims a size word changes ("length" = the longer horizontal side; "short" = height for tall objects, else length). */
export function dimsOf(dim: SizeDim, s: { w: number; d: number; h: number }): ("w" | "d" | "h")[] {
  switch (dim) {
    case "w":
    case "d":
    case "h":
      return [dim];
    case "length":
      return [s.d > s.w ? "d" : "w"];
    case "short":
      return s.h > Math.max(s.w, s.d) ? ["h"] : [s.d > s.w ? "d" : "w"];
    case "all":
    default:
      return ["w", "d", "h"];
  }
}
