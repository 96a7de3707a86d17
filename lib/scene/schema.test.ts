import { describe, expect, it } from "vitest";
import { Opening, Placement, Scene, SceneObject, StageEvent, StructureSpec, Support } from "./schema";

const now = "2026-11-20T00:00:00.000Z";

function object(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    id: "nightstand-1",
    name: "Nightstand",
    category: "nightstand",
    description: "oak nightstand",
    route: "static_furniture",
    targetSize: { w: 0.5, d: 0.4, h: 0.55 },
    placement: { x: 1, y: 2, z: 0, yawDeg: 90 },
    support: "floor",
    attributes: { color: "#8a5a33", material: "oak" },
    plan: null,
    program: null,
    build: { status: "pending", glbRev: null, stats: null, error: null },
    ...overrides,
  };
}

describe("scene model", () => {
  it("accepts a valid object and fills defaults", () => {
    const o = SceneObject.parse(object());
    expect(o.attributes.style).toEqual([]);
    expect(o.build.attempts).toBe(0);
    expect(o.hidden).toBe(false);
  });

  it("rejects bad ids, categories, colors and sizes", () => {
    expect(SceneObject.safeParse(object({ id: "Bed 1" })).success).toBe(false);
    expect(SceneObject.safeParse(object({ category: "Floor Lamp" })).success).toBe(false);
    expect(SceneObject.safeParse(object({ attributes: { color: "navy" } })).success).toBe(false);
    expect(SceneObject.safeParse(object({ targetSize: { w: 0, d: 1, h: 1 } })).success).toBe(false);
  });

  it("accepts supports on other objects only by id", () => {
    expect(Support.safeParse("on:desk-1").success).toBe(true);
    expect(Support.safeParse("on:desk").success).toBe(false);
    expect(Support.safeParse("shelf").success).toBe(false);
  });

  it("rejects non-finite placements", () => {
    expect(Placement.safeParse({ x: Number.NaN, y: 0, z: 0, yawDeg: 0 }).success).toBe(false);
    expect(Placement.safeParse({ x: 0, y: 0, z: 0, yawDeg: Infinity }).success).toBe(false);
  });

  it("validates openings and structure specs", () => {
    expect(Opening.safeParse({ id: "door-0", kind: "door", wall: 0, offset: 1, width: 0.9, height: 2.1, sill: 0 }).success).toBe(true);
    expect(Opening.safeParse({ id: "w", kind: "hatch", wall: 0, offset: 1, width: 1, height: 1, sill: 0 }).success).toBe(false);
    const spec = StructureSpec.parse({ roomType: "bedroom", roomSize: { w: 4, d: 5, h: 2.7 }, objects: [], relations: [] });
    expect(spec.footprints).toEqual([]);
    expect(spec.footprint).toBeNull();
  });

  it("parses a whole scene and an event", () => {
    const scene = Scene.parse({
      id: "s1",
      title: "Bedroom",
      source: { kind: "prompt", prompt: "a bedroom" },
      engine: "offline",
      room: null,
      objects: [object()],
      decor: null,
      status: "running",
      stage: "code",
      createdAt: now,
      updatedAt: now,
    });
    expect(scene.objects).toHaveLength(1);
    expect(scene.structure).toBeNull();
    const ev = StageEvent.parse({ seq: 1, sceneId: "s1", type: "stage.started", stage: "structure", data: {}, ts: now });
    expect(ev.objectId).toBeNull();
    expect(StageEvent.safeParse({ seq: 0, sceneId: "s1", type: "stage.started", data: {}, ts: now }).success).toBe(false);
    expect(StageEvent.safeParse({ seq: 1, sceneId: "s1", type: "stage.exploded", data: {}, ts: now }).success).toBe(false);
  });
});
