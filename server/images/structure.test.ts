import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StructureSpec } from "../../lib/scene/schema";
import { structureFromImage } from "./structure";
import { bedroomFixture, drawRoom, personPhoto, rawToPng, twoRoomFixture, windowRoomFixture, type SynthRoom } from "./testing/synthetic";

type Box = { x: number; y: number; w: number; h: number };
const iou = (a: Box, b: Box) => {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (ix * iy) / (a.w * a.h + b.w * b.h - ix * iy);
};
const asBox = (b: [number, number, number, number]): Box => ({ x: b[0], y: b[1], w: b[2], h: b[3] });

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-structure-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(name: string, room: SynthRoom): Promise<string> {
  const p = path.join(dir, name);
  fs.writeFileSync(p, await rawToPng(drawRoom(room), room.width, room.height));
  return p;
}

describe("structureFromImage on synthetic rooms", { timeout: 60_000 }, () => {
  it("finds the interior, the bed with two nightstands, the rug, the armchair and the dresser of a bedroom", async () => {
    const room = bedroomFixture();
    const p = await write("bedroom.png", room);
    const spec = await structureFromImage({ path: p, widthPx: room.width, heightPx: room.height, roomDims: { w: 6, d: 3.6 }, prompt: null });
    expect(StructureSpec.safeParse(spec).success).toBe(true);
    expect(spec.roomSize).toMatchObject({ w: 6, d: 3.6 });
    expect(spec.roomType).toBe("bedroom");
    const frame = spec.imageFrame;
    expect(frame?.originPx[0]).toBeCloseTo(400, -1);
    expect(frame?.originPx[1]).toBeCloseTo(260, -1);
    const expected: Record<string, string> = { bed: "bed", "nightstand-left": "nightstand", "nightstand-right": "nightstand", rug: "rug", armchair: "armchair" };
    for (const it of room.items) {
      const best = spec.footprints.map((f) => ({ f, v: iou(f.boxPx, asBox(it.box)) })).sort((a, b) => b.v - a.v)[0];
      // The rug is partly covered by the bed, so only its visible part counts.
      expect(best?.v, it.name).toBeGreaterThanOrEqual(it.name === "rug" ? 0.5 : 0.7);
      if (expected[it.name]) expect(best.f.category, it.name).toBe(expected[it.name]);
    }
    const bed = spec.objects.find((o) => o.category === "bed");
    expect(bed).toMatchObject({ approxYawDeg: 0, support: "floor" });
    // 140 x 200 px at 10 mm per px, within 0.1 m (a few pixels of edge shading).
    expect(Math.abs((bed?.targetSize.w ?? 0) - 1.4)).toBeLessThan(0.1);
    expect(Math.abs((bed?.targetSize.d ?? 0) - 2.0)).toBeLessThan(0.1);
    expect(bed?.approxCenter?.[1]).toBeGreaterThan(0.5);
    expect(spec.objects).toHaveLength(spec.footprints.length);
    expect(new Set(spec.objects.map((o) => o.id)).size).toBe(spec.objects.length);
  });

  it("estimates the scale from the largest item when no room size is given, and says so", async () => {
    const room = bedroomFixture();
    const p = await write("bedroom-noscale.png", room);
    const spec = await structureFromImage({ path: p, widthPx: room.width, heightPx: room.height, roomDims: null, prompt: null });
    expect(spec.notes.some((n) => /scale estimated/.test(n))).toBe(true);
    // The bed (200 px long) is taken as 2.0 m: 600 x 360 px -> 6 x 3.6 m.
    expect(spec.roomSize.w).toBeGreaterThan(5);
    expect(spec.roomSize.w).toBeLessThan(7.5);
  });

  it("splits two rooms at the partition wall into zones and finds the door gap in the south wall", async () => {
    const room = twoRoomFixture();
    const p = await write("two-rooms.png", room);
    const spec = await structureFromImage({ path: p, widthPx: room.width, heightPx: room.height, roomDims: { w: 7.4, d: 4 }, prompt: null });
    expect(spec.zones.map((z) => z.kind).sort()).toEqual(["bedroom", "lounge"]);
    const lounge = spec.zones.find((z) => z.kind === "lounge");
    expect(lounge?.box.x).toBeLessThan(0);
    const door = spec.openings.find((o) => o.kind === "door");
    expect(door?.wall).toBe(0);
    // Gap centre at x = 645 px -> 645 - 80 = 565 px from the west end at 10 mm/px.
    expect(door?.offset).toBeCloseTo(5.65, 0);
    expect(door?.width).toBeGreaterThan(0.6);
    const sofa = spec.footprints.find((f) => iou(f.boxPx, { x: 120, y: 64, w: 220, h: 90 }) > 0.7);
    expect(sofa?.category).toBe("sofa");
    expect(sofa?.zone).toBe(lounge?.id);
  });

  it("finds light window strips in a dark wall band as windows, and the south door gap still as a door", async () => {
    const room = windowRoomFixture();
    const p = await write("windows.png", room);
    const spec = await structureFromImage({ path: p, widthPx: room.width, heightPx: room.height, roomDims: { w: 6, d: 3.6 }, prompt: null });
    expect(StructureSpec.safeParse(spec).success).toBe(true);
    const windows = spec.openings.filter((o) => o.kind === "window");
    expect(windows).toHaveLength(2);
    // North wall (2) runs east to west: strip x 180-300 px -> centre 700 - 240 = 460 px from the NE corner, 1.2 m wide.
    const north = windows.find((o) => o.wall === 2);
    expect(Math.abs((north?.offset ?? 0) - 4.6)).toBeLessThanOrEqual(0.15);
    expect(Math.abs((north?.width ?? 0) - 1.2)).toBeLessThanOrEqual(0.2 * 1.2);
    expect(north).toMatchObject({ height: 1.2, sill: 0.9 });
    // West wall (3) runs north to south: strip y 200-300 px -> centre 250 - 80 = 170 px from the NW corner, 1.0 m wide.
    const west = windows.find((o) => o.wall === 3);
    expect(Math.abs((west?.offset ?? 0) - 1.7)).toBeLessThanOrEqual(0.15);
    expect(Math.abs((west?.width ?? 0) - 1.0)).toBeLessThanOrEqual(0.2 * 1.0);
    const doors = spec.openings.filter((o) => o.kind === "door");
    expect(doors).toHaveLength(1);
    // Gap x 420-520 px -> centre 370 px from the SW corner.
    expect(doors[0].wall).toBe(0);
    expect(Math.abs(doors[0].offset - 3.7)).toBeLessThanOrEqual(0.15);
    expect(spec.notes.some((n) => /2 window strip/.test(n))).toBe(true);
  });

  it("finds a bluish window strip in a white wall band, and no windows where the walls are plain", async () => {
    const room: SynthRoom = { ...twoRoomFixture(), windows: [[820, 150, 14, 120]] };
    const p = await write("two-rooms-window.png", room);
    const spec = await structureFromImage({ path: p, widthPx: room.width, heightPx: room.height, roomDims: { w: 7.4, d: 4 }, prompt: null });
    const windows = spec.openings.filter((o) => o.kind === "window");
    expect(windows).toHaveLength(1);
    // East wall (1) runs south to north: strip y 150-270 px -> centre 460 - 210 = 250 px from the SE corner, 1.2 m wide.
    expect(windows[0].wall).toBe(1);
    expect(Math.abs(windows[0].offset - 2.5)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(windows[0].width - 1.2)).toBeLessThanOrEqual(0.2 * 1.2);
    expect(spec.openings.filter((o) => o.kind === "door").map((o) => o.wall)).toEqual([0]);

    for (const [name, plain] of [["plain-bedroom.png", bedroomFixture()], ["plain-two-rooms.png", twoRoomFixture()]] as const) {
      const q = await write(name, plain);
      const s = await structureFromImage({ path: q, widthPx: plain.width, heightPx: plain.height, roomDims: null, prompt: null });
      expect(s.openings.filter((o) => o.kind === "window"), name).toEqual([]);
    }
  });

  it("returns zero objects and a 'no room found' note for a photo of a person", async () => {
    const p = path.join(dir, "person.png");
    fs.writeFileSync(p, await rawToPng(personPhoto(), 640, 800));
    const spec = await structureFromImage({ path: p, widthPx: 640, heightPx: 800, roomDims: null, prompt: null });
    expect(spec.objects).toEqual([]);
    expect(spec.footprints).toEqual([]);
    expect(spec.notes[0]).toMatch(/no room found/);
    expect(StructureSpec.safeParse(spec).success).toBe(true);
  });

  it("returns 'no room found' for a flat single-color image", async () => {
    const p = path.join(dir, "flat.png");
    fs.writeFileSync(p, await rawToPng(Buffer.alloc(300 * 200 * 3, 128), 300, 200));
    const spec = await structureFromImage({ path: p, widthPx: 300, heightPx: 200, roomDims: null, prompt: null });
    expect(spec.objects).toEqual([]);
    expect(spec.notes[0]).toMatch(/no room found/);
  });
});
