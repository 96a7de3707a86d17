/**
 * UI controls for PARAMS entries: which widget edits a parameter and its range, derived from the
 * parameter's name and current value (the editor's parameter panel renders these).
 */
import { MATERIAL_NAMES } from "./materials";
import type { ParamValue } from "./params";

/** A control for one PARAMS entry. Numbers carry min/max/step in the parameter's unit (m, deg, count or ratio). */
export type ParamControl =
  | { kind: "number"; name: string; label: string; min: number; max: number; step: number; unit: "m" | "deg" | "ratio" | null }
  | { kind: "integer"; name: string; label: string; min: number; max: number; step: 1 }
  | { kind: "color"; name: string; label: string }
  | { kind: "toggle"; name: string; label: string }
  | { kind: "select"; name: string; label: string; options: string[] }
  | { kind: "text"; name: string; label: string }
  | { kind: "list"; name: string; label: string };

/** Known string choices by parameter name. */
export const PARAM_CHOICES: Readonly<Record<string, readonly string[]>> = {
  material: MATERIAL_NAMES,
  style: ["modern", "classic", "minimal", "industrial", "rustic", "scandinavian", "mid_century", "boho", "traditional"],
  shape: ["rectangular", "round", "square", "oval"],
  leg_style: ["straight", "tapered", "pedestal", "sled", "hairpin"],
  base: ["legs", "pedestal", "plinth", "casters"],
  arm_style: ["track", "rolled", "none"],
  size: ["twin", "full", "queen", "king"],
  hands: ["analog", "none"],
  fixture: ["pendant", "flush", "chandelier"],
  shade: ["drum", "cone", "globe", "none"],
  plant: ["leafy", "tall", "round", "succulent"],
  frame_style: ["thin", "wide", "none"],
};

const COUNT_NAMES = new Set([
  "drawers", "shelves", "doors", "legs", "seats", "books", "cushions", "pillows", "panels", "burners",
  "arms", "tiers", "bays", "columns", "rows", "steps", "slats", "leaves", "candles", "items", "bulbs", "keys",
  "compartments", "spokes", "rungs", "racks", "bottles", "basins", "hooks", "sections", "handles", "rails",
]);

const LENGTH_WORDS = /(^|_)(width|depth|height|length|radius|diameter|thickness|thick|gap|inset|offset|overhang|clearance|size|margin|rail|sill|top|lip|bevel|frame)($|_)/;
const ANGLE_WORDS = /(^|_)(angle|tilt|yaw|rotation|recline|deg)($|_)/;
const RATIO_WORDS = /(^|_)(ratio|fraction|openness|roughness|metallic|fill|taper|softness|opacity|share)($|_)/;

function humanize(name: string): string {
  const s = name.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function round(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/**
 * Control for a PARAMS entry: hex colors -> color picker, booleans -> toggle, known string choices ->
 * select, counts (`drawers`, `shelves`, `*_count`, integer values of count names) -> integer stepper,
 * lengths (`width`, `depth`, `height`, `*_radius`, ...) -> meter slider from ~0.05 to ~2x the value,
 * angles -> degrees, ratios -> 0..1, lists -> list; anything else -> text.
 */
export function paramControl(name: string, value: ParamValue): ParamControl {
  const label = humanize(name);
  if (typeof value === "boolean") return { kind: "toggle", name, label };
  if (Array.isArray(value) || value === null) return { kind: "list", name, label };
  if (typeof value === "string") {
    if (/^#[0-9a-fA-F]{6}$/.test(value)) return { kind: "color", name, label };
    const key = PARAM_CHOICES[name] ? name : name.endsWith("_material") ? "material" : null;
    if (key) {
      const options = [...PARAM_CHOICES[key]];
      if (!options.includes(value)) options.unshift(value);
      return { kind: "select", name, label, options };
    }
    return { kind: "text", name, label };
  }
  const n = name.toLowerCase();
  if (COUNT_NAMES.has(n) || /(_count|^num_|^n_)/.test(n)) {
    const min = n === "legs" ? 3 : n === "seats" || n === "tiers" ? 1 : 0;
    const max = Math.max(12, Math.ceil(value * 2));
    return { kind: "integer", name, label, min, max, step: 1 };
  }
  if (ANGLE_WORDS.test(n)) return { kind: "number", name, label, min: -180, max: 180, step: 1, unit: "deg" };
  if (RATIO_WORDS.test(n)) return { kind: "number", name, label, min: 0, max: 1, step: 0.01, unit: "ratio" };
  if (LENGTH_WORDS.test(n) || n === "width" || n === "depth" || n === "height") {
    const v = Math.abs(value);
    const small = v < 0.2;
    const step = small ? 0.005 : 0.01;
    const main = n === "width" || n === "depth" || n === "height";
    const min = main ? (small ? 0.01 : 0.05) : 0;
    const max = Math.max(round(Math.max(v * 2, v + 0.2), step), min + step * 10);
    return { kind: "number", name, label, min, max: Number(max.toFixed(3)), step, unit: "m" };
  }
  if (Number.isInteger(value) && value >= 0 && value <= 24) {
    return { kind: "integer", name, label, min: 0, max: Math.max(12, value * 2), step: 1 };
  }
  const v = Math.abs(value) || 1;
  return { kind: "number", name, label, min: Math.min(0, value), max: Number((v * 2).toPrecision(3)), step: Number((v / 100).toPrecision(2)), unit: null };
}
