import { describe, expect, it } from "vitest";
import { Attributes } from "../scene/schema";
import { hasAttribute } from "./attributes";

const sofa = (params: Record<string, unknown>, size = { w: 2.1, d: 0.9, h: 0.85 }) => ({
  category: "sofa",
  attributes: Attributes.parse({ tags: ["l_shaped", "navy"], colorName: "navy" }),
  built: { family: "sofa" as const, params, size, support: "floor" },
});

describe("attributes judged on what was built", () => {
  it("a shape word passes only when the family built that variant", () => {
    expect(hasAttribute("l_shaped", sofa({ layout: "straight" }))).toBe(false);
    expect(hasAttribute("L_shaped", sofa({ layout: "l_shaped" }))).toBe(true);
    // Without build facts the word on the object is enough (the label-based check).
    expect(hasAttribute("l_shaped", { category: "sofa", attributes: Attributes.parse({ tags: ["l_shaped"] }) })).toBe(true);
  });
  it("colours by the built colour PARAMS, materials by the built material, sizes by the built size", () => {
    expect(hasAttribute("navy", sofa({ color: "#1f2a44" }))).toBe(true);
    expect(hasAttribute("navy", sofa({ color: "#b22222" }))).toBe(false);
    expect(hasAttribute("leather", sofa({ material: "fabric" }))).toBe(false);
    expect(hasAttribute("wooden", { ...sofa({ material: "oak" }), category: "chair", built: { family: "chair" as const, params: { material: "oak" }, size: { w: 0.45, d: 0.5, h: 0.9 }, support: "floor" } })).toBe(true);
    expect(hasAttribute("large", sofa({}, { w: 2.8, d: 1.2, h: 0.85 }))).toBe(true);
    expect(hasAttribute("large", sofa({}))).toBe(false);
  });
});
