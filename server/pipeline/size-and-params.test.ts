/** Pure helpers of the pipeline: the size check, the room material re-parameterisation, the offline refine rescale. */
import { describe, expect, it } from "vitest";
import { parseParams } from "@/lib/program/params";
import { createOfflineEngine, rescaleParams } from "../engines/offline";
import { sizeDeviation } from "./build";
import { roomSourceWithMaterials } from "./stages/decor";

const SRC = `"""Test program."""
import bpy

PARAMS = {"width": 1.0, "depth": 0.5, "height": 0.8, "floor_color": "#aaaaaa", "floor_material": "oak", "wall_color": "#ffffff", "wall_material": "paint"}


def build(p):
    """Build nothing."""
    return []
`;

const stats = (w: number, d: number, h: number) => ({
  bbox: { min: [0, 0, 0] as [number, number, number], max: [w, d, h] as [number, number, number] },
  size: { w, d, h },
  vertices: 8,
  triangles: 12,
  parts: ["body"],
  materials: 1,
  nonManifoldEdges: 0,
  timings: {},
});

describe("sizeDeviation", () => {
  it("is the worst relative error per axis, ignoring differences under 2 cm", () => {
    expect(sizeDeviation({ w: 1, d: 0.5, h: 0.8 }, { w: 1, d: 0.5, h: 0.8 })).toBe(0);
    expect(sizeDeviation({ w: 1.2, d: 0.5, h: 0.8 }, { w: 1, d: 0.5, h: 0.8 })).toBeCloseTo(0.2);
    expect(sizeDeviation({ w: 1, d: 0.5, h: 0.025 }, { w: 1, d: 0.5, h: 0.01 })).toBe(0);
  });
});

describe("roomSourceWithMaterials", () => {
  it("rewrites only the surface PARAMS and returns null when nothing changes", () => {
    const floor = { name: "walnut", color: "#5a3a22", roughness: 0.5, metallic: 0 };
    const wall = { name: "paint", color: "#ffffff", roughness: 0.9, metallic: 0 };
    const out = roomSourceWithMaterials(SRC, floor, wall)!;
    const p = parseParams(out);
    expect(p.ok && p.value).toMatchObject({ floor_color: "#5a3a22", floor_material: "walnut", wall_color: "#ffffff", width: 1 });
    expect(out.slice(out.indexOf("def build"))).toBe(SRC.slice(SRC.indexOf("def build")));
    expect(roomSourceWithMaterials(out, floor, wall)).toBeNull();
  });
});

describe("offline refine", () => {
  it("rescales width/depth/height so that the built size meets the target", async () => {
    const out = rescaleParams(SRC, stats(2, 0.5, 0.4), { w: 1, d: 0.5, h: 0.8 })!;
    const p = parseParams(out);
    expect(p.ok && p.value).toMatchObject({ width: 0.5, depth: 0.5, height: 1.6 });
    expect(rescaleParams(SRC, stats(1, 0.5, 0.8), { w: 1, d: 0.5, h: 0.8 })).toBeNull();
    const engine = createOfflineEngine();
    const obj = { targetSize: { w: 1, d: 0.5, h: 0.8 } } as Parameters<typeof engine.refine>[1];
    expect(await engine.refine({} as Parameters<typeof engine.refine>[0], obj, SRC, stats(1, 0.5, 0.8))).toBeNull();
  });
});
