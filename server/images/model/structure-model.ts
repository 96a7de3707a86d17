import "server-only";
/**
 * StructureSpec from the top-down model's output (topdown-model.ts) plus the classical analysis where it is
 * better: the room extent comes from the model's floor map (the image frame when no enclosing walls are
 * visible, snapped to the classical interior when both agree), partition walls from the model's wall map,
 * openings from the classical door gaps and window strips when the classical analysis found the room (else
 * from the model's door/window map), objects from the model's detections with category, confidence, the two
 * runner-up categories and yaw. Scale: the user's room size, else the median of typical sizes of detected
 * furniture, else the classical largest-item rule.
 */
import type { Footprint, Opening, StructureSpec, Zone } from "../../../lib/scene/schema";
import { boxPxToM, objectsFromFootprints, type BoxPx, type ImageFrame } from "../../../lib/structure-patch";
import type { Analysis } from "../analyse";
import type { Rgb } from "../pixels/raster";
import { TYPICAL_LONG_SIDE_M, type DetClass } from "./classes";
import { classScoresAt, type ModelDetection, type ModelOutput, type StructureMap } from "./topdown-model";

/** Default wall height (m) for image rooms (same as the classical path). */
const WALL_HEIGHT_M = 2.7;
/** Window height and sill (m) assumed when the image shows only the run of a window along the wall. */
const WINDOW = { height: 1.2, sill: 0.9 };

const round2 = (v: number) => Math.round(v * 100) / 100;

function iouPx(a: BoxPx, b: BoxPx): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (ix * iy) / (a.w * a.h + b.w * b.h - ix * iy);
}

/** Quantile of a numeric array (q in [0, 1]); NaN for an empty one. */
function quantile(v: number[], q: number): number {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

/** Room extent in cells from the floor/door map: the 1st-99th percentile box of floor cells; null when floor covers < 4% of the map. */
function floorExtent(m: StructureMap): { x0: number; y0: number; x1: number; y1: number; frac: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < m.height; y++)
    for (let x = 0; x < m.width; x++) {
      const c = m.data[y * m.width + x];
      if (c === 1 || c === 3) {
        xs.push(x);
        ys.push(y);
      }
    }
  const frac = xs.length / (m.width * m.height);
  if (frac < 0.04) return null;
  return { x0: quantile(xs, 0.005), y0: quantile(ys, 0.005), x1: quantile(xs, 0.995) + 1, y1: quantile(ys, 0.995) + 1, frac };
}

/** Fraction of wall cells in a band of `band` cells just outside the extent (0 when the band is off the map). */
function wallAround(m: StructureMap, e: { x0: number; y0: number; x1: number; y1: number }, band: number): number {
  let wall = 0;
  let all = 0;
  for (let y = Math.max(0, e.y0 - band); y < Math.min(m.height, e.y1 + band); y++)
    for (let x = Math.max(0, e.x0 - band); x < Math.min(m.width, e.x1 + band); x++) {
      const inside = x >= e.x0 + band && x < e.x1 - band && y >= e.y0 + band && y < e.y1 - band;
      if (inside) continue;
      all++;
      const c = m.data[y * m.width + x];
      if (c === 2 || c === 4) wall++;
    }
  return all ? wall / all : 0;
}

/** Partition lines (cell index) along one axis: rows/columns inside the extent where wall cells span >= 40% of it. */
function partitions(m: StructureMap, e: { x0: number; y0: number; x1: number; y1: number }, vertical: boolean): number[] {
  const [a0, a1, b0, b1] = vertical ? [e.x0, e.x1, e.y0, e.y1] : [e.y0, e.y1, e.x0, e.x1];
  const margin = Math.max(3, Math.round(0.08 * (a1 - a0)));
  const runs: number[][] = [];
  for (let a = a0 + margin; a < a1 - margin; a++) {
    let n = 0;
    for (let b = b0; b < b1; b++) {
      const c = vertical ? m.data[b * m.width + a] : m.data[a * m.width + b];
      if (c === 2) n++;
    }
    if (n >= 0.4 * (b1 - b0)) {
      const last = runs[runs.length - 1];
      if (last && a - last[last.length - 1] <= 1) last.push(a);
      else runs.push([a]);
    }
  }
  return runs.map((r) => (r[0] + r[r.length - 1] + 1) / 2);
}

/** Openings (door/window runs of cells) on the four sides of the extent, in the classical Analysis shape (units: cells). */
function openingRuns(m: StructureMap, e: { x0: number; y0: number; x1: number; y1: number }): Pick<Analysis, "doors" | "windows"> {
  const out: Pick<Analysis, "doors" | "windows"> = { doors: [], windows: [] };
  const band = 3;
  const sides: ["top" | "bottom" | "left" | "right", boolean, number][] = [
    ["top", true, e.y0],
    ["bottom", true, e.y1 - 1],
    ["left", false, e.x0],
    ["right", false, e.x1 - 1],
  ];
  for (const [side, horiz, at] of sides) {
    const [s0, s1] = horiz ? [e.x0, e.x1] : [e.y0, e.y1];
    let run: { cls: number; from: number } | null = null;
    const flush = (to: number) => {
      if (run && to - run.from >= 2) (run.cls === 3 ? out.doors : out.windows).push({ side, from: run.from, to: to - 1 });
      run = null;
    };
    for (let s = s0; s < s1; s++) {
      let cls = 0;
      for (let d = -band; d <= band && !cls; d++) {
        const x = horiz ? s : at + d;
        const y = horiz ? at + d : s;
        if (x < 0 || y < 0 || x >= m.width || y >= m.height) continue;
        const c = m.data[y * m.width + x];
        if (c === 3 || c === 4) cls = c;
      }
      if (run && cls !== run.cls) flush(s);
      if (cls && !run) run = { cls, from: s };
    }
    flush(s1);
  }
  return out;
}

function zoneKind(cats: string[], area: number): string {
  if (cats.includes("bed")) return "bedroom";
  if (cats.includes("toilet") || cats.includes("bathtub")) return "bathroom";
  if (cats.includes("kitchen_counter")) return "kitchen";
  if (cats.includes("sofa") || cats.includes("armchair")) return "lounge";
  if (cats.includes("dining_table")) return "dining";
  if (cats.includes("desk")) return "office";
  if (area < 8 || cats.includes("wardrobe")) return "closet";
  return "area";
}

/** Mean color (hex) of the image inside a box given in working px. */
function meanColor(img: Rgb, b: { x: number; y: number; w: number; h: number }): string {
  const s = [0, 0, 0];
  let n = 0;
  const x0 = Math.max(0, Math.floor(b.x + b.w * 0.25));
  const x1 = Math.min(img.width, Math.ceil(b.x + b.w * 0.75));
  const y0 = Math.max(0, Math.floor(b.y + b.h * 0.25));
  const y1 = Math.min(img.height, Math.ceil(b.y + b.h * 0.75));
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      for (let c = 0; c < 3; c++) s[c] += img.data[(y * img.width + x) * 3 + c];
      n++;
    }
  return "#" + s.map((v) => Math.round(v / Math.max(1, n)).toString(16).padStart(2, "0")).join("");
}

/** Inputs of specFromModel besides the model output: the classical analysis, its working image and scale, the user's hints. */
export interface ModelSpecInput {
  model: ModelOutput;
  analysis: Analysis;
  work: Rgb;
  workScale: number;
  roomDims: { w: number; d: number } | null;
  prompt: string | null;
  /** Classical interior (original px) when the classical analysis found one. */
  classicalInterior: BoxPx | null;
  /** Classical openings (already in the room frame) when the classical analysis found the room. */
  classicalOpenings: Opening[] | null;
  /** Classical scale (m per px) when the classical analysis found the room; `classicalAnchored` when it came from an item, not the fallback. */
  classicalMpp: number | null;
  classicalAnchored: boolean;
  /** Room type the classical analysis read from its zones, when it found the room. */
  classicalRoomType: string | null;
  /** Classical zones (original px) when the classical analysis found the room: used when the model's wall map shows no partitions. */
  classicalZonesPx: BoxPx[];
  /** Classical item boxes (original px) with their rule-based category; those the model missed are relabelled by the model's class scores and added. */
  classicalItems: { boxPx: BoxPx; category: string; confidence: number }[];
}

/** A detection as the spec builder uses it: model classes or, for kept classical items, any category. */
type Det = Omit<ModelDetection, "category" | "alternatives"> & { category: string; alternatives: { category: string; confidence: number }[] };

/**
 * Where the classical analysis found the room, the model adds detections and relabels classical items only at
 * this score or above; 1.01 = never for topdown-v1, whose confident output still mislabelled classical hits on
 * the synthetic unit-test rooms and the validation split. The classical items keep the model's two best classes
 * as alternatives. Lower it for better weights after measuring (models/README.md).
 */
export const MODEL_OVER_CLASSICAL_MIN = 1.01;

/**
 * Classical items that no model detection covers (IoU < 0.3): relabelled with the model's class scores inside
 * them when the model has evidence, else kept with their rule-based category at half confidence.
 */
function extraFromClassical(model: ModelOutput, dets: ModelDetection[], items: ModelSpecInput["classicalItems"], relabelMin: number): Det[] {
  const out: Det[] = [];
  for (const it of items) {
    if (dets.some((d) => iouPx(d.boxPx, it.boxPx) >= 0.3)) continue;
    const scores = classScoresAt(model.heat, it.boxPx);
    const yaw = { yawDeg: 0, yawConfidence: 0 };
    if (scores[0].confidence >= relabelMin) out.push({ category: scores[0].category, confidence: scores[0].confidence, alternatives: scores.slice(1, 3), boxPx: it.boxPx, ...yaw });
    else out.push({ category: it.category, confidence: Math.round(50 * it.confidence) / 100, alternatives: scores.filter((c) => c.category !== it.category).slice(0, 2), boxPx: it.boxPx, ...yaw });
  }
  return out;
}

/** Whether the model sees a room by itself: floor and furniture on it (a floor-coloured picture without furniture is not a room). */
export function modelSeesRoom(model: ModelOutput): boolean {
  const e = floorExtent(model.structure);
  const n = model.detections.filter((d) => d.confidence >= 0.25).length;
  return !!e && e.frac >= 0.12 && n >= 2;
}

/** Build the StructureSpec from the model output (see the file comment). Pure; exported for tests. */
export function specFromModel(inp: ModelSpecInput, roomWords: [RegExp, string][]): StructureSpec {
  const { model, roomDims, prompt } = inp;
  const m = model.structure;
  const notes: string[] = [`top-down model: ${model.detections.length} detections in ${Math.round(model.ms)} ms`];
  const cell = m.cellPx;
  const fe = floorExtent(m);
  let extent: BoxPx;
  const frame0: BoxPx = { x: 0, y: 0, w: model.widthPx, h: model.heightPx };
  if (!fe && inp.classicalInterior) {
    extent = inp.classicalInterior;
    notes.push("room extent: the classical interior (the model's floor map is empty)");
  } else if (!fe) {
    extent = frame0;
    notes.push("no floor region found by the model: the room extent is the image frame");
  } else {
    const ext = { x: fe.x0 * cell, y: fe.y0 * cell, w: (fe.x1 - fe.x0) * cell, h: (fe.y1 - fe.y0) * cell };
    const edges = [fe.x0 <= 1, fe.y0 <= 1, fe.x1 >= m.width - 1, fe.y1 >= m.height - 1].filter(Boolean).length;
    const walls = wallAround(m, fe, 2);
    if (inp.classicalInterior && iouPx(inp.classicalInterior, ext) >= 0.5) {
      // Where both see the room, the classical wall edges are sharper than the model's stride-4 map.
      extent = inp.classicalInterior;
      notes.push("room extent: the classical interior, confirmed by the model's floor map");
    } else if (edges >= 2 && walls < 0.25) {
      extent = frame0;
      notes.push("no enclosing walls visible (the floor runs off the image): the room extent is the image frame");
    } else {
      extent = { x: Math.max(0, ext.x), y: Math.max(0, ext.y), w: Math.min(model.widthPx, ext.w), h: Math.min(model.heightPx, ext.h) };
      notes.push("room extent from the model's floor map");
    }
  }
  // Keep detections whose centre lies inside the extent (a little margin for perspective).
  const pad = 0.03 * Math.max(extent.w, extent.h);
  const minModel = inp.classicalInterior ? MODEL_OVER_CLASSICAL_MIN : 0;
  const modelDets = model.detections.filter((d) => d.confidence >= minModel);
  const extra = extraFromClassical(model, modelDets, inp.classicalItems, inp.classicalInterior ? MODEL_OVER_CLASSICAL_MIN : 0.15);
  if (extra.length) notes.push(`${extra.length} classical segment(s) the model did not box: labelled by the model's class scores where it has evidence, else by the classical rules`);
  const dets: Det[] = [...modelDets, ...extra].filter((d) => {
    const cx = d.boxPx.x + d.boxPx.w / 2;
    const cy = d.boxPx.y + d.boxPx.h / 2;
    return cx >= extent.x - pad && cx <= extent.x + extent.w + pad && cy >= extent.y - pad && cy <= extent.y + extent.h + pad;
  });

  // Scale.
  let mpp: number;
  if (roomDims) {
    mpp = roomDims.w / extent.w;
    notes.push(`scale from the given room size ${roomDims.w} x ${roomDims.d} m`);
  } else {
    const est = dets
      .filter((d) => d.confidence >= 0.4 && TYPICAL_LONG_SIDE_M[d.category as DetClass])
      .map((d) => (TYPICAL_LONG_SIDE_M[d.category as DetClass] as number) / Math.max(d.boxPx.w, d.boxPx.h));
    const longSide = Math.max(extent.w, extent.h);
    if (inp.classicalMpp && extent === inp.classicalInterior) {
      // Same interior as the classical analysis: keep its scale, so its openings and zones stay consistent.
      mpp = inp.classicalMpp;
      notes.push(inp.classicalAnchored ? "scale estimated from the largest item (classical rule); give roomWidth/roomDepth for exact sizes" : "scale estimated (classical fallback); give roomWidth/roomDepth for exact sizes");
    } else if (est.length) {
      mpp = quantile(est, 0.5);
      notes.push(`scale estimated from ${est.length} detected item(s) of typical size (median ${(1000 * mpp).toFixed(1)} mm per pixel); give roomWidth/roomDepth for exact sizes`);
    } else if (inp.classicalMpp && inp.classicalAnchored) {
      mpp = inp.classicalMpp;
      notes.push("scale estimated from the largest item (classical rule)");
    } else {
      mpp = 5 / longSide;
      notes.push("scale estimated (no item to anchor it): room taken as 5 m on its longer side");
    }
    mpp = Math.min(40 / longSide, Math.max(2.5 / longSide, mpp));
  }
  const mppXY: [number, number] = roomDims ? [roomDims.w / extent.w, roomDims.d / extent.h] : [mpp, mpp];
  const frame: ImageFrame = { originPx: [extent.x + extent.w / 2, extent.y + extent.h / 2], metersPerPx: mppXY };
  const room = { w: round2(extent.w * mppXY[0]), d: round2(extent.h * mppXY[1]) };

  // Zones from partition walls: vertical partitions split the room into columns, horizontal ones split each column.
  const ec = { x0: Math.floor(extent.x / cell), y0: Math.floor(extent.y / cell), x1: Math.ceil((extent.x + extent.w) / cell), y1: Math.ceil((extent.y + extent.h) / cell) };
  const cols = [ec.x0, ...partitions(m, ec, true), ec.x1];
  const boxes: BoxPx[] = [];
  for (let i = 0; i + 1 < cols.length; i++) {
    const col = { x0: Math.round(cols[i]), y0: ec.y0, x1: Math.round(cols[i + 1]), y1: ec.y1 };
    const rows = col.x1 - col.x0 >= 6 ? [col.y0, ...partitions(m, col, false), col.y1] : [col.y0, col.y1];
    for (let j = 0; j + 1 < rows.length; j++) boxes.push({ x: cols[i] * cell, y: rows[j] * cell, w: (cols[i + 1] - cols[i]) * cell, h: (rows[j + 1] - rows[j]) * cell });
  }
  let zoneBoxes = boxes.length > 1 ? boxes.map((b) => boxPxToM(b, frame)).filter((z) => z.w >= 0.8 && z.d >= 0.8) : [];
  if (zoneBoxes.length < 2 && inp.classicalZonesPx.length >= 2 && extent === inp.classicalInterior) {
    zoneBoxes = inp.classicalZonesPx.map((b) => boxPxToM(b, frame));
    notes.push("zones from the classical partition-wall analysis");
  }
  const inZone = (b: { x: number; y: number }) => zoneBoxes.findIndex((z) => Math.abs(b.x - z.x) <= z.w / 2 && Math.abs(b.y - z.y) <= z.d / 2);

  const fpRaw = dets.map((d, i) => {
    const boxPx = { x: Math.round(d.boxPx.x), y: Math.round(d.boxPx.y), w: Math.max(1, Math.round(d.boxPx.w)), h: Math.max(1, Math.round(d.boxPx.h)) };
    return { d, i, boxPx, boxM: boxPxToM(boxPx, frame) };
  });
  const kinds = zoneBoxes.map((z, k) => zoneKind(fpRaw.filter((f) => inZone(f.boxM) === k).map((f) => f.d.category), z.w * z.d));
  const kindCount = new Map<string, number>();
  const zones: Zone[] = zoneBoxes.map((z, k) => {
    const n = (kindCount.get(kinds[k]) ?? 0) + 1;
    kindCount.set(kinds[k], n);
    return { id: `${kinds[k]}-${n}`, kind: kinds[k], box: { x: z.x, y: z.y, w: z.w, d: z.d } };
  });
  if (zones.length > 1) notes.push(`${zones.length} zones separated by partition walls: ${zones.map((z) => z.id).join(", ")}`);

  const footprints: Footprint[] = fpRaw.map(({ d, boxPx, boxM }, i) => {
    const k = inZone(boxM);
    return {
      id: `fp-${i + 1}`,
      category: d.category,
      confidence: Math.round(d.confidence * 100) / 100,
      boxPx,
      boxM,
      zone: k >= 0 && zones[k] ? zones[k].id : null,
      reason: `model: ${d.category} ${d.confidence.toFixed(2)}; alternatives ${d.alternatives.map((a) => `${a.category} ${a.confidence.toFixed(2)}`).join(", ")}`,
      alternatives: d.alternatives.map((a) => ({ category: a.category, confidence: Math.round(a.confidence * 100) / 100 })),
      yawDeg: d.yawDeg > 180 ? d.yawDeg - 360 : d.yawDeg,
    };
  });
  const { objects, relations } = objectsFromFootprints(footprints, room);
  objects.forEach((o, i) => {
    const d = fpRaw[i].d;
    const s = 1 / inp.workScale;
    o.attributes = { ...o.attributes, color: meanColor(inp.work, { x: d.boxPx.x * s, y: d.boxPx.y * s, w: d.boxPx.w * s, h: d.boxPx.h * s }) };
    if (d.yawConfidence >= 0.6 && d.category !== "rug") {
      const yaw = d.yawDeg > 180 ? d.yawDeg - 360 : d.yawDeg;
      const turned = Math.abs(yaw) === 90;
      const b = footprints[i].boxM;
      o.approxYawDeg = yaw;
      o.targetSize = { ...o.targetSize, w: Math.max(0.05, turned ? b.d : b.w), d: Math.max(0.02, turned ? b.w : b.d) };
    }
  });

  const openings: Opening[] = inp.classicalOpenings ?? modelOpenings(m, ec, frame, room);
  const roomType = roomWords.find(([re]) => prompt && re.test(prompt))?.[1] ?? (inp.classicalRoomType && inp.classicalRoomType !== "room" ? inp.classicalRoomType : null) ?? (kinds.includes("bedroom") ? "bedroom" : kinds.includes("lounge") ? "living_room" : kinds.includes("kitchen") ? "kitchen" : "room");
  const wallThickness = round2(Math.max(0.08, Math.min(0.3, inp.analysis.interior ? inp.analysis.wallThickness * inp.workScale * mppXY[0] : 0.15)));
  notes.push(`interior ${room.w} x ${room.d} m, wall about ${wallThickness} m thick, ${footprints.length} footprints`);
  if (prompt) notes.push(`prompt: ${prompt}`);
  return {
    roomType,
    roomSize: { w: room.w, d: room.d, h: WALL_HEIGHT_M },
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

/** Openings from the model's door/window cells on the extent sides (wall 0 south, 1 east, 2 north, 3 west; offsets CCW from each edge's start). */
function modelOpenings(m: StructureMap, ec: { x0: number; y0: number; x1: number; y1: number }, f: ImageFrame, room: { w: number; d: number }): Opening[] {
  const runs = openingRuns(m, ec);
  const cell = m.cellPx;
  const place = (d: Analysis["doors"][number]) => {
    const horiz = d.side === "top" || d.side === "bottom";
    const mid = ((d.from + d.to + 1) / 2) * cell;
    const width = round2((d.to - d.from + 1) * cell * (horiz ? f.metersPerPx[0] : f.metersPerPx[1]));
    const along = horiz ? (mid - f.originPx[0]) * f.metersPerPx[0] : -(mid - f.originPx[1]) * f.metersPerPx[1];
    const wall = d.side === "bottom" ? 0 : d.side === "right" ? 1 : d.side === "top" ? 2 : 3;
    const offset = wall === 0 ? along + room.w / 2 : wall === 1 ? along + room.d / 2 : wall === 2 ? room.w / 2 - along : room.d / 2 - along;
    return { wall, offset: round2(Math.max(0, offset)), width: Math.max(0.3, width) };
  };
  const doors = runs.doors.map((d, i) => ({ id: `door-${i + 1}`, kind: "door" as const, ...place(d), height: 2.05, sill: 0 }));
  const windows = runs.windows.map((d, i) => ({ id: `window-${i + 1}`, kind: "window" as const, ...place(d), ...WINDOW }));
  return [...doors, ...windows];
}
