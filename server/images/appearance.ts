import "server-only";
/**
 * Appearance from the picture (issue 16 item 2): the dominant and secondary colour of each footprint's region,
 * the floor's colour and a roughness guess from the floor region (the room box without the furniture boxes),
 * and the walls' visible colour (the band just outside the room box). Colours are found by k-means (k-means++
 * seeding, ml-kmeans) on CIELAB pixels (culori), so clusters follow perceived colour differences.
 */
import { converter, formatHex } from "culori";
import { kmeans } from "ml-kmeans";
import sharp from "sharp";
import type { Material, StructureSpec } from "../../lib/scene/schema";
import { frameOf } from "../../lib/structure-patch";

/** A `#rrggbb` colour. */
type HexColor = string;

/** Pixels sampled per region at most (a regular grid over the region). */
export const MAX_SAMPLES = 3000;
/** Clusters per region: dominant, secondary and one for shadows/highlights. */
export const CLUSTERS = 3;
/** A cluster must cover this share of the region's pixels to count as a secondary colour. */
export const MIN_SECONDARY_SHARE = 0.15;

const toLab = converter("lab");

/** A decoded picture: RGB bytes, row-major, width x height px (EXIF orientation applied). */
export interface Picture {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A region's colours: dominant hex, secondary hex (null when one colour covers nearly all), shares in [0, 1], mean lightness L* (0..100). */
export interface Palette {
  dominant: HexColor;
  secondary: HexColor | null;
  shares: number[];
  lightness: number;
}

/** Decode a picture file to RGB bytes. Throws sharp's error for an unreadable file. */
export async function readPicture(file: string): Promise<Picture> {
  const { data, info } = await sharp(file).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

/** CIELAB samples [L, a, b] of the pixels inside `rect` (px, clipped) for which `keep(x, y)` holds, on a grid of at most MAX_SAMPLES points. */
export function labSamples(pic: Picture, rect: Rect, keep: (x: number, y: number) => boolean = () => true): number[][] {
  const x0 = Math.max(0, Math.floor(rect.x0));
  const y0 = Math.max(0, Math.floor(rect.y0));
  const x1 = Math.min(pic.width, Math.ceil(rect.x1));
  const y1 = Math.min(pic.height, Math.ceil(rect.y1));
  if (x1 <= x0 || y1 <= y0) return [];
  const step = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / MAX_SAMPLES)));
  const out: number[][] = [];
  for (let y = y0; y < y1; y += step) {
    for (let x = x0; x < x1; x += step) {
      if (!keep(x, y)) continue;
      const i = (y * pic.width + x) * 3;
      const lab = toLab({ mode: "rgb", r: pic.data[i] / 255, g: pic.data[i + 1] / 255, b: pic.data[i + 2] / 255 });
      out.push([lab.l, lab.a, lab.b]);
    }
  }
  return out;
}

/** Dominant and secondary colour of CIELAB samples by k-means (k = CLUSTERS, fixed seed so a picture always gives the same colours); null for fewer than 8 samples. */
export function palette(samples: number[][]): Palette | null {
  if (samples.length < 8) return null;
  const k = Math.min(CLUSTERS, samples.length);
  const res = kmeans(samples, k, { initialization: "kmeans++", seed: 16, maxIterations: 50 });
  const counts = new Array<number>(k).fill(0);
  for (const c of res.clusters) counts[c]++;
  const order = counts.map((n, i) => ({ n, i })).sort((a, b) => b.n - a.n);
  const hex = (i: number) => formatHex({ mode: "lab", l: res.centroids[i][0], a: res.centroids[i][1], b: res.centroids[i][2] }) as HexColor;
  const second = order[1];
  const shares = order.map((o) => Math.round((o.n / samples.length) * 1000) / 1000);
  const lightness = samples.reduce((s, p) => s + p[0], 0) / samples.length;
  return { dominant: hex(order[0].i), secondary: second && second.n / samples.length >= MIN_SECONDARY_SHARE ? hex(second.i) : null, shares, lightness: Math.round(lightness * 10) / 10 };
}

/**
 * Roughness guess in [0.45, 0.9] from a region's lightness spread: a polished floor shows highlights (pixels more
 * than 25 L* above the median), a matte one hardly any. roughness = 0.9 - 2 x highlight share, clamped; a guess to
 * start from, not a measurement. WARNING: sunlight patches read as highlights too, so the guess never goes below
 * 0.45 (below that a top-down view mirrors the sky and the floor turns white).
 */
export function roughnessGuess(samples: number[][]): number {
  if (!samples.length) return 0.6;
  const ls = samples.map((s) => s[0]).sort((a, b) => a - b);
  const median = ls[ls.length >> 1];
  const highlights = ls.filter((l) => l > median + 25).length / ls.length;
  return Math.round(Math.min(0.9, Math.max(0.45, 0.9 - 2 * highlights)) * 100) / 100;
}

/** What the picture says about the room's look: per footprint id its palette; floor and wall materials (null when the region is too small). */
export interface PictureAppearance {
  objects: Record<string, Palette>;
  floor: Material | null;
  wall: Material | null;
}

/**
 * Colours of `spec`'s footprints (the inner 80% of each box, so neighbours and shadows at the edges count less),
 * of the floor (the room box minus every footprint box) and of the walls (a band of the wall thickness just
 * outside the room box) in `pic`. Needs the spec's picture frame; without one only the footprints are read.
 */
export function pictureAppearance(pic: Picture, spec: StructureSpec, wallThicknessM = 0.12): PictureAppearance {
  const objects: Record<string, Palette> = {};
  for (const fp of spec.footprints) {
    const b = fp.boxPx;
    const p = palette(labSamples(pic, { x0: b.x + 0.1 * b.w, y0: b.y + 0.1 * b.h, x1: b.x + 0.9 * b.w, y1: b.y + 0.9 * b.h }));
    if (p) objects[fp.id] = p;
  }
  const frame = frameOf(spec);
  if (!frame) return { objects, floor: null, wall: null };
  const [mx, my] = frame.metersPerPx;
  const room: Rect = {
    x0: frame.originPx[0] - spec.roomSize.w / 2 / mx,
    x1: frame.originPx[0] + spec.roomSize.w / 2 / mx,
    y0: frame.originPx[1] - spec.roomSize.d / 2 / my,
    y1: frame.originPx[1] + spec.roomSize.d / 2 / my,
  };
  const boxes = spec.footprints.map((f) => f.boxPx);
  const free = (x: number, y: number) => !boxes.some((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
  const floorSamples = labSamples(pic, room, free);
  const floorPal = palette(floorSamples);
  const tx = Math.max(2, wallThicknessM / mx);
  const ty = Math.max(2, wallThicknessM / my);
  const inRoom = (x: number, y: number) => x >= room.x0 && x < room.x1 && y >= room.y0 && y < room.y1;
  const wallSamples = labSamples(pic, { x0: room.x0 - tx, y0: room.y0 - ty, x1: room.x1 + tx, y1: room.y1 + ty }, (x, y) => !inRoom(x, y));
  const wallPal = palette(wallSamples);
  return {
    objects,
    floor: floorPal ? { name: "picture_floor", color: floorPal.dominant, roughness: roughnessGuess(floorSamples), metallic: 0 } : null,
    wall: wallPal ? { name: "paint", color: wallPal.dominant, roughness: 0.9, metallic: 0 } : null,
  };
}

/** Families whose top view shows mostly their secondary colour (bedding over a bed frame). */
const TOP_IS_SECONDARY = new Set(["bed", "bunk_bed"]);

/**
 * `spec` with the picture's look: each object read off its footprint gets the region's dominant colour as
 * `attributes.color` and the secondary one as `attributes.secondaryColor` (swapped for beds, whose bedding is
 * what a top view shows), and `appearance` holds the floor and wall materials. Throws sharp's error when the
 * picture cannot be decoded.
 */
export async function withPictureAppearance(spec: StructureSpec, file: string, family: (category: string) => string): Promise<StructureSpec> {
  if (!spec.footprints.length && !spec.imageFrame) return spec;
  const a = pictureAppearance(await readPicture(file), spec);
  let coloured = 0;
  const objects = spec.objects.map((o) => {
    const p = o.footprintId ? a.objects[o.footprintId] : undefined;
    if (!p) return o;
    coloured++;
    const swap = TOP_IS_SECONDARY.has(family(o.category)) && p.secondary;
    return { ...o, attributes: { ...o.attributes, color: swap ? p.secondary! : p.dominant, secondaryColor: swap ? p.dominant : p.secondary } };
  });
  const said = [a.floor && `floor ${a.floor.color} (roughness ${a.floor.roughness})`, a.wall && `walls ${a.wall.color}`, `${coloured} object colour(s)`].filter(Boolean).join(", ");
  return { ...spec, objects, appearance: { floor: a.floor, wall: a.wall }, notes: [...spec.notes, `appearance from the picture: ${said}`] };
}

/** A seamless floor tile cut from the picture: PNG bytes and the tile's side (m) on the floor. */
export interface FloorTile {
  png: Buffer;
  tileM: number;
}

/** Side (px) of the stored floor tile. */
export const TILE_PX = 256;

/** A floor patch whose lightness spread (standard deviation of 8-bit grey) is at most this counts as plain floor (no wall, shadow edge or object in it). */
export const PLAIN_FLOOR_STDEV = 12;

/**
 * A tileable floor texture from the picture: a square of floor (inside the room box, no footprint box in it, its mean
 * grey within 30 of the floor colour's when `spec.appearance` has one; sides from 192 px down to 24 px) with the most
 * even lightness (so partitions, shadow edges, stray objects and undetected rugs stay out;
 * the largest side whose best square is within PLAIN_FLOOR_STDEV wins, else the most even of all), mirrored into a
 * 2 x 2 tile, which repeats without seams, resampled to TILE_PX. Null when the picture has no frame or no free square.
 */
export async function floorTile(file: string, spec: StructureSpec): Promise<FloorTile | null> {
  const frame = frameOf(spec);
  if (!frame) return null;
  const [mx, my] = frame.metersPerPx;
  const rx0 = frame.originPx[0] - spec.roomSize.w / 2 / mx;
  const ry0 = frame.originPx[1] - spec.roomSize.d / 2 / my;
  const rx1 = frame.originPx[0] + spec.roomSize.w / 2 / mx;
  const ry1 = frame.originPx[1] + spec.roomSize.d / 2 / my;
  const { data: grey, info } = await sharp(file).rotate().greyscale().raw().toBuffer({ resolveWithObject: true });
  const W = info.width;
  const H = info.height;
  // Summed-area tables of grey and grey^2 (Crow 1984) give any square's mean and variance in O(1).
  const S = new Float64Array((W + 1) * (H + 1));
  const S2 = new Float64Array((W + 1) * (H + 1));
  for (let y = 0; y < H; y++) {
    let row = 0;
    let row2 = 0;
    for (let x = 0; x < W; x++) {
      const v = grey[(y * W + x) * info.channels];
      row += v;
      row2 += v * v;
      S[(y + 1) * (W + 1) + x + 1] = S[y * (W + 1) + x + 1] + row;
      S2[(y + 1) * (W + 1) + x + 1] = S2[y * (W + 1) + x + 1] + row2;
    }
  }
  const sum = (T: Float64Array, x: number, y: number, s: number) => T[(y + s) * (W + 1) + x + s] - T[y * (W + 1) + x + s] - T[(y + s) * (W + 1) + x] + T[y * (W + 1) + x];
  const stdev = (x: number, y: number, s: number) => {
    const n = s * s;
    const m = sum(S, x, y, s) / n;
    return Math.sqrt(Math.max(0, sum(S2, x, y, s) / n - m * m));
  };
  // Rec. 601 luma, as sharp's greyscale computes it.
  const target = spec.appearance?.floor?.color ? [1, 3, 5].map((i) => parseInt(spec.appearance!.floor!.color.slice(i, i + 2), 16)).reduce((g, c, i) => g + c * [0.299, 0.587, 0.114][i], 0) : null;
  const clear = (x: number, y: number, s: number) => (target === null || Math.abs(sum(S, x, y, s) / (s * s) - target) <= 30) && !spec.footprints.some((f) => x < f.boxPx.x + f.boxPx.w && f.boxPx.x < x + s && y < f.boxPx.y + f.boxPx.h && f.boxPx.y < y + s);
  let pick: { x: number; y: number; s: number; sd: number } | null = null;
  for (const s of [192, 128, 96, 64, 48, 32, 24]) {
    let best: { x: number; y: number; s: number; sd: number } | null = null;
    const step = Math.max(4, s >> 3);
    for (let y = Math.ceil(Math.max(0, ry0)); y + s <= Math.min(H, ry1); y += step) {
      for (let x = Math.ceil(Math.max(0, rx0)); x + s <= Math.min(W, rx1); x += step) {
        if (!clear(x, y, s)) continue;
        const sd = stdev(x, y, s);
        if (!best || sd < best.sd) best = { x, y, s, sd };
      }
    }
    if (best && (!pick || best.sd < pick.sd)) pick = best;
    if (best && best.sd <= PLAIN_FLOOR_STDEV) {
      pick = best;
      break;
    }
  }
  if (!pick) return null;
  const s = pick.s;
  const patch = await sharp(file).rotate().removeAlpha().extract({ left: pick.x, top: pick.y, width: s, height: s }).png().toBuffer();
  const [flop, flip, both] = await Promise.all([sharp(patch).flop().toBuffer(), sharp(patch).flip().toBuffer(), sharp(patch).flip().flop().toBuffer()]);
  const tile = await sharp({ create: { width: 2 * s, height: 2 * s, channels: 3, background: "#000000" } })
    .composite([
      { input: patch, left: 0, top: 0 },
      { input: flop, left: s, top: 0 },
      { input: flip, left: 0, top: s },
      { input: both, left: s, top: s },
    ])
    .png()
    .toBuffer();
  const png = await sharp(tile).resize(TILE_PX, TILE_PX).png().toBuffer();
  return { png, tileM: Math.round(2 * s * ((mx + my) / 2) * 1000) / 1000 };
}

/** The picture inside a footprint box (the inner 94%, away from the box's edge) as a TILE_PX square PNG: a rug's pattern, stretched over the rug. */
export async function regionTexture(file: string, box: { x: number; y: number; w: number; h: number }): Promise<Buffer> {
  const img = sharp(file).rotate();
  const meta = await sharp(file).rotate().metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const W = (turned ? meta.height : meta.width) ?? 1;
  const H = (turned ? meta.width : meta.height) ?? 1;
  const left = Math.max(0, Math.round(box.x + 0.03 * box.w));
  const top = Math.max(0, Math.round(box.y + 0.03 * box.h));
  const width = Math.max(1, Math.min(W - left, Math.round(0.94 * box.w)));
  const height = Math.max(1, Math.min(H - top, Math.round(0.94 * box.h)));
  return img.removeAlpha().extract({ left, top, width, height }).resize(TILE_PX, TILE_PX, { fit: "fill" }).png().toBuffer();
}
