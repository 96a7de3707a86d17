import { describe, expect, it } from "vitest";
import { parseParams } from "../../../../lib/program/params";
import type { Opening } from "../../../../lib/scene/schema";
import { roomShellProgram, wallSegments, type RoomShellInput } from "./room";

const square: [number, number][] = [[-2, -2], [2, -2], [2, 2], [-2, 2]];

function room(openings: Opening[], footprint = square): RoomShellInput {
  return {
    footprint,
    wallHeight: 2.6,
    wallThickness: 0.12,
    openings,
    floorMaterial: { name: "Oak", color: "#B58A55", roughness: 0.55, metallic: 0 },
    wallMaterial: { name: "unknown finish", color: "#ece8e1", roughness: 0.9, metallic: 0 },
    ceiling: false,
  };
}

const door = (wall: number, offset = 1): Opening => ({ id: `d${wall}`, kind: "door", wall, offset, width: 0.9, height: 2.1, sill: 0.3 });
const win = (wall: number, offset = 2): Opening => ({ id: `w${wall}`, kind: "window", wall, offset, width: 1.2, height: 1.2, sill: 0.9 });

describe("wallSegments", () => {
  it("is one piece per wall without openings", () => {
    expect(wallSegments(room([]))).toEqual([1, 1, 1, 1]);
  });

  it("cuts a door into left/right/above pieces and a window into left/right/below/above", () => {
    expect(wallSegments(room([door(0)]))).toEqual([3, 1, 1, 1]);
    expect(wallSegments(room([win(1)]))).toEqual([1, 4, 1, 1]);
    expect(wallSegments(room([door(0, 0.8), win(0, 2.8), win(2)]))).toEqual([6, 1, 4, 1]);
  });

  it("keeps a 5 cm lintel above an opening as tall as the wall", () => {
    expect(wallSegments(room([{ ...door(3), height: 3 }]))).toEqual([1, 1, 1, 3]);
  });
});

describe("roomShellProgram", () => {
  it("writes footprint, walls, openings and canonical materials into PARAMS", () => {
    const r = roomShellProgram(room([door(0), win(1)]));
    expect(r.params).toMatchObject({
      footprint: square,
      wall_height: 2.6,
      wall_thickness: 0.12,
      openings: [["door", 0, 1, 0.9, 2.1, 0], ["window", 1, 2, 1.2, 1.2, 0.9]],
      floor_material: "oak",
      floor_color: "#b58a55",
      wall_material: "paint",
      ceiling: false,
    });
    const parsed = parseParams(r.source);
    expect(parsed.ok && parsed.value).toEqual(r.params);
    expect(r.source).toMatch(/^"""Room shell: 4-sided room, 2.6 m walls, 1 door\(s\), 1 window\(s\)\./);
    expect(r.source).toMatch(/\ndef _slab\(/);
    expect(r.source).toMatch(/\ndef _box\(/);
    expect(r.source).toMatch(/^import bmesh$/m);
  });
});
