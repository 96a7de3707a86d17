import { describe, expect, it } from "vitest";
import { paramControl } from "./controls";

describe("paramControl", () => {
  it("gives meter sliders for the bounding-box sizes, from about 0.05 m to about twice the value", () => {
    const c = paramControl("width", 0.9);
    expect(c).toMatchObject({ kind: "number", unit: "m", min: 0.05, step: 0.01 });
    if (c.kind !== "number") throw new Error("kind");
    expect(c.max).toBeGreaterThanOrEqual(1.8);
    expect(c.max).toBeLessThanOrEqual(2.2);
    const small = paramControl("height", 0.03);
    expect(small).toMatchObject({ kind: "number", unit: "m", min: 0.01, step: 0.005 });
    expect(paramControl("leg_height", 0.12)).toMatchObject({ kind: "number", unit: "m", min: 0 });
  });

  it("gives integer steppers for counts, color pickers for hex, toggles for booleans", () => {
    expect(paramControl("drawers", 3)).toMatchObject({ kind: "integer", min: 0, step: 1 });
    expect(paramControl("legs", 4)).toMatchObject({ kind: "integer", min: 3 });
    expect(paramControl("seats", 3)).toMatchObject({ kind: "integer", min: 1 });
    expect(paramControl("color", "#1f2a44")).toEqual({ kind: "color", name: "color", label: "Color" });
    expect(paramControl("secondary_color", "#ffffff").kind).toBe("color");
    expect(paramControl("armrests", false)).toEqual({ kind: "toggle", name: "armrests", label: "Armrests" });
  });

  it("gives selects for known string choices (keeping an unknown current value) and text otherwise", () => {
    const m = paramControl("material", "walnut");
    expect(m.kind).toBe("select");
    if (m.kind === "select") expect(m.options).toContain("leather");
    const odd = paramControl("top_material", "unobtainium");
    if (odd.kind !== "select") throw new Error("kind");
    expect(odd.options[0]).toBe("unobtainium");
    expect(paramControl("shape", "round")).toMatchObject({ kind: "select", options: expect.arrayContaining(["rectangular"]) });
    expect(paramControl("title", "hello")).toMatchObject({ kind: "text" });
  });

  it("handles angles, ratios and lists", () => {
    expect(paramControl("tilt_deg", 15)).toMatchObject({ kind: "number", unit: "deg", min: -180, max: 180 });
    expect(paramControl("roughness", 0.4)).toMatchObject({ kind: "number", unit: "ratio", min: 0, max: 1 });
    expect(paramControl("footprint", [[0, 0]])).toMatchObject({ kind: "list" });
  });
});
