import { describe, expect, it } from "vitest";
import { FAMILIES, canonicalCategory, categoryInfo, familyOf, isPlural, singularize } from "./index";

describe("canonicalCategory", () => {
  it("folds synonyms, plurals and case", () => {
    expect(canonicalCategory("Couch")).toBe("sofa");
    expect(canonicalCategory("TV")).toBe("tv");
    expect(canonicalCategory("television")).toBe("tv");
    expect(canonicalCategory("bookcases")).toBe("bookshelf");
    expect(canonicalCategory("Refrigerator")).toBe("fridge");
    expect(canonicalCategory("bedside table")).toBe("nightstand");
    expect(canonicalCategory("floor lamps")).toBe("floor_lamp");
    expect(canonicalCategory("shelves")).toBe("shelf");
    expect(canonicalCategory("lamp")).toBe("lamp");
  });
  it("rewrites 'X of Y' to 'Y_X' so both spellings meet", () => {
    expect(canonicalCategory("bottle_of_lotion")).toBe("lotion_bottle");
  });
  it("singularizes regular and irregular nouns", () => {
    expect(singularize("benches")).toBe("bench");
    expect(singularize("cacti")).toBe("cactus");
    expect(singularize("glass")).toBe("glass");
    expect(isPlural("chairs")).toBe(true);
    expect(isPlural("chair")).toBe(false);
  });
});

describe("familyOf / categoryInfo", () => {
  it("maps known categories to their family with sizes in meters", () => {
    expect(familyOf("gaming_chair")).toBe("office_chair");
    expect(familyOf("nightstand")).toBe("nightstand");
    const bed = categoryInfo("bed");
    expect(bed.family).toBe("bed");
    expect(bed.defaultSize.w).toBeGreaterThan(1);
    expect(bed.support).toBe("floor");
    expect(categoryInfo("painting").support).toBe("wall");
    expect(categoryInfo("painting").route).toBe("wall_art");
    expect(categoryInfo("chandelier").support).toBe("ceiling");
    expect(categoryInfo("mug").surface).toBe(true);
    expect(categoryInfo("rug").route).toBe("thin_cover");
  });
  it("uses keyword heuristics for unknown categories and never throws", () => {
    expect(familyOf("velvet_throne_chair")).toBe("chair");
    expect(familyOf("reading_lamp_thing_lamp")).toBe("table_lamp");
    expect(familyOf("storage_cabinet_xl")).toBe("box");
    expect(familyOf("olive_oil_bottle")).toBe("bottle");
    expect(familyOf("zxqv")).toBe("box");
    expect(categoryInfo("zxqv").known).toBe(false);
  });
  it("gives a listed member of a family the family's size and support, not a generic box's", () => {
    // A platter is built by the plate family: a 3 cm dish that stands on a surface, not a 0.5 m box on the floor.
    const platter = categoryInfo("serving platter");
    expect(platter.family).toBe("plate");
    expect(platter.defaultSize).toEqual(categoryInfo("plate").defaultSize);
    expect(platter.surface).toBe(true);
    expect(platter.known).toBe(false);
    // Only whole names: a towel bar is not a bar counter.
    expect(categoryInfo("towel_bar").family).not.toBe("kitchen_island");
  });
  it("every family of the table is a declared family", () => {
    for (const c of ["bed", "tv", "sofa", "toilet", "microwave", "curtains", "box"]) expect(FAMILIES).toContain(familyOf(c));
  });
});
