import "server-only";
/**
 * The composer: objects no family builds natively are built part by part from their blueprint (the profile
 * stage's ObjectPlan), with the `composed` program whose module-level `PARTS` literal lists the parts as
 * fractions of the object's size. The blueprint comes from the category's part kit (lib/vocab/compose-kits).
 */
import type { PlanPart, Size3 } from "../../../../lib/scene/schema";
import { GENERIC_KIT, kitFor, type KitPart, type KitRole } from "../../../../lib/vocab";

/** Material names of the kit roles (`<preset>:<hex>`); `primary` is the object's own material and colour. */
export function roleMaterials(primary: string, secondaryHex: string): Record<KitRole, string> {
  return { primary, secondary: `plastic:${secondaryHex}`, metal: "metal:#a8a8a8", glass: "glass:#d8e8ec", dark: "plastic:#262626" };
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Blueprint parts (m, local frame) of `category` at `size`: its kit, else the generic body-on-plinth kit. */
export function composedPlan(category: string, size: Size3, materials: Record<KitRole, string>): PlanPart[] {
  const parts = kitFor(category)?.parts ?? GENERIC_KIT;
  return parts.map(([name, prim, cx, cy, cz, sx, sy, sz, role]) => ({
    name,
    primitive: prim,
    localPose: { x: r3(cx * size.w), y: r3(cy * size.d), z: r3(cz * size.h), yawDeg: 0 },
    size: { w: Math.max(r3(sx * size.w), 0.001), d: Math.max(r3(sy * size.d), 0.001), h: Math.max(r3(sz * size.h), 0.001) },
    material: materials[role],
    symmetry: "none",
    movable: false,
  }));
}

/** Kit parts (fractions of `size`) of blueprint parts; the role is read back from the material name. */
export function kitPartsFromPlan(parts: readonly PlanPart[], size: Size3, materials: Record<KitRole, string>): KitPart[] {
  const roleOf = (m: string): KitRole => (Object.entries(materials).find(([, v]) => v === m)?.[0] as KitRole | undefined) ?? (m.startsWith("metal") ? "metal" : m.startsWith("glass") ? "glass" : "primary");
  const prims = new Set(["box", "cylinder", "sphere", "cone", "torus"]);
  const f = (v: number, s: number) => Math.round((v / Math.max(s, 1e-6)) * 10000) / 10000;
  return parts.map((p) => [
    p.name.replace(/[^a-z0-9_]/gi, "_").toLowerCase() || "part",
    (prims.has(p.primitive) ? p.primitive : "box") as KitPart[1],
    f(p.localPose.x, size.w), f(p.localPose.y, size.d), f(p.localPose.z, size.h),
    f(p.size.w, size.w), f(p.size.d, size.d), f(p.size.h, size.h),
    roleOf(p.material),
  ]);
}

/** `source` with its `PARTS = [...]` literal replaced by `parts` (Python tuples). Throws `engine:` when the program has no PARTS literal. */
export function withParts(source: string, parts: readonly KitPart[]): string {
  const re = /^PARTS = \[\n[\s\S]*?^\]\n/m;
  if (!re.test(source)) throw new Error("engine: composed program without a PARTS literal");
  const num = (v: number) => (Number.isInteger(v) ? `${v}.0` : String(v));
  const rows = parts.map(([n, prim, ...rest]) => {
    const role = rest[6];
    return `    (${JSON.stringify(n)}, ${JSON.stringify(prim)}, ${rest.slice(0, 6).map((v) => num(v as number)).join(", ")}, ${JSON.stringify(role)}),`;
  });
  return source.replace(re, `PARTS = [\n${rows.join("\n")}\n]\n`);
}
