import { describe, expect, it } from "vitest";
import { Attributes, type Scene, type SceneObject } from "../../../lib/scene/schema";
import { decorFor, lightsFor, surfacesFor } from "./decor";

function object(id: string, category: string, x: number, y: number, size = { w: 1, d: 0.4, h: 1.8 }): SceneObject {
  return {
    id,
    name: category,
    category,
    description: category,
    route: "static_furniture",
    targetSize: size,
    placement: { x, y, z: 0, yawDeg: 0 },
    support: "floor",
    attributes: Attributes.parse({}),
    plan: null,
    program: null,
    build: { status: "pending", glbRev: null, stats: null, error: null, attempts: 0 },
    hidden: false,
  };
}

function scene(prompt: string, objects: SceneObject[], roomType = "bedroom", style: string[] = [], w = 6, d = 4): Scene {
  const fp: [number, number][] = [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]];
  return {
    id: "s1",
    title: "t",
    source: { kind: "prompt", prompt },
    engine: "offline",
    structure: { roomType, roomSize: { w, d, h: 2.7 }, footprint: fp, openings: [], objects: [], relations: [], negations: [], zones: [], footprints: [], style, notes: [] },
    room: {
      roomType,
      footprint: fp,
      wallHeight: 2.7,
      wallThickness: 0.12,
      openings: [],
      floorMaterial: { name: "oak", color: "#b58a55", roughness: 0.5, metallic: 0 },
      wallMaterial: { name: "paint", color: "#ffffff", roughness: 0.9, metallic: 0 },
      ceiling: false,
      program: null,
      glbRev: null,
    },
    objects,
    decor: null,
    status: "running",
    stage: "decor",
    error: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
  };
}

describe("surfacesFor", () => {
  it("picks floors by room type and lets style words override", () => {
    expect(surfacesFor("bathroom", []).floor.name).toBe("tile");
    expect(surfacesFor("basement", []).floor.name).toBe("concrete");
    expect(surfacesFor("bedroom", []).floor.name).toBe("oak");
    expect(surfacesFor("living room", ["industrial"]).floor.name).toBe("concrete");
    expect(surfacesFor("bedroom", ["scandinavian"]).floor.name).toBe("birch");
    expect(surfacesFor("bedroom", ["dark", "moody"]).wall.color).toBe("#3e4a52");
    expect(surfacesFor("bathroom", []).wall.name).toBe("tile");
    const f = surfacesFor("kitchen", []).floor;
    expect(f.roughness).toBeGreaterThan(0);
    expect(f.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("lightsFor", () => {
  it("spreads ceiling points about every 3 m inside the room, plus one sun", () => {
    const lights = lightsFor(scene("a room", [], "bedroom", [], 6, 4));
    const points = lights.filter((l) => l.kind === "point");
    expect(points).toHaveLength(2);
    for (const l of points) {
      expect(Math.abs(l.position[0])).toBeLessThan(3);
      expect(l.position[2]).toBeCloseTo(2.4, 5);
    }
    expect(lights.filter((l) => l.kind === "sun")).toHaveLength(1);
    expect(lightsFor(scene("big", [], "living_room", [], 9, 9)).filter((l) => l.kind === "point")).toHaveLength(9);
  });

  it("lights each ceiling fixture and lamp instead of the grid", () => {
    const lamp = object("floor_lamp-1", "floor_lamp", 1, 1, { w: 0.4, d: 0.4, h: 1.6 });
    const pendant = { ...object("pendant_light-1", "pendant_light", 0, 0, { w: 0.4, d: 0.4, h: 0.5 }), placement: { x: 0, y: 0, z: 2.2, yawDeg: 0 } };
    const points = lightsFor(scene("x", [lamp, pendant])).filter((l) => l.kind === "point");
    expect(points).toHaveLength(2);
    expect(points.map((p) => p.position[0]).sort()).toEqual([0, 1]);
  });
});

describe("decorFor", () => {
  it("adds books on the shelf when the prompt asks and no books exist yet, standing on its top", () => {
    const shelf = object("bookshelf-1", "bookshelf", 1, 1.5);
    const r = decorFor(scene("A bedroom with a bookshelf and some books on the bookshelf.", [shelf]));
    expect(r.extraObjects).toHaveLength(1);
    const e = r.extraObjects[0];
    expect(e.spec).toMatchObject({ id: "books-1", category: "books", support: "on:bookshelf-1" });
    expect(e.placement.z).toBeCloseTo(1.8, 5);
    expect(e.spec.targetSize.w).toBeLessThanOrEqual(0.6);
    expect(r.decor.notes.join(" ")).toContain("books-1");
  });

  it("adds nothing when the item is already an object or there is no anchor", () => {
    const shelf = object("bookshelf-1", "bookshelf", 1, 1.5);
    const books = object("books-1", "books", 1, 1.5, { w: 0.25, d: 0.18, h: 0.22 });
    expect(decorFor(scene("books on the bookshelf", [shelf, books])).extraObjects).toEqual([]);
    expect(decorFor(scene("a lamp on the nightstand", [shelf])).extraObjects).toEqual([]);
    expect(decorFor(scene("a bed", [shelf])).extraObjects).toEqual([]);
  });

  it("puts a lamp on a nightstand named in the prompt", () => {
    const ns = object("nightstand-1", "nightstand", -1, 1, { w: 0.5, d: 0.4, h: 0.55 });
    const r = decorFor(scene("a bed with a nightstand and a lamp on the nightstand", [ns]));
    expect(r.extraObjects.map((e) => e.spec.category)).toEqual(["table_lamp"]);
    expect(r.extraObjects[0].placement.z).toBeCloseTo(0.55, 5);
    expect(r.decor.lights.length).toBeGreaterThan(0);
  });
});
