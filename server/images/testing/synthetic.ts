import "server-only";
/**
 * Synthetic top-down rooms with known ground truth for tests: a background, a wall band, a textured floor and
 * filled rectangles for furniture, plus a photo-like non-room image. Pixel boxes are [x, y, w, h].
 */
import sharp from "sharp";

/** A filled rectangle: pixel box and sRGB color. */
export interface SynthRect {
  name: string;
  box: [number, number, number, number];
  color: [number, number, number];
}

/** Room drawing spec: canvas size, interior box, wall thickness, colors, furniture in draw order, partition walls. */
export interface SynthRoom {
  width: number;
  height: number;
  interior: [number, number, number, number];
  wall: number;
  background: [number, number, number];
  wallColor: [number, number, number];
  floorColor: [number, number, number];
  items: SynthRect[];
  partitions?: [number, number, number, number][];
  /** Floor-colored boxes cut through walls (door gaps). */
  gaps?: [number, number, number, number][];
  /** Window boxes across walls: glass inset by a 3 px frame of wall color on each side. */
  windows?: [number, number, number, number][];
  glassColor?: [number, number, number];
}

/** Deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draw a SynthRoom to raw RGB (floor with +-8 grain noise in horizontal planks). */
export function drawRoom(r: SynthRoom, seed = 1): Buffer {
  const rand = rng(seed);
  const buf = Buffer.alloc(r.width * r.height * 3);
  const fill = (x0: number, y0: number, w: number, h: number, c: [number, number, number], noise = 0) => {
    for (let y = Math.max(0, y0); y < Math.min(r.height, y0 + h); y++) {
      const plank = noise ? Math.round((rand() - 0.5) * noise) : 0;
      for (let x = Math.max(0, x0); x < Math.min(r.width, x0 + w); x++) {
        const n = noise ? plank + Math.round((rand() - 0.5) * noise) : 0;
        const i = (y * r.width + x) * 3;
        buf[i] = Math.max(0, Math.min(255, c[0] + n));
        buf[i + 1] = Math.max(0, Math.min(255, c[1] + n));
        buf[i + 2] = Math.max(0, Math.min(255, c[2] + n));
      }
    }
  };
  fill(0, 0, r.width, r.height, r.background);
  const [ix, iy, iw, ih] = r.interior;
  fill(ix - r.wall, iy - r.wall, iw + 2 * r.wall, ih + 2 * r.wall, r.wallColor);
  fill(ix, iy, iw, ih, r.floorColor, 8);
  for (const p of r.partitions ?? []) fill(p[0], p[1], p[2], p[3], r.wallColor);
  for (const g of r.gaps ?? []) fill(g[0], g[1], g[2], g[3], r.floorColor, 8);
  const frame = 3;
  for (const g of r.windows ?? []) {
    const horiz = g[2] >= g[3];
    if (horiz) fill(g[0], g[1] + frame, g[2], g[3] - 2 * frame, r.glassColor ?? [196, 222, 240]);
    else fill(g[0] + frame, g[1], g[2] - 2 * frame, g[3], r.glassColor ?? [196, 222, 240]);
  }
  for (const it of r.items) fill(it.box[0], it.box[1], it.box[2], it.box[3], it.color, 2);
  return buf;
}

/** Encode raw RGB as PNG. */
export function rawToPng(raw: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A bedroom: dark walls, wood floor, bed against the north wall with two nightstands, a rug, an armchair, a dresser. */
export function bedroomFixture(): SynthRoom {
  return {
    width: 800,
    height: 520,
    interior: [100, 80, 600, 360],
    wall: 16,
    background: [236, 236, 236],
    wallColor: [52, 52, 56],
    floorColor: [170, 122, 78],
    items: [
      { name: "rug", box: [290, 250, 220, 150], color: [196, 192, 184] },
      { name: "bed", box: [330, 80, 140, 200], color: [245, 245, 242] },
      { name: "nightstand-left", box: [282, 84, 40, 36], color: [96, 62, 40] },
      { name: "nightstand-right", box: [478, 84, 40, 36], color: [96, 62, 40] },
      { name: "armchair", box: [130, 300, 76, 76], color: [70, 92, 160] },
      { name: "dresser", box: [640, 180, 56, 160], color: [120, 40, 40] },
    ],
  };
}

/** A photo-like non-room image: smooth vertical gradient backdrop with a skin-toned ellipse "head" and a dark "torso". */
export function personPhoto(width = 640, height = 800): Buffer {
  const rand = rng(7);
  const buf = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const t = y / height;
      let c = [90 + 80 * t, 130 + 60 * t, 170 - 40 * t];
      const hx = (x - width / 2) / (width * 0.16);
      const hy = (y - height * 0.3) / (height * 0.14);
      if (hx * hx + hy * hy < 1) c = [224 - 30 * hy, 172 - 25 * hy, 140 - 20 * hy];
      else if (y > height * 0.45 && Math.abs(x - width / 2) < width * (0.18 + 0.4 * (y / height - 0.45))) c = [40 + 20 * t, 44, 70];
      const n = (rand() - 0.5) * 12;
      buf[i] = Math.max(0, Math.min(255, c[0] + n));
      buf[i + 1] = Math.max(0, Math.min(255, c[1] + n));
      buf[i + 2] = Math.max(0, Math.min(255, c[2] + n));
    }
  return buf;
}

/** Two rooms side by side: a partition wall with a doorway, a door gap in the south wall, white walls on gray. */
export function twoRoomFixture(): SynthRoom {
  return {
    width: 900,
    height: 520,
    interior: [80, 60, 740, 400],
    wall: 14,
    background: [150, 150, 150],
    wallColor: [240, 240, 236],
    floorColor: [150, 100, 60],
    partitions: [
      [480, 60, 14, 150],
      [480, 310, 14, 150],
    ],
    gaps: [[600, 460, 90, 14]],
    items: [
      { name: "sofa", box: [120, 64, 220, 90], color: [60, 110, 70] },
      { name: "bed", box: [560, 64, 160, 210], color: [235, 235, 250] },
    ],
  };
}

/** The bedroom with a 1.2 m window strip in the north wall, a 1.0 m one in the west wall and a 1.0 m door gap in the south wall (10 mm per px). */
export function windowRoomFixture(): SynthRoom {
  return {
    ...bedroomFixture(),
    windows: [
      [180, 64, 120, 16],
      [84, 200, 16, 100],
    ],
    gaps: [[420, 440, 100, 16]],
  };
}
