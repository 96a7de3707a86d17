import { describe, expect, it } from "vitest";
import { Attributes, ObjectSpec } from "../../../lib/scene/schema";
import { profileObject } from "./profile";

function spec(category: string, description: string, size: { w: number; d: number; h: number }, attrs: Partial<Attributes> = {}): ObjectSpec {
  return ObjectSpec.parse({ id: `${category}-1`, category, name: category, description, attributes: Attributes.parse(attrs), targetSize: size, support: "floor" });
}

function within(plan: ReturnType<typeof profileObject>["plan"], size: { w: number; d: number; h: number }) {
  for (const p of plan.parts) {
    expect(Math.abs(p.localPose.x) + p.size.w / 2, p.name).toBeLessThanOrEqual(size.w / 2 + 1e-3);
    expect(Math.abs(p.localPose.y) + p.size.d / 2, p.name).toBeLessThanOrEqual(size.d / 2 + 1e-3);
    expect(p.localPose.z - p.size.h / 2, p.name).toBeGreaterThanOrEqual(-1e-3);
    expect(p.localPose.z + p.size.h / 2, p.name).toBeLessThanOrEqual(size.h + 1e-3);
  }
}

describe("profileObject", () => {
  it("plans a nightstand with the drawers the description asks for, movable, inside the target box", () => {
    const size = { w: 0.5, d: 0.4, h: 0.55 };
    const r = profileObject(spec("nightstand", "a three-drawer nightstand", size, { material: "oak", color: "#b58a55" }));
    expect(r.route).toBe("articulated");
    const drawers = r.plan.parts.filter((p) => p.name.startsWith("drawer_"));
    expect(drawers.map((p) => p.name)).toEqual(["drawer_1", "drawer_2", "drawer_3"]);
    expect(drawers.every((p) => p.movable)).toBe(true);
    expect(r.plan.parts.map((p) => p.name)).toEqual(expect.arrayContaining(["side_left", "side_right", "top", "leg_1"]));
    expect(r.plan.parts.find((p) => p.name === "top")?.material).toBe("oak:#b58a55");
    within(r.plan, size);
  });

  it("plans sofas with one seat cushion per seat and arms unless armless", () => {
    const size = { w: 2.4, d: 0.9, h: 0.85 };
    const r = profileObject(spec("sofa", "a four-seat sofa", size));
    expect(r.plan.parts.filter((p) => p.name.startsWith("seat_cushion_"))).toHaveLength(4);
    expect(r.plan.parts.some((p) => p.name === "arm_1")).toBe(true);
    within(r.plan, size);
    const armless = profileObject(spec("sofa", "an armless sofa", size));
    expect(armless.plan.parts.some((p) => p.name.startsWith("arm_"))).toBe(false);
  });

  it("gives every family a non-empty plan inside its box, and unknown categories a body box", () => {
    for (const [cat, size] of [
      ["bed", { w: 1.6, d: 2.1, h: 1 }],
      ["dining_table", { w: 1.6, d: 0.9, h: 0.75 }],
      ["floor_lamp", { w: 0.4, d: 0.4, h: 1.6 }],
      ["rug", { w: 2, d: 1.4, h: 0.01 }],
      ["painting", { w: 0.9, d: 0.04, h: 0.6 }],
      ["bookshelf", { w: 0.9, d: 0.35, h: 1.9 }],
    ] as const) {
      const r = profileObject(spec(cat, cat, size));
      expect(r.plan.parts.length, cat).toBeGreaterThan(0);
      within(r.plan, size);
    }
    const u = profileObject(spec("flux_capacitor", "a flux capacitor", { w: 0.3, d: 0.3, h: 0.3 }));
    expect(u.plan.parts.map((p) => p.name)).toEqual(["body"]);
    expect(u.route).toBe("static_furniture");
  });
});
