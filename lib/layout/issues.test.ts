import { describe, expect, it } from "vitest";
import { rectFootprint } from "../geometry/room";
import type { BuildStats, SceneObject } from "../scene/schema";
import { issuesOf, sceneIssues } from "./issues";
import { nearestValidPlacement, restOnSupport } from "./rest";
import { settleMoves } from "./settle";

type Part = { name: string; min: [number, number, number]; max: [number, number, number] };

function stats(parts: Part[], surfaces: BuildStats["supportSurfaces"] = []): BuildStats {
  const min = [0, 1, 2].map((i) => Math.min(...parts.map((p) => p.min[i]))) as [number, number, number];
  const max = [0, 1, 2].map((i) => Math.max(...parts.map((p) => p.max[i]))) as [number, number, number];
  return { bbox: { min, max }, size: { w: max[0] - min[0], d: max[1] - min[1], h: max[2] - min[2] }, vertices: 8, triangles: 12, parts: parts.map((p) => p.name), materials: 1, nonManifoldEdges: 0, timings: {}, partBoxes: parts, supportSurfaces: surfaces };
}

function obj(id: string, x: number, y: number, st: BuildStats, support = "floor", z = 0, yawDeg = 0): SceneObject {
  return {
    id, name: id.replace(/-\d+$/, ""), category: id.replace(/-\d+$/, ""), description: "", route: "static_furniture",
    targetSize: { w: st.size.w, d: st.size.d, h: st.size.h }, placement: { x, y, z, yawDeg }, support: support as SceneObject["support"],
    attributes: { color: null, colorName: null, material: null, size: null, style: [], tags: [] },
    plan: null, program: null, build: { status: "built", glbRev: 1, stats: st, error: null, attempts: 1 }, hidden: false,
  };
}

// A table: 1.2 x 0.8 top at 0.72-0.75 on four legs; a chair of 0.45 x 0.45 whose seat is at 0.45.
const table = stats([
  { name: "top", min: [-0.6, -0.4, 0.72], max: [0.6, 0.4, 0.75] },
  ...[[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([sx, sy], i) => ({ name: `leg_${i}`, min: [sx * 0.57 - 0.03, sy * 0.37 - 0.03, 0], max: [sx * 0.57 + 0.03, sy * 0.37 + 0.03, 0.72] }) as Part),
], [{ z: 0.75, min: [-0.6, -0.4], max: [0.6, 0.4], area: 0.96, clearance: null }]);
const chair = stats([{ name: "seat", min: [-0.22, -0.22, 0.4], max: [0.22, 0.22, 0.45] }, { name: "leg", min: [-0.2, -0.2, 0], max: [0.2, 0.2, 0.4] }]);
// A sofa with its seat at 0.44 and a narrow backrest top at 0.85.
const sofa = stats(
  [{ name: "seat", min: [-1, -0.45, 0], max: [1, 0.3, 0.44] }, { name: "back", min: [-1, 0.3, 0], max: [1, 0.45, 0.85] }],
  [
    { z: 0.44, min: [-1, -0.45], max: [1, 0.3], area: 1.5, clearance: null },
    { z: 0.85, min: [-1, 0.3], max: [1, 0.45], area: 0.3, clearance: null },
  ],
);
const pillow = stats([{ name: "pillow", min: [-0.22, -0.07, 0], max: [0.22, 0.07, 0.44] }]);
const room = { footprint: rectFootprint(4, 4), openings: [] };

describe("placement issues from built parts", () => {
  it("lets a chair stand under a table, but not inside its legs", () => {
    const t = obj("table-1", 0, 0, table);
    expect(issuesOf(obj("chair-1", 0, 0, chair), { x: 0, y: 0, z: 0, yawDeg: 0 }, [t], room)).toEqual([]);
    const hit = issuesOf(obj("chair-1", 0.57, 0.37, chair), { x: 0.57, y: 0.37, z: 0, yawDeg: 0 }, [t], room);
    expect(hit.map((i) => [i.kind, i.with])).toEqual([["collision", "table-1"]]);
  });
  it("flags an object floating above its support, into a wall and outside the room", () => {
    const s = obj("sofa-1", 0, 0, sofa);
    const p = obj("pillow-1", 0, 0.37, pillow, "on:sofa-1", 0.85);
    const issues = sceneIssues({ objects: [s, { ...p, placement: { ...p.placement, z: 1.0 } }], room: { ...room, openings: [] } } as never);
    expect(issues.get("pillow-1")!.map((i) => i.kind)).toEqual(["floating"]);
    expect(issuesOf(s, { x: 1.5, y: 0, z: 0, yawDeg: 0 }, [], room).map((i) => i.kind)).toEqual(["wall"]);
    expect(issuesOf(s, { x: 5, y: 0, z: 0, yawDeg: 0 }, [], room).map((i) => i.kind)).toEqual(["outside"]);
  });
  it("flags a floor object in a door's swing area", () => {
    const withDoor = { footprint: rectFootprint(4, 4), openings: [{ id: "door-1", kind: "door" as const, wall: 0, offset: 2, width: 0.9, height: 2.1, sill: 0 }] };
    const c = obj("chair-1", 0, -1.7, chair);
    expect(issuesOf(c, c.placement, [], withDoor).map((i) => i.kind)).toEqual(["door_swing"]);
  });
});

describe("resting and the nearest valid spot", () => {
  it("rests a pillow on the seat, not on the backrest top, and side by side with another", () => {
    const s = obj("sofa-1", 0, 0, sofa);
    const p1 = obj("pillow-1", 0, 0.4, pillow, "on:sofa-1", 0.85);
    const q1 = restOnSupport({ objects: [s, p1], room }, p1)!;
    expect(q1.z).toBeCloseTo(0.44, 3);
    const p2 = obj("pillow-2", 0, 0.4, pillow, "on:sofa-1", 0.85);
    const moves = settleMoves({ objects: [s, { ...p1, placement: q1 }, p2], room }, ["sofa-1"]);
    const q2 = moves.find((m) => m.id === "pillow-2")!.placement;
    expect(q2.z).toBeCloseTo(0.44, 3);
    expect(issuesOf(p2, q2, [s, { ...p1, placement: q1 }], room)).toEqual([]);
  });
  it("puts what stood on a removed support on the floor, saying why", () => {
    const vase = obj("vase-1", 0, 0, stats([{ name: "body", min: [-0.1, -0.1, 0], max: [0.1, 0.1, 0.3] }]), "on:table-1", 0.75);
    const moves = settleMoves({ objects: [vase], room }, [], { orphans: ["vase-1"] });
    expect(moves).toHaveLength(1);
    expect(moves[0].support).toBe("floor");
    expect(moves[0].placement.z).toBe(0);
    expect(moves[0].reason).toMatch(/floor: table-1, which held it, was removed/);
    expect(issuesOf({ ...vase, support: "floor" }, moves[0].placement, [], room)).toEqual([]);
  });
  it("lifts a lamp when its nightstand is rebuilt taller", () => {
    const stand = (h: number) => obj("nightstand-1", 0, 0, stats([{ name: "body", min: [-0.25, -0.2, 0], max: [0.25, 0.2, h] }], [{ z: h, min: [-0.25, -0.2], max: [0.25, 0.2], area: 0.2, clearance: null }]));
    const lamp = obj("table_lamp-1", 0, 0, stats([{ name: "base", min: [-0.1, -0.1, 0], max: [0.1, 0.1, 0.5] }]), "on:nightstand-1", 0.55);
    const moves = settleMoves({ objects: [stand(0.75), lamp], room }, ["nightstand-1"]);
    expect(moves.map((m) => [m.id, m.placement.z])).toEqual([["table_lamp-1", 0.75]]);
    expect(moves[0].reason).toMatch(/raised 0.20 m to rest on nightstand/);
  });
  it("moves a sofa pushed into a wall back inside, keeping its yaw", () => {
    const s = obj("sofa-1", 1.5, 0, sofa, "floor", 0, 90);
    const r = nearestValidPlacement({ objects: [s], room }, { ...s, placement: { ...s.placement, yawDeg: 0 } });
    expect(r.found).toBe(true);
    expect(r.placement.yawDeg).toBe(0);
    expect(issuesOf(s, r.placement, [], room)).toEqual([]);
    expect(r.placement.x).toBeLessThanOrEqual(1.0 + 0.015);
  });
  it("keeps a toy on a stepped stand's lower step off the upper block that stands on that step", () => {
    // Two lower blocks (top at 0.25) under an upper block (0.25-0.5); the lower top is measured as one rectangle that the upper block partly covers.
    const stand = obj("stand-1", 0, 0, stats(
      [{ name: "upper", min: [-0.175, -0.21, 0.25], max: [0.175, 0.21, 0.5] }, { name: "lower", min: [0, -0.07, 0], max: [0.35, 0.35, 0.25] }],
      [{ z: 0.25, min: [0.01, -0.06], max: [0.34, 0.34], area: 0.13, clearance: null }, { z: 0.5, min: [-0.165, -0.2], max: [0.165, 0.2], area: 0.13, clearance: null }],
    ));
    const toy = obj("toy-1", 0.04, 0.2, stats([{ name: "body", min: [-0.038, -0.029, 0], max: [0.038, 0.029, 0.17] }]), "on:stand-1", 0.25);
    // Inside the upper block: a collision with its own support.
    expect(issuesOf(toy, toy.placement, [stand], room).map((i) => [i.kind, i.with])).toEqual([["collision", "stand-1"]]);
    const q = restOnSupport({ objects: [stand, toy], room }, toy)!;
    expect(q.z).toBeCloseTo(0.25, 3);
    expect(issuesOf(toy, q, [stand], room)).toEqual([]);
    // Resting on the upper block's top, nothing of the stand rises around it.
    expect(issuesOf(toy, { x: 0, y: 0, z: 0.5, yawDeg: 0 }, [stand], room)).toEqual([]);
  });
  it("rests what fits inside a round dish on its inner bottom, and lays a board too big for it across the rim", () => {
    // A round dish 0.26 m across, 3 cm high; its inner bottom at 1 cm is a disc 0.2 m across (pi/4 of its rectangle).
    const dish = obj("dish-1", 0, 0, stats([{ name: "dish", min: [-0.13, -0.13, 0], max: [0.13, 0.13, 0.03] }], [{ z: 0.01, min: [-0.1, -0.1], max: [0.1, 0.1], area: Math.PI * 0.01, clearance: null }]), "on:table-1", 0.75);
    const t = obj("table-1", 0, 0, table);
    // A square board 0.18 m wide fits the inner bottom's rectangle, not its disc: its corners would go into the rim.
    const board = obj("board-1", 0, 0, stats([{ name: "slab", min: [-0.09, -0.09, 0], max: [0.09, 0.09, 0.02] }]), "on:dish-1", 0.76);
    const across = restOnSupport({ objects: [t, dish, board], room }, board)!;
    expect(across.z).toBeCloseTo(0.78, 3);
    expect(issuesOf(board, across, [t, dish], room)).toEqual([]);
    expect(issuesOf(board, { ...across, z: 0.76 }, [t, dish], room).map((i) => i.kind)).toEqual(["floating"]);
    // A coaster 0.12 m across fits inside the disc and rests on it, near its centre.
    const coaster = obj("coaster-1", 0.05, 0.05, stats([{ name: "disc", min: [-0.06, -0.06, 0], max: [0.06, 0.06, 0.01] }]), "on:dish-1", 0.78);
    const inside = restOnSupport({ objects: [t, dish, coaster], room }, coaster)!;
    expect(inside.z).toBeCloseTo(0.76, 3);
    // Its centre stays in the square inscribed in the disc, so its rim stays over the disc.
    for (const v of [inside.x, inside.y]) expect(Math.abs(v)).toBeLessThanOrEqual(0.1 / Math.SQRT2 - 0.06 + 1e-3);
  });
  it("counts a thin pole of the stand a cube rests on by how deep it stands inside the cube, and puts the cube on the floor beside it", () => {
    // A 9 mm pole rising from a 4 mm base 11 cm wide; a 10 x 7.5 cm cube resting on the base around the pole.
    const stand = obj("organizer-1", 0, 0, stats(
      [{ name: "base", min: [-0.056, -0.056, 0], max: [0.056, 0.056, 0.004] }, { name: "pole", min: [-0.0045, -0.0045, 0.002], max: [0.0045, 0.0045, 0.108] }],
      [{ z: 0.004, min: [-0.056, -0.056], max: [0.056, 0.056], area: 0.0125, clearance: null }],
    ));
    const cube = obj("cube-1", 0, 0, stats([{ name: "block", min: [-0.05, -0.0375, 0], max: [0.05, 0.0375, 0.12] }]), "on:organizer-1", 0.004);
    expect(issuesOf(cube, cube.placement, [stand], room).map((i) => [i.kind, i.with])).toEqual([["collision", "organizer-1"]]);
    // Nowhere on the base is clear of the pole: it goes to the floor, clear of the stand.
    const r = nearestValidPlacement({ objects: [stand, cube], room }, cube);
    expect(r.found).toBe(true);
    expect(r.support).toBe("floor");
    expect(issuesOf({ ...cube, support: "floor" }, r.placement, [stand], room)).toEqual([]);
    expect(Math.hypot(r.placement.x, r.placement.y)).toBeGreaterThan(0.05);
  });
  it("moves what was put on a lamp, which has no surface to hold it, to the floor instead of onto the shade's top", () => {
    const lamp = obj("table_lamp-1", 0, 0, stats([{ name: "base", min: [-0.07, -0.07, 0], max: [0.07, 0.07, 0.22] }, { name: "shade", min: [-0.15, -0.15, 0.29], max: [0.15, 0.15, 0.5] }], []));
    const frame = obj("photo_frame-1", 0, 0, stats([{ name: "frame", min: [-0.075, -0.019, 0], max: [0.075, 0.019, 0.2] }]), "on:table_lamp-1", 0.5);
    expect(issuesOf(frame, frame.placement, [lamp], room).map((i) => i.kind)).toEqual(["floating"]);
    const r = nearestValidPlacement({ objects: [lamp, frame], room }, frame);
    expect(r.found).toBe(true);
    expect(r.support).toBe("floor");
    expect(r.placement.z).toBe(0);
    expect(issuesOf({ ...frame, support: "floor" }, r.placement, [lamp], room)).toEqual([]);
  });
});

