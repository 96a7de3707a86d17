import "server-only";
/**
 * Per-family part tables of the offline profile stage: the main named parts each family's program builds
 * (same names: `leg_1`, `drawer_1`, `door_1`, `seat`, ...), as boxes in the object's local frame computed
 * from the program's PARAMS. Small fittings (knobs, handles, frames) are left out of the blueprint.
 */
import type { PlanPart } from "../../../../lib/scene/schema";
import type { Family } from "../../../../lib/vocab";
import type { ParamValue } from "../../../../lib/program/params";

type Prim = PlanPart["primitive"];
type Role = "primary" | "secondary" | "metal" | "glass" | "fabric" | "wood";

/** A part as an axis-aligned box: x0..x1, y0..y1 (m, local frame), z0..z1 (m above the floor). */
interface Part {
  name: string;
  prim: Prim;
  box: [number, number, number, number, number, number];
  role?: Role;
  symmetry?: PlanPart["symmetry"];
  movable?: boolean;
}

/** The PARAMS values a part table reads, with sizes in meters. */
export interface PartParams {
  w: number;
  d: number;
  h: number;
  p: Record<string, ParamValue>;
}

const num = (p: Record<string, ParamValue>, k: string, def: number): number => (typeof p[k] === "number" ? (p[k] as number) : def);
const bool = (p: Record<string, ParamValue>, k: string, def: boolean): boolean => (typeof p[k] === "boolean" ? (p[k] as boolean) : def);

function part(name: string, prim: Prim, cx: number, cy: number, z0: number, sx: number, sy: number, sz: number, extra: Partial<Part> = {}): Part {
  return { name, prim, box: [cx - sx / 2, cx + sx / 2, cy - sy / 2, cy + sy / 2, z0, z0 + sz], ...extra };
}

function legs(w: number, d: number, h: number, t: number, inset: number, prim: Prim = "box", role: Role = "primary"): Part[] {
  const dx = w / 2 - inset - t / 2;
  const dy = d / 2 - inset - t / 2;
  return [[-dx, -dy], [dx, -dy], [-dx, dy], [dx, dy]].map(([x, y], i) =>
    part(`leg_${i + 1}`, prim, x, y, 0, t, t, h, { role, symmetry: "mirror_x" }),
  );
}

function carcass(w: number, d: number, z0: number, h: number, t = 0.02): Part[] {
  return [
    part("side_left", "box", -w / 2 + t / 2, 0, z0, t, d, h, { symmetry: "mirror_x" }),
    part("side_right", "box", w / 2 - t / 2, 0, z0, t, d, h, { symmetry: "mirror_x" }),
    part("top", "box", 0, 0, z0 + h - t, w, d, t),
    part("bottom", "box", 0, 0, z0, w - 2 * t, d, t),
    part("back", "box", 0, d / 2 - t / 2, z0 + t, w - 2 * t, t, h - 2 * t),
  ];
}

function grid(prefix: string, x0: number, x1: number, z0: number, z1: number, rows: number, cols: number, y: number): Part[] {
  const out: Part[] = [];
  const fw = (x1 - x0) / cols;
  const fh = (z1 - z0) / rows;
  let k = 1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      out.push(part(`${prefix}_${k++}`, "box", x0 + fw * (c + 0.5), y, z1 - fh * (r + 1), fw - 0.006, 0.018, fh - 0.006, { movable: true }));
    }
  }
  return out;
}

/** Main parts of a family's program for the given PARAMS. Unknown families get a single `body` box. */
export function familyParts(family: Family, { w, d, h, p }: PartParams): Part[] {
  const front = -d / 2 + 0.03;
  switch (family) {
    case "bed":
    case "bunk_bed":
    case "crib": {
      const base = Math.min(0.32, h * 0.5);
      return [
        ...legs(w, d, Math.max(base - 0.2, 0.05), 0.07, 0.03),
        part("frame", "box", 0, 0, Math.max(base - 0.2, 0.05), w, d, 0.2),
        part("mattress", "box", 0, 0, base, w - 0.04, d - 0.04, 0.2, { role: "fabric" }),
        ...(bool(p, "headboard", true) ? [part("headboard", "box", 0, d / 2 - 0.03, 0, w, 0.06, h)] : []),
      ];
    }
    case "nightstand":
    case "dresser":
    case "cabinet":
    case "sideboard":
    case "wardrobe":
    case "tv_stand":
    case "wine_cabinet":
    case "vanity":
    case "kitchen_counter":
    case "kitchen_island": {
      const z0 = Math.min(num(p, "leg_height", num(p, "plinth_height", 0.08)), h * 0.2);
      const parts = carcass(w, d - 0.04, z0, h - z0);
      if (typeof p.leg_height === "number" && z0 > 0.005) parts.push(...legs(w, d - 0.04, z0, 0.04, 0.02));
      const drawers = Math.max(0, Math.round(num(p, "drawers", 0)));
      const doors = Math.max(0, Math.round(num(p, "doors", 0)));
      const split = drawers && doors ? z0 + (h - z0) * 0.75 : z0;
      if (drawers) {
        const cols = family === "dresser" && w >= 0.9 && drawers >= 4 && drawers % 2 === 0 ? 2 : doors ? drawers : 1;
        parts.push(...grid("drawer", -w / 2 + 0.02, w / 2 - 0.02, doors ? split : z0, h - 0.02, Math.max(1, Math.round(drawers / cols)), cols, front));
      }
      if (doors) parts.push(...grid("door", -w / 2 + 0.02, w / 2 - 0.02, z0, drawers ? split : h - 0.02, 1, doors, front));
      return parts;
    }
    case "bookshelf":
    case "shelf": {
      const n = Math.max(2, Math.round(num(p, "shelves", 4)));
      const out = carcass(w, d, 0, h);
      for (let i = 1; i < n; i++) out.push(part(`shelf_${i}`, "box", 0, 0, (i * (h - 0.02)) / n, w - 0.04, d - 0.02, 0.02));
      return out;
    }
    case "desk":
    case "dining_table":
    case "coffee_table":
    case "side_table":
    case "console_table": {
      const round = p.shape === "round" || p.shape === "oval";
      const top = Math.min(0.04, h * 0.08);
      return [part("top", round ? "cylinder" : "box", 0, 0, h - top, w, d, top), ...legs(w, d, h - top, 0.05, 0.03, round ? "cylinder" : "box")];
    }
    case "chair":
    case "office_chair":
    case "stool":
    case "bar_stool":
    case "bench": {
      const back = bool(p, "backrest", family === "chair" || family === "office_chair");
      const seat = back ? Math.min(num(p, "seat_height", 0.46), h * 0.62) : h;
      const out = [...legs(w, d, seat - 0.04, 0.04, 0.01, family === "stool" || family === "bar_stool" ? "cylinder" : "box"), part("seat", family.includes("stool") ? "cylinder" : "box", 0, 0, seat - 0.04, w, d, 0.04)];
      if (back) out.push(part("backrest", "box", 0, d / 2 - 0.03, seat, w, 0.04, h - seat));
      if (bool(p, "armrests", false)) out.push(part("armrest_1", "box", -w / 2 + 0.02, 0, seat + 0.2, 0.04, d * 0.8, 0.03, { symmetry: "mirror_x" }), part("armrest_2", "box", w / 2 - 0.02, 0, seat + 0.2, 0.04, d * 0.8, 0.03, { symmetry: "mirror_x" }));
      return out;
    }
    case "armchair":
    case "sofa": {
      const seats = family === "sofa" ? Math.max(1, Math.round(num(p, "seats", 3))) : 1;
      const leg = Math.min(num(p, "leg_height", 0.1), h * 0.2);
      const seat = Math.min(num(p, "seat_height", 0.44), h * 0.7);
      const arm = bool(p, "armrests", true) ? Math.min(0.2, w * 0.1) : 0;
      const out = [...legs(w, d, leg, 0.05, 0.05, "box", "wood"), part("base", "box", 0, 0, leg, w, d, (seat - leg) * 0.5, { role: "fabric" }), part("backrest", "box", 0, d / 2 - 0.08, leg, w, 0.16, h - leg, { role: "fabric" })];
      const inner = w - 2 * arm;
      for (let i = 0; i < seats; i++) {
        const name = family === "sofa" ? `seat_cushion_${i + 1}` : "seat_cushion";
        out.push(part(name, "box", -inner / 2 + (inner / seats) * (i + 0.5), -0.08, leg + (seat - leg) * 0.5, inner / seats, d - 0.16, (seat - leg) * 0.5, { role: "fabric", movable: true }));
      }
      if (arm) out.push(part("arm_1", "box", -w / 2 + arm / 2, 0, leg, arm, d, seat + 0.2 - leg, { role: "fabric", symmetry: "mirror_x" }), part("arm_2", "box", w / 2 - arm / 2, 0, leg, arm, d, seat + 0.2 - leg, { role: "fabric", symmetry: "mirror_x" }));
      return out;
    }
    case "floor_lamp":
    case "table_lamp":
      return [
        part("base", "cylinder", 0, 0, 0, w * 0.6, d * 0.6, h * 0.05, { role: "metal" }),
        part("stem", "cylinder", 0, 0, h * 0.05, 0.03, 0.03, h * 0.6, { role: "metal" }),
        part("shade", "cone", 0, 0, h * 0.65, w, d, h * 0.35, { role: "fabric" }),
      ];
    case "tv":
    case "monitor":
    case "laptop":
      return [part("screen", "box", 0, 0, family === "tv" && d < 0.12 ? 0 : h * 0.2, w, Math.min(d, 0.06), family === "tv" && d < 0.12 ? h : h * 0.8), part("stand", "box", 0, 0, 0, w * 0.4, d, h * 0.2, { role: "metal" })];
    case "painting":
    case "mirror":
    case "clock":
      return [part(family === "painting" ? "canvas" : family === "mirror" ? "mirror_glass" : "face", family === "clock" ? "cylinder" : "box", 0, 0, 0, w, d, h), part("frame", "box", 0, 0, 0, w, d, h, { role: "secondary" })];
    case "rug":
      return [part("rug", "box", 0, 0, 0, w, d, h, { role: "fabric" })];
    case "potted_plant":
      return [part("pot", "cylinder", 0, 0, 0, Math.min(w, d) * 0.6, Math.min(w, d) * 0.6, h * 0.3), part("foliage", "sphere", 0, 0, h * 0.3, w, d, h * 0.7, { role: "secondary" })];
    case "curtains":
      return [part("rod", "cylinder", 0, 0, h - 0.03, w, 0.03, 0.03, { role: "metal" }), part("panel_1", "mesh", -w / 4, 0, 0, w / 2, d, h - 0.05, { role: "fabric", symmetry: "mirror_x", movable: true }), part("panel_2", "mesh", w / 4, 0, 0, w / 2, d, h - 0.05, { role: "fabric", symmetry: "mirror_x", movable: true })];
    case "fridge":
    case "stove":
    case "washing_machine":
    case "microwave":
      return [part("body", "box", 0, 0.02, 0, w, d - 0.04, h), part("door", "box", 0, -d / 2 + 0.02, 0, w, 0.04, h, { movable: true })];
    case "toilet":
    case "sink":
    case "bathtub":
    case "shower":
      return [part(family === "shower" ? "tray" : family === "bathtub" ? "tub" : "bowl", "box", 0, 0, 0, w, d, family === "shower" ? 0.06 : h * 0.8, { role: "primary" })];
    default:
      return [part("body", "box", 0, 0, 0, w, d, h)];
  }
}

/** Converts a part box to a PlanPart (center pose, size; material from the role). */
export function toPlanPart(pt: Part, materials: Record<Role, string>): PlanPart {
  const [x0, x1, y0, y1, z0, z1] = pt.box;
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    name: pt.name,
    primitive: pt.prim,
    localPose: { x: r3((x0 + x1) / 2), y: r3((y0 + y1) / 2), z: r3((z0 + z1) / 2), yawDeg: 0 },
    size: { w: Math.max(r3(x1 - x0), 0.001), d: Math.max(r3(y1 - y0), 0.001), h: Math.max(r3(z1 - z0), 0.001) },
    material: materials[pt.role ?? "primary"],
    symmetry: pt.symmetry ?? "none",
    movable: pt.movable ?? false,
  };
}
