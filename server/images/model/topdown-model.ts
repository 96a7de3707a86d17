import "server-only";
/**
 * Inference of the top-down model (models/topdown-v1.onnx, trained by tools/topdown/train.py on our own
 * synthetic renders; data card in models/README.md) with onnxruntime-node on the CPU. The image is decoded with
 * sharp, resized to MODEL_SIDE px on its longer side and padded to a multiple of 32; the dense outputs at stride 4
 * (structure class, object class, object core, yaw) are decoded into object instances (connected cores grown
 * over the object cells, after Bai and Urtasun 2017, arXiv:1611.08303) and a per-cell structure map
 * (outside, floor, wall, door, window).
 */
import fs from "node:fs";
import path from "node:path";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import sharp from "sharp";
import { DET_CLASSES, STRUCT_CLASSES, type DetClass } from "./classes";

/** Longer side (px) the image is resized to before inference (the training images' size). */
export const MODEL_SIDE = 384;
/** Output stride of the network (input px per output cell). */
const STRIDE = 4;
/** Training weight of the "no object" class (tools/topdown/train.py): its output probability is rescaled by it. */
const NONE_WEIGHT = 0.3;
/**
 * Decoding thresholds, chosen on the synthetic validation split (tools/topdown/compose.py samples 200000+, not
 * the held-out set that eval:image reports): minimum objectness of an object cell, core probability of a seed
 * cell and mean score of a kept instance. Mutable for `npm run eval:image -- --min-score ...` sweeps.
 */
export const TOPDOWN_DECODE = { minObjectness: 0.3, minCore: 0.5, minScore: 0.12 };

/** Path of the model file: ROOMCODE_TOPDOWN_MODEL, else `<cwd>/models/topdown-v1.onnx`. */
export function topdownModelPath(): string {
  return process.env.ROOMCODE_TOPDOWN_MODEL ?? path.resolve(process.cwd(), "models/topdown-v1.onnx");
}

/** A detected object: category with confidence in [0, 1], the next two categories, box in original px, yaw (deg, CCW, 0 = back to the north). */
export interface ModelDetection {
  category: DetClass;
  confidence: number;
  alternatives: { category: DetClass; confidence: number }[];
  boxPx: { x: number; y: number; w: number; h: number };
  yawDeg: number;
  yawConfidence: number;
}

/** Structure map: one STRUCT_CLASSES index per cell; a cell covers `cellPx` original px; `probs` holds per-class probabilities (cell-major). */
export interface StructureMap {
  width: number;
  height: number;
  cellPx: number;
  data: Uint8Array;
  probs: Float32Array;
}

/** Per-class object probabilities (DET_CLASSES x height x width, one plane per class); a cell covers `cellPx` original px. */
export interface HeatMaps {
  width: number;
  height: number;
  cellPx: number;
  data: Float32Array;
}

/** What runTopdownModel returns; `ms` is the wall time of decode + inference + decoding. */
export interface ModelOutput {
  detections: ModelDetection[];
  structure: StructureMap;
  heat: HeatMaps;
  widthPx: number;
  heightPx: number;
  ms: number;
}

type Ort = typeof import("onnxruntime-node");
let sessionPromise: Promise<{ ort: Ort; session: InferenceSession } | null> | null = null;
let sessionFile: string | null = null;

/** The cached inference session, or null when the model file is missing (callers fall back to classical analysis). Throws `images:` when the file exists but does not load. */
export async function loadTopdownModel(): Promise<{ ort: Ort; session: InferenceSession } | null> {
  const file = topdownModelPath();
  if (sessionPromise && sessionFile === file) return sessionPromise;
  sessionFile = file;
  sessionPromise = (async () => {
    if (!fs.existsSync(file)) return null;
    const ort = await import("onnxruntime-node");
    try {
      const session = await ort.InferenceSession.create(file, { intraOpNumThreads: 2, interOpNumThreads: 1, graphOptimizationLevel: "all" });
      return { ort, session };
    } catch (e) {
      sessionPromise = null;
      throw new Error(`images: the top-down model ${file} does not load: ${e instanceof Error ? e.message : String(e)}`);
    }
  })();
  return sessionPromise;
}

/** Decode `imagePath` for the model: RGB float32 CHW in [0, 1], padded with grey to multiples of 32; `f` = model px per original px. */
async function prepare(imagePath: string): Promise<{ data: Float32Array; w: number; h: number; f: number; widthPx: number; heightPx: number }> {
  const base = sharp(imagePath, { failOn: "error" }).rotate();
  const meta = await base.metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const widthPx = (turned ? meta.height : meta.width) ?? 0;
  const heightPx = (turned ? meta.width : meta.height) ?? 0;
  const f = MODEL_SIDE / Math.max(widthPx, heightPx);
  const rw = Math.max(8, Math.round(widthPx * f));
  const rh = Math.max(8, Math.round(heightPx * f));
  const { data } = await sharp(imagePath, { failOn: "error" })
    .rotate()
    .flatten({ background: "#ffffff" })
    .resize({ width: rw, height: rh, fit: "fill" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = Math.ceil(rw / 32) * 32;
  const h = Math.ceil(rh / 32) * 32;
  const out = new Float32Array(3 * w * h).fill(0.5);
  for (let y = 0; y < rh; y++)
    for (let x = 0; x < rw; x++) {
      const i = (y * rw + x) * 3;
      const o = y * w + x;
      out[o] = data[i] / 255;
      out[w * h + o] = data[i + 1] / 255;
      out[2 * w * h + o] = data[i + 2] / 255;
    }
  return { data: out, w, h, f: rw / widthPx, widthPx, heightPx };
}

/** Connected components (4-neighbour) of a boolean grid; returns labels (0 = none, 1..n) and n. */
function components(mask: Uint8Array, w: number, h: number): { labels: Int32Array; n: number } {
  const labels = new Int32Array(w * h);
  let n = 0;
  const stack: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (!mask[i] || labels[i]) continue;
    labels[i] = ++n;
    stack.push(i);
    while (stack.length) {
      const j = stack.pop() as number;
      const x = j % w;
      const y = (j - x) / w;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        const k = yy * w + xx;
        if (mask[k] && !labels[k]) {
          labels[k] = n;
          stack.push(k);
        }
      }
    }
  }
  return { labels, n };
}

/** Softmax over `c` channels of a CHW tensor at every cell, in place into a new cell-major array. */
function softmaxCells(v: Float32Array, c: number, n: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let k = 0; k < c; k++) m = Math.max(m, v[k * n + i]);
    let s = 0;
    for (let k = 0; k < c; k++) s += out[k * n + i] = Math.exp(v[k * n + i] - m);
    for (let k = 0; k < c; k++) out[k * n + i] /= s;
  }
  return out;
}

/**
 * Run the model on an image file. Returns null when the model file is missing. Throws sharp's error on an
 * undecodable image and `images:` when the model does not load. Instances: connected object cores grown over
 * the cells whose most likely class is an object; category = the class with the largest summed probability
 * over the instance's cells (class share x objectness), confidence = its mean; instances below `minScore` are dropped.
 */
export async function runTopdownModel(imagePath: string, minScore = TOPDOWN_DECODE.minScore): Promise<ModelOutput | null> {
  const t0 = performance.now();
  const loaded = await loadTopdownModel();
  if (!loaded) return null;
  const { ort, session } = loaded;
  const img = await prepare(imagePath);
  const res = await session.run({ image: new ort.Tensor("float32", img.data, [1, 3, img.h, img.w]) });
  const objT = res.obj as Tensor;
  const [, K1, gh, gw] = objT.dims as number[];
  const n = gw * gh;
  const K = K1 - 1;
  const obj = softmaxCells(objT.data as Float32Array, K1, n);
  const core = (res.core as Tensor).data as Float32Array;
  const yaw = softmaxCells((res.yaw as Tensor).data as Float32Array, 4, n);
  const seg = softmaxCells((res.seg as Tensor).data as Float32Array, STRUCT_CLASSES.length, n);
  // Object cells: the posterior of "no object" (undoing its training weight) is below 1/2.
  const fg = new Uint8Array(n);
  const seed = new Uint8Array(n);
  const objectness = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const pn = obj[i] / NONE_WEIGHT;
    objectness[i] = 1 - pn / (pn + 1 - obj[i]);
    fg[i] = objectness[i] > TOPDOWN_DECODE.minObjectness ? 1 : 0;
    seed[i] = fg[i] && core[i] >= TOPDOWN_DECODE.minCore ? 1 : 0;
  }
  const { labels, n: coreCount } = components(seed, gw, gh);
  let count = coreCount;
  // Grow every core over the connected object cells (breadth first, 8-neighbour).
  let front: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i]) front.push(i);
  while (front.length) {
    const next: number[] = [];
    for (const j of front) {
      const x = j % gw;
      const y = (j - x) / gw;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if ((!dx && !dy) || xx < 0 || yy < 0 || xx >= gw || yy >= gh) continue;
          const k = yy * gw + xx;
          if (fg[k] && !labels[k]) {
            labels[k] = labels[j];
            next.push(k);
          }
        }
    }
    front = next;
  }
  // Object regions without any core cell are instances of their own.
  const rest = new Uint8Array(n);
  for (let i = 0; i < n; i++) rest[i] = fg[i] && !labels[i] ? 1 : 0;
  const extra = components(rest, gw, gh);
  for (let i = 0; i < n; i++) if (extra.labels[i]) labels[i] = count + extra.labels[i];
  count += extra.n;
  const inv = 1 / img.f;
  const stats = Array.from({ length: count + 1 }, () => ({ x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, cells: 0, cls: new Float64Array(K), yaw: new Float64Array(4) }));
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (!l) continue;
    const st = stats[l];
    const x = i % gw;
    const y = (i - x) / gw;
    st.x0 = Math.min(st.x0, x);
    st.y0 = Math.min(st.y0, y);
    st.x1 = Math.max(st.x1, x);
    st.y1 = Math.max(st.y1, y);
    st.cells++;
    // Class shares among the object classes, weighted by the cell's objectness.
    const pObj = 1 - obj[i];
    for (let k = 0; k < K; k++) st.cls[k] += (objectness[i] * obj[(k + 1) * n + i]) / pObj;
    for (let k = 0; k < 4; k++) st.yaw[k] += yaw[k * n + i];
  }
  const detections: ModelDetection[] = [];
  for (let l = 1; l <= count; l++) {
    const st = stats[l];
    if (st.cells < 2) continue;
    const ranked = DET_CLASSES.map((c, k) => ({ category: c, confidence: st.cls[k] / st.cells })).sort((a, b) => b.confidence - a.confidence);
    if (ranked[0].confidence < minScore) continue;
    const yawSum = st.yaw.reduce((a, b) => a + b, 0);
    const bestYaw = st.yaw.indexOf(Math.max(...st.yaw));
    const round3 = (v: number) => Math.round(v * 1000) / 1000;
    const x0 = st.x0 * STRIDE * inv;
    const y0 = st.y0 * STRIDE * inv;
    const x1 = Math.min(img.widthPx, (st.x1 + 1) * STRIDE * inv);
    const y1 = Math.min(img.heightPx, (st.y1 + 1) * STRIDE * inv);
    detections.push({
      category: ranked[0].category,
      confidence: round3(ranked[0].confidence),
      alternatives: ranked.slice(1, 3).map((a) => ({ category: a.category, confidence: round3(a.confidence) })),
      boxPx: { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) },
      yawDeg: bestYaw * 90,
      yawConfidence: Math.round((st.yaw[bestYaw] / yawSum) * 100) / 100,
    });
  }
  detections.sort((a, b) => b.confidence - a.confidence);
  const S = STRUCT_CLASSES.length;
  const vw = Math.min(gw, Math.ceil((img.widthPx * img.f) / STRIDE));
  const vh = Math.min(gh, Math.ceil((img.heightPx * img.f) / STRIDE));
  const data = new Uint8Array(vw * vh);
  const probs = new Float32Array(vw * vh * S);
  for (let y = 0; y < vh; y++)
    for (let x = 0; x < vw; x++) {
      const i = y * gw + x;
      let best = 0;
      for (let c = 0; c < S; c++) {
        probs[(y * vw + x) * S + c] = seg[c * n + i];
        if (seg[c * n + i] > seg[best * n + i]) best = c;
      }
      data[y * vw + x] = best;
    }
  // Per-class object probabilities (classes only, "no object" dropped) for relabelling other boxes.
  const heat = obj.subarray(n, (K + 1) * n);
  return {
    detections,
    structure: { width: vw, height: vh, cellPx: STRIDE * inv, data, probs },
    heat: { width: gw, height: gh, cellPx: STRIDE * inv, data: heat },
    widthPx: img.widthPx,
    heightPx: img.heightPx,
    ms: performance.now() - t0,
  };
}

/** Class scores for a box (original px): per class the highest heat in the box's central half, best first. */
export function classScoresAt(heat: HeatMaps, box: { x: number; y: number; w: number; h: number }): { category: DetClass; confidence: number }[] {
  const n = heat.width * heat.height;
  const x0 = Math.max(0, Math.floor((box.x + box.w * 0.25) / heat.cellPx));
  const x1 = Math.min(heat.width - 1, Math.ceil((box.x + box.w * 0.75) / heat.cellPx));
  const y0 = Math.max(0, Math.floor((box.y + box.h * 0.25) / heat.cellPx));
  const y1 = Math.min(heat.height - 1, Math.ceil((box.y + box.h * 0.75) / heat.cellPx));
  return DET_CLASSES.map((category, k) => {
    let m = 0;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) m = Math.max(m, heat.data[k * n + y * heat.width + x]);
    return { category, confidence: Math.round(m * 1000) / 1000 };
  }).sort((a, b) => b.confidence - a.confidence);
}
