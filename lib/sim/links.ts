/**
 * Links of an articulated object: the parts that move together. The base link holds every part no joint moves;
 * each joint's child link holds its children. Mass properties combine per link by the parallel axis theorem.
 * Frames: the object's local frame (m, Z-up); a link's frame sits at its joint's origin, unrotated.
 */
import type { Joint } from "../scene/schema";

/** Mass properties of a part (kg, m; inertia [ixx, iyy, izz, ixy, ixz, iyz] about `com`, object frame axes). */
export interface MassPart {
  name: string;
  mass: number;
  com: [number, number, number];
  inertia: [number, number, number, number, number, number];
  color: string;
  material: string;
  bbox: { min: [number, number, number]; max: [number, number, number] };
  hullVertices: number;
  /** Convex hull volume (m^3). */
  hullVolume: number;
  volume: number;
}

/** One link: `joint` null for the base; `origin` its frame origin in the object frame (m). */
export interface Link {
  name: string;
  joint: Joint | null;
  parent: string | null;
  origin: [number, number, number];
  parts: MassPart[];
  mass: number;
  com: [number, number, number];
  inertia: [number, number, number, number, number, number];
}

type V3 = [number, number, number];
type M3 = number[][];

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

function tensor(i: MassPart["inertia"]): M3 {
  return [
    [i[0], i[3], i[4]],
    [i[3], i[1], i[5]],
    [i[4], i[5], i[2]],
  ];
}

/** Combined mass, center of mass and inertia about it (parallel axis theorem). Empty input: a 1 g point. */
export function combineMass(parts: Pick<MassPart, "mass" | "com" | "inertia">[]): { mass: number; com: V3; inertia: MassPart["inertia"] } {
  const mass = parts.reduce((s, p) => s + p.mass, 0);
  if (!(mass > 0)) return { mass: 0.001, com: [0, 0, 0], inertia: [1e-7, 1e-7, 1e-7, 0, 0, 0] };
  const com: V3 = [0, 1, 2].map((k) => parts.reduce((s, p) => s + p.mass * p.com[k], 0) / mass) as V3;
  const t: M3 = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (const p of parts) {
    const ip = tensor(p.inertia);
    const d = sub(p.com, com);
    const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) t[r][c] += ip[r][c] + p.mass * ((r === c ? dd : 0) - d[r] * d[c]);
  }
  return { mass, com, inertia: [t[0][0], t[1][1], t[2][2], t[0][1], t[0][2], t[1][2]] };
}

/** Link name of a joint's child link. */
export function linkName(joint: Joint | null): string {
  return joint ? `${joint.name}_link` : "base";
}

/** Links of an object, base first, each after its parent. Parts no joint names go to the base. */
export function linksOf(joints: Joint[], parts: MassPart[]): Link[] {
  const owner = new Map<string, Joint>();
  for (const j of joints) for (const c of j.children) owner.set(c, j);
  const linkOfPart = (p: string) => linkName(owner.get(p) ?? null);
  const make = (joint: Joint | null): Link => {
    const own = parts.filter((p) => (owner.get(p.name) ?? null) === joint);
    const m = combineMass(own);
    return {
      name: linkName(joint),
      joint,
      parent: joint ? linkOfPart(joint.parent) : null,
      origin: joint ? joint.origin : [0, 0, 0],
      parts: own,
      ...m,
    };
  };
  const out: Link[] = [make(null)];
  const pending = [...joints];
  while (pending.length) {
    const k = pending.findIndex((j) => out.some((l) => l.name === linkOfPart(j.parent)));
    if (k < 0) throw new Error(`sim: joints ${pending.map((j) => j.name).join(", ")} hang on no link`);
    out.push(make(pending.splice(k, 1)[0]));
  }
  return out;
}

/** Links moved by a joint's link and every link below it. */
export function subtree(links: Link[], root: string): Link[] {
  const out = links.filter((l) => l.name === root);
  for (let i = 0; i < out.length; i++) for (const l of links) if (l.parent === out[i].name) out.push(l);
  return out;
}

/** Inertia (kg m^2) about a joint's axis (revolute) or mass (kg, prismatic) of everything it moves. */
export function effectiveInertia(links: Link[], joint: Joint): number {
  const moved = subtree(links, linkName(joint)).flatMap((l) => l.parts);
  if (joint.type === "prismatic") return moved.reduce((s, p) => s + p.mass, 0);
  const a = joint.axis;
  let total = 0;
  for (const p of moved) {
    const t = tensor(p.inertia);
    let along = 0;
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) along += a[r] * t[r][c] * a[c];
    const d = sub(p.com, joint.origin);
    const cx = d[1] * a[2] - d[2] * a[1];
    const cy = d[2] * a[0] - d[0] * a[2];
    const cz = d[0] * a[1] - d[1] * a[0];
    total += along + p.mass * (cx * cx + cy * cy + cz * cz);
  }
  return Math.max(total, 1e-6);
}
