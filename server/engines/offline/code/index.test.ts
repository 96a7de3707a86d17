import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Attributes } from "../../../../lib/scene/schema";
import { MATERIAL_PRESETS } from "../../../../lib/program/materials";
import { parseParams } from "../../../../lib/program/params";
import { FAMILIES } from "../../../../lib/vocab";
import { genericProgram, programFor } from "./index";
import { familyDefaults, hasTemplate, programsDir } from "./library";
import { booleansFromText, countsFromText } from "./params-from-object";

function obj(category: string, description: string, attrs: Partial<Attributes> = {}, size = { w: 0.5, d: 0.4, h: 0.55 }) {
  return { id: `${category}-1`, category, description, targetSize: size, attributes: Attributes.parse(attrs) };
}

describe("programFor", () => {
  it("fills PARAMS from the target size, color and material attributes", () => {
    const p = programFor(obj("nightstand", "an oak nightstand", { color: "#1F2A44", material: "Oak" }, { w: 0.52, d: 0.41, h: 0.6 }));
    expect(p.family).toBe("nightstand");
    expect(p.params).toMatchObject({ width: 0.52, depth: 0.41, height: 0.6, color: "#1f2a44", material: "oak" });
    const parsed = parseParams(p.source);
    expect(parsed.ok && parsed.value).toEqual(p.params);
  });

  it("uses the material preset color when only a material is named", () => {
    const p = programFor(obj("sofa", "a leather sofa", { material: "leather" }, { w: 2, d: 0.9, h: 0.85 }));
    expect(p.params).toMatchObject({ material: "leather", color: MATERIAL_PRESETS.leather.color });
  });

  it("reads counts and booleans implied by the description", () => {
    const ns = programFor(obj("nightstand", "a two-drawer nightstand"));
    expect(ns.params.drawers).toBe(2);
    const dr = programFor(obj("dresser", "a dresser with 8 drawers", {}, { w: 1.4, d: 0.5, h: 0.9 }));
    expect(dr.params.drawers).toBe(8);
    const chair = programFor(obj("office_chair", "an office chair without armrests", {}, { w: 0.6, d: 0.6, h: 1.1 }));
    expect(chair.params.armrests).toBe(false);
    const dining = programFor(obj("dining_chair", "a dining chair with armrests", {}, { w: 0.5, d: 0.5, h: 0.9 }));
    expect(dining.family).toBe("chair");
    expect(dining.params.armrests).toBe(true);
    const sofa = programFor(obj("sofa", "a four-seat sofa", {}, { w: 2.4, d: 0.9, h: 0.85 }));
    expect(sofa.params.seats).toBe(4);
    const bed = programFor(obj("bed", "a platform bed with no headboard", {}, { w: 1.6, d: 2.1, h: 0.5 }));
    expect(bed.params.headboard).toBe(false);
    const table = programFor(obj("dining_table", "a round dining table", {}, { w: 1.1, d: 1.1, h: 0.75 }));
    expect(table.params.shape).toBe("round");
  });

  it("does not add keys the family does not declare", () => {
    const p = programFor(obj("mug", "a mug with two drawers"));
    expect(p.params).not.toHaveProperty("drawers");
    expect(Object.keys(p.params).sort()).toEqual(Object.keys(familyDefaults("mug")).sort());
  });

  it("falls back to the box family for unknown categories, and genericProgram is a box", () => {
    const p = programFor(obj("flux_capacitor", "a flux capacitor", { color: "#ff0000" }));
    expect(p.family).toBe("box");
    expect(p.params.color).toBe("#ff0000");
    const g = genericProgram(obj("bed", "a bed", {}, { w: 1.6, d: 2, h: 1 }));
    expect(g.source).toMatch(/^"""Box: A bed\./);
    expect(g.params).toMatchObject({ width: 1.6, depth: 2, height: 1 });
  });

  it("generates standalone programs: module docstring, allowed imports, only the helpers used, build + main guard", () => {
    for (const family of FAMILIES) {
      const p = programFor(obj(family, `a ${family}`));
      const src = p.source;
      expect(src.startsWith(`"""`)).toBe(true);
      const imports = [...src.matchAll(/^import (\w+)/gm)].map((m) => m[1]);
      expect(imports[0]).toBe("bpy");
      for (const m of imports) expect(["bpy", "bmesh", "mathutils", "math", "random"]).toContain(m);
      for (const m of ["bmesh", "math", "random"]) {
        if (new RegExp(`\\b${m}\\.`).test(src)) expect(imports, `${family} uses ${m}`).toContain(m);
      }
      const defined = new Set([...src.matchAll(/^def (\w+)\(/gm)].map((m) => m[1]));
      const assigned = new Set([...src.matchAll(/^(_[A-Z_]+) = /gm)].map((m) => m[1]));
      for (const m of src.matchAll(/\b(_[a-z][a-z0-9_]*)\(/g)) expect(defined.has(m[1]), `${family}: ${m[1]} defined`).toBe(true);
      for (const m of src.matchAll(/\b(_[A-Z][A-Z_]+)\b/g)) expect(assigned.has(m[1]), `${family}: ${m[1]} assigned`).toBe(true);
      expect(src).toMatch(/\ndef build\(p\):\n/);
      expect(src.trimEnd().endsWith(`if __name__ == "__main__":\n    build(PARAMS)`)).toBe(true);
      expect(src).not.toMatch(/bpy\.ops\.(wm|export|import|render)/);
    }
  });
});

describe("program library", () => {
  it("has a template for every family", () => {
    expect(FAMILIES.filter((f) => !hasTemplate(f))).toEqual([]);
  });

  it("declares width/depth/height/color/material in every template's PARAMS", () => {
    for (const f of FAMILIES) {
      const d = familyDefaults(f);
      for (const k of ["width", "depth", "height"]) expect(typeof d[k], `${f}.${k}`).toBe("number");
      expect(d.color, f).toMatch(/^#[0-9a-f]{6}$/);
      expect(typeof d.material, f).toBe("string");
    }
  });

  it("keeps the Python material table equal to MATERIAL_PRESETS", () => {
    const src = fs.readFileSync(path.join(programsDir(), "_common.py"), "utf8");
    const table = Object.fromEntries(
      [...src.matchAll(/"([a-z_]+)": \(([\d.]+), ([\d.]+)\)/g)].map((m) => [m[1], [Number(m[2]), Number(m[3])]]),
    );
    const expected = Object.fromEntries(Object.entries(MATERIAL_PRESETS).map(([k, v]) => [k, [v.roughness, v.metallic]]));
    expect(table).toEqual(expected);
  });
});

describe("description cues", () => {
  it("counts numbers next to count nouns but not across other numbers", () => {
    expect(countsFromText("a five drawer dresser")).toEqual({ drawers: 5 });
    expect(countsFromText("3 shelves and a pair of doors")).toEqual({ shelves: 3, doors: 2 });
    expect(countsFromText("a queen-size bed")).toEqual({});
    expect(countsFromText("a table for 6 people")).toEqual({ seats: 6 });
  });

  it("prefers negative cues", () => {
    expect(booleansFromText("an armless chair")).toEqual({ armrests: false });
    expect(booleansFromText("a backless stool")).toMatchObject({ backrest: false });
  });
});
