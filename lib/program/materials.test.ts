import { describe, expect, it } from "vitest";
import { canonicalMaterial, COLOR_NAMES, colorHex, MATERIAL_NAMES, materialPreset } from "./materials";

describe("materialPreset", () => {
  it("maps names, case, spaces and synonyms to PBR presets", () => {
    expect(materialPreset("metal")).toMatchObject({ metallic: 1 });
    expect(materialPreset("Brushed Steel")).toMatchObject({ metallic: 1, roughness: 0.35 });
    expect(materialPreset("velvet").roughness).toBeGreaterThan(0.7);
    expect(materialPreset("glass").roughness).toBeLessThan(0.1);
    expect(materialPreset("wooden")).toEqual(materialPreset("wood"));
    expect(canonicalMaterial("stainless steel")).toBe("stainless_steel");
    expect(canonicalMaterial("unobtainium")).toBeNull();
    expect(materialPreset("unobtainium")).toEqual({ roughness: 0.5, metallic: 0, color: "#b0b0b0" });
  });

  it("returns a copy (callers may mutate it)", () => {
    const a = materialPreset("oak");
    a.roughness = 0;
    expect(materialPreset("oak").roughness).toBe(0.55);
  });

  it("has every preset in range with a hex color", () => {
    for (const name of MATERIAL_NAMES) {
      const p = materialPreset(name);
      expect(p.roughness).toBeGreaterThanOrEqual(0);
      expect(p.roughness).toBeLessThanOrEqual(1);
      expect([0, 1]).toContain(p.metallic);
      expect(p.color).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});

describe("COLOR_NAMES", () => {
  it("has at least 60 names including the common interior ones, all hex", () => {
    expect(Object.keys(COLOR_NAMES).length).toBeGreaterThanOrEqual(60);
    for (const n of ["navy", "walnut", "beige", "sage", "charcoal", "cream", "teal", "white", "black", "mustard"]) {
      expect(COLOR_NAMES[n], n).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(colorHex("Light Grey")).toBe(COLOR_NAMES.light_grey);
    expect(colorHex("dark-green")).toBe(COLOR_NAMES.dark_green);
    expect(colorHex("octarine")).toBeNull();
  });
});
