import "server-only";
/**
 * Offline structuring of a top-down room image, no network: the top-down model (model/, weights in
 * models/topdown-v1.onnx) detects furniture and maps floor, walls and openings; the classical analysis
 * (analyse.ts: scale to meters from the user's room dimensions or the largest item, categories from classify.ts)
 * supplies the interior, door gaps and window strips where it finds them, and is the whole answer when the
 * model file is missing (or ROOMCODE_TOPDOWN_MODEL points nowhere). Builds the StructureSpec with footprints,
 * zones, openings and one ObjectSpec per footprint.
 */
import { AppError } from "../../lib/errors";
import type { Footprint, Opening, StructureSpec, Zone } from "../../lib/scene/schema";
import { boxPxToM, objectsFromFootprints, type BoxPx, type ImageFrame } from "../../lib/structure-patch";
import { familyOf } from "../../lib/vocab";
import { analyseImage, type Analysis, type PxBox } from "./analyse";
import { withPictureAppearance } from "./appearance";
import { classifyCandidates, type Candidate } from "./classify";
import { decodeForAnalysis } from "./decode";
import { modelSeesRoom, specFromModel } from "./model/structure-model";
import { runTopdownModel, type ModelOutput } from "./model/topdown-model";

/** Input of structureFromImage: the stored (normalised) image, its size (px) and the user's hints. */
export interface ImageStructureInput {
  path: string;
  widthPx: number;
  heightPx: number;
  roomDims: { w: number; d: number } | null;
  prompt: string | null;
}

/** Typical longer side (m) of the largest squarish item, assumed a bed or sofa when estimating scale (double bed 2.0 m). */
export const TYPICAL_LARGEST_ITEM_M = 2.0;
/** Default wall height (m) for image rooms. */
export const IMAGE_WALL_HEIGHT_M = 2.7;
/** Fallback longer interior side (m) when no item can anchor the scale. */
const FALLBACK_ROOM_SIDE_M = 5;

const round2 = (v: number) => Math.round(v * 100) / 100;

function toPx(b: PxBox, scale: number, img: { widthPx: number; heightPx: number }): BoxPx {
  const x = Math.max(0, Math.round(b.x0 * scale));
  const y = Math.max(0, Math.round(b.y0 * scale));
  return { x, y, w: Math.max(1, Math.min(img.widthPx - x, Math.round((b.x1 + 1) * scale) - x)), h: Math.max(1, Math.min(img.heightPx - y, Math.round((b.y1 + 1) * scale) - y)) };
}

const ROOM_WORDS: [RegExp, string][] = [
  [/\bbed ?rooms?\b/i, "bedroom"],
  [/\b(living ?rooms?|lounge)\b/i, "living_room"],
  [/\bkitchen\b/i, "kitchen"],
  [/\bbath ?rooms?\b/i, "bathroom"],
  [/\b(office|study)\b/i, "office"],
  [/\bdining\b/i, "dining_room"],
];

function noRoom(notes: string[], prompt: string | null): StructureSpec {
  return {
    roomType: "room",
    roomSize: { w: 4, d: 4, h: IMAGE_WALL_HEIGHT_M },
    footprint: null,
    openings: [],
    objects: [],
    relations: [],
    negations: [],
    zones: [],
    footprints: [],
    imageFrame: null,
    style: [],
    notes: ["no room found: the image shows no floor enclosed by walls (expected a top-down room plan or render)", ...notes, ...(prompt ? [`prompt: ${prompt}`] : [])],
  };
}

/**
 * Structure a top-down room image. Returns a StructureSpec with footprints (boxPx in original pixels, boxM in
 * room meters, centers), zones and objects, each object coloured from its region and the floor and wall
 * materials from theirs (appearance.ts); an image without a discernible room yields zero objects and a
 * "no room found" note. Throws AppError `image_invalid` only when the file cannot be decoded.
 */
export async function structureFromImage(input: ImageStructureInput): Promise<StructureSpec> {
  const spec = await detectStructure(input);
  try {
    return await withPictureAppearance(spec, input.path, familyOf);
  } catch (e) {
    return { ...spec, notes: [...spec.notes, `colours from the picture unavailable: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

async function detectStructure(input: ImageStructureInput): Promise<StructureSpec> {
  let decoded;
  try {
    decoded = await decodeForAnalysis(input.path);
  } catch (e) {
    throw new AppError("image_invalid", "images: the image could not be decoded", { reason: e instanceof Error ? e.message : String(e) });
  }
  const a = analyseImage(decoded.img);
  const classical = specFromAnalysis(a, decoded.scale, { widthPx: decoded.widthPx, heightPx: decoded.heightPx }, input.roomDims, input.prompt);
  let model: ModelOutput | null = null;
  try {
    model = await runTopdownModel(input.path);
  } catch (e) {
    classical.notes.push(`top-down model unavailable, classical analysis only: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!model) return classical;
  if (!a.interior && !modelSeesRoom(model)) return noRoom([...a.notes, "the top-down model sees no furnished floor either"], input.prompt);
  const f = classical.imageFrame;
  const classicalInterior = a.interior && f
    ? { x: f.originPx[0] - classical.roomSize.w / f.metersPerPx[0] / 2, y: f.originPx[1] - classical.roomSize.d / f.metersPerPx[1] / 2, w: classical.roomSize.w / f.metersPerPx[0], h: classical.roomSize.d / f.metersPerPx[1] }
    : null;
  const anchored = classical.notes.some((n) => /largest squarish item/.test(n));
  const spec = specFromModel(
    {
      model,
      analysis: a,
      work: decoded.img,
      workScale: decoded.scale,
      roomDims: input.roomDims,
      prompt: input.prompt,
      classicalInterior,
      classicalOpenings: a.interior ? classical.openings : null,
      classicalMpp: a.interior && f ? f.metersPerPx[0] : null,
      classicalAnchored: anchored,
      classicalRoomType: a.interior ? classical.roomType : null,
      classicalZonesPx:
        a.interior && f
          ? classical.zones.map((z) => ({ x: f.originPx[0] + (z.box.x - z.box.w / 2) / f.metersPerPx[0], y: f.originPx[1] - (z.box.y + z.box.d / 2) / f.metersPerPx[1], w: z.box.w / f.metersPerPx[0], h: z.box.d / f.metersPerPx[1] }))
          : [],
      classicalItems: process.env.ROOMCODE_TOPDOWN_MERGE === "0" ? [] : classical.footprints.map((fp) => ({ boxPx: fp.boxPx, category: fp.category, confidence: fp.confidence })),
    },
    ROOM_WORDS,
  );
  // The classical openings are used where the classical analysis found the room: keep its note on them.
  if (a.interior) spec.notes.push(...classical.notes.filter((n) => /window strip/.test(n)));
  return spec;
}

/** Build the StructureSpec from an analysis (`scale` = original px per working px). Pure; exported for tests. */
export function specFromAnalysis(
  a: Analysis,
  scale: number,
  img: { widthPx: number; heightPx: number },
  roomDims: { w: number; d: number } | null,
  prompt: string | null,
): StructureSpec {
  const notes: string[] = [...a.notes];
  if (!a.interior) return noRoom(notes, prompt);
  const interiorPx = toPx(a.interior, scale, img);
  const originPx: [number, number] = [interiorPx.x + interiorPx.w / 2, interiorPx.y + interiorPx.h / 2];
  let mpp: [number, number];
  if (roomDims) {
    mpp = [roomDims.w / interiorPx.w, roomDims.d / interiorPx.h];
    notes.push(`scale from the given room size ${roomDims.w} x ${roomDims.d} m: ${(1000 * mpp[0]).toFixed(1)} x ${(1000 * mpp[1]).toFixed(1)} mm per pixel`);
  } else {
    const anchor = a.items
      .filter((it) => it.fill >= 0.45 && it.layer === "item")
      .map((it) => ({ it, long: Math.max(it.box.x1 - it.box.x0 + 1, it.box.y1 - it.box.y0 + 1) * scale, short: Math.min(it.box.x1 - it.box.x0 + 1, it.box.y1 - it.box.y0 + 1) * scale }))
      .filter((c) => c.long / c.short <= 1.8)
      .sort((p, q) => q.it.area - p.it.area)[0];
    const longSide = Math.max(interiorPx.w, interiorPx.h);
    let m = anchor ? TYPICAL_LARGEST_ITEM_M / anchor.long : FALLBACK_ROOM_SIDE_M / longSide;
    // Keep the interior between 2.5 m and 25 m on its longer side.
    m = Math.min(25 / longSide, Math.max(2.5 / longSide, m));
    mpp = [m, m];
    notes.push(
      anchor
        ? `scale estimated (no room size given): the largest squarish item (${Math.round(anchor.long)} px long) taken as ${TYPICAL_LARGEST_ITEM_M} m, ${(1000 * m).toFixed(1)} mm per pixel; give roomWidth/roomDepth for exact sizes`
        : `scale estimated (no room size given, no item to anchor it): interior taken as ${FALLBACK_ROOM_SIDE_M} m on its longer side`,
    );
  }
  const frame: ImageFrame = { originPx, metersPerPx: mpp };
  const room = { w: round2(interiorPx.w * mpp[0]), d: round2(interiorPx.h * mpp[1]) };

  const zoneBoxes = a.zones.map((z) => boxPxToM(toPx(z, scale, img), frame));
  const zoneOf = (b: { x: number; y: number }) => {
    const k = zoneBoxes.findIndex((z) => Math.abs(b.x - z.x) <= z.w / 2 && Math.abs(b.y - z.y) <= z.d / 2);
    return k >= 0 ? k : null;
  };
  const cands: (Candidate & { boxPx: BoxPx })[] = a.items.map((it) => {
    const boxPx = toPx(it.box, scale, img);
    const boxM = boxPxToM(boxPx, frame);
    return { boxPx, boxM, color: it.color, contrast: it.contrast, fill: it.fill, zoneIndex: zoneOf(boxM), layer: it.layer };
  });
  const sugg = classifyCandidates(cands, room);

  // Zone kinds from their contents.
  const kinds = zoneBoxes.map((z, k) => {
    const cats = sugg.filter((_, i) => cands[i].zoneIndex === k).map((s) => s.category);
    if (cats.includes("bed")) return "bedroom";
    if (cats.includes("sofa") || cats.includes("armchair")) return "lounge";
    if (z.w * z.d < 8 || cats.includes("wardrobe")) return "closet";
    return "area";
  });
  const kindCount = new Map<string, number>();
  const zones: Zone[] = zoneBoxes.map((z, k) => {
    const n = (kindCount.get(kinds[k]) ?? 0) + 1;
    kindCount.set(kinds[k], n);
    return { id: `${kinds[k]}-${n}`, kind: kinds[k], box: { x: z.x, y: z.y, w: z.w, d: z.d } };
  });
  if (zones.length > 1) notes.push(`${zones.length} zones separated by partition walls: ${zones.map((z) => z.id).join(", ")}`);

  const footprints: Footprint[] = cands.map((c, i) => ({
    id: `fp-${i + 1}`,
    category: sugg[i].category,
    confidence: Math.round(sugg[i].confidence * 100) / 100,
    boxPx: c.boxPx,
    boxM: c.boxM,
    zone: c.zoneIndex === null ? null : zones[c.zoneIndex].id,
    reason: sugg[i].reason,
  }));
  const { objects, relations } = objectsFromFootprints(footprints, room);
  objects.forEach((o, i) => (o.attributes = { ...o.attributes, color: toHex(cands[i].color) }));

  const roomType = ROOM_WORDS.find(([re]) => prompt && re.test(prompt))?.[1] ?? (kinds.includes("bedroom") ? "bedroom" : kinds.includes("lounge") ? "living_room" : "room");
  const wallThickness = round2(Math.max(0.08, Math.min(0.3, a.wallThickness * scale * mpp[0])));
  notes.push(`interior ${room.w} x ${room.d} m, wall about ${wallThickness} m thick, ${footprints.length} footprints`);
  const openings = openingsFrom(a, scale, frame, room);
  const windows = openings.filter((o) => o.kind === "window");
  if (windows.length)
    notes.push(`${windows.length} window strip(s) in the outer walls (${windows.map((o) => `wall ${o.wall} at ${o.offset} m, ${o.width} m wide`).join("; ")}); height ${IMAGE_WINDOW.height} m and sill ${IMAGE_WINDOW.sill} m assumed`);
  if (prompt) notes.push(`prompt: ${prompt}`);
  return {
    roomType,
    roomSize: { w: room.w, d: room.d, h: IMAGE_WALL_HEIGHT_M },
    footprint: [
      [-room.w / 2, -room.d / 2],
      [room.w / 2, -room.d / 2],
      [room.w / 2, room.d / 2],
      [-room.w / 2, room.d / 2],
    ],
    openings,
    objects,
    relations,
    negations: [],
    zones,
    footprints,
    imageFrame: frame,
    style: [],
    notes,
  };
}

function toHex(c: [number, number, number]): string {
  return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
}

/** Default window height and sill (m) when the image shows only the window's run along the wall. */
export const IMAGE_WINDOW = { height: 1.2, sill: 0.9 };

/** Door gaps and window strips on the outer walls -> Opening (wall 0 south, 1 east, 2 north, 3 west; offsets from each edge's start, CCW). */
function openingsFrom(a: Analysis, scale: number, f: ImageFrame, room: { w: number; d: number }): Opening[] {
  const place = (d: Analysis["doors"][number]) => {
    const horiz = d.side === "top" || d.side === "bottom";
    const mid = ((d.from + d.to + 1) / 2) * scale;
    const width = round2((d.to - d.from + 1) * scale * (horiz ? f.metersPerPx[0] : f.metersPerPx[1]));
    const along = horiz ? (mid - f.originPx[0]) * f.metersPerPx[0] : -(mid - f.originPx[1]) * f.metersPerPx[1];
    const wall = d.side === "bottom" ? 0 : d.side === "right" ? 1 : d.side === "top" ? 2 : 3;
    const offset = wall === 0 ? along + room.w / 2 : wall === 1 ? along + room.d / 2 : wall === 2 ? room.w / 2 - along : room.d / 2 - along;
    return { wall, offset: round2(Math.max(0, offset)), width };
  };
  const doors = a.doors.map((d, i) => {
    const p = place(d);
    return { id: `door-${i + 1}`, kind: "door" as const, ...p, width: Math.max(0.5, p.width), height: 2.05, sill: 0 };
  });
  const windows = a.windows.map((d, i) => ({ id: `window-${i + 1}`, kind: "window" as const, ...place(d), ...IMAGE_WINDOW }));
  return [...doors, ...windows];
}
