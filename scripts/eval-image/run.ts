/**
 * Runner of `npm run eval:image` (launched by scripts/eval-image.ts under the react-server condition).
 *
 *   npm run eval:image -- [--per-style 20] [--heldout data/topdown/heldout] [--out test-results/eval-image] [--no-classical]
 *     [--synthetic-only] [--min-objectness 0.3 --min-core 0.5 --min-score 0.12]   (threshold sweeps: use --heldout data/topdown/val)
 *
 * Scores offline structuring of top-down images (server/images/structure.ts) on (a) held-out synthetic renders
 * of every style (tools/topdown/compose.py samples 100000+, never trained on) and (b) the shared real images
 * (../shared/inputs/images) against the hand annotations in test/fixtures/topdown-truth.json: room found
 * (predicted extent IoU >= 0.5 with the true one), room size error (relative, where the truth knows it),
 * main-furniture recall/precision at box IoU 0.5, category accuracy, count-based recall/precision and
 * per-category counts; with the shipped configuration (model + classical segments relabelled by the model),
 * with the model's own detections only, and with the classical analysis alone. Writes summary.json and
 * report.html (overlays: truth green, predictions red with labels) to --out.
 */
import fs from "node:fs";
import path from "node:path";
import type { StructureSpec } from "../../lib/scene/schema";
import { TOPDOWN_DECODE } from "../../server/images/model/topdown-model";
import { structureFromImage } from "../../server/images/structure";
import { addTally, emptyTally, figures, iou, NOT_MAIN, scoreImage, type Box, type PredObject, type Tally, type TruthObject } from "../../lib/eval/image-detection";

const ROOT = path.resolve(__dirname, "../..");
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const PER_STYLE = Number(arg("per-style", "20"));
const HELDOUT = path.resolve(ROOT, arg("heldout", "data/topdown/heldout"));
const OUT = path.resolve(ROOT, arg("out", "test-results/eval-image"));
const TRUTH = path.resolve(ROOT, "test/fixtures/topdown-truth.json");
const IMAGES = path.resolve(ROOT, "../shared/inputs/images");
const STYLES = ["ortho", "persp", "crop", "iso", "plan", "sketch"];
TOPDOWN_DECODE.minObjectness = Number(arg("min-objectness", String(TOPDOWN_DECODE.minObjectness)));
TOPDOWN_DECODE.minCore = Number(arg("min-core", String(TOPDOWN_DECODE.minCore)));
TOPDOWN_DECODE.minScore = Number(arg("min-score", String(TOPDOWN_DECODE.minScore)));
const SYNTHETIC_ONLY = process.argv.includes("--synthetic-only");

interface Case {
  set: string;
  file: string;
  widthPx: number;
  heightPx: number;
  roomPx: Box;
  roomM: { w: number; d: number } | null;
  truth: TruthObject[];
}

interface Result {
  c: Case;
  spec: StructureSpec;
  found: boolean;
  sizeErr: number | null;
  tally: Tally;
  ms: number;
}

function extentOf(spec: StructureSpec): Box | null {
  const f = spec.imageFrame;
  if (!f || spec.notes.some((n) => /^no room found/.test(n))) return null;
  const w = spec.roomSize.w / f.metersPerPx[0];
  const h = spec.roomSize.d / f.metersPerPx[1];
  return { x: f.originPx[0] - w / 2, y: f.originPx[1] - h / 2, w, h };
}

function realCases(): Case[] {
  const truth = JSON.parse(fs.readFileSync(TRUTH, "utf8")) as { images: { file: string; roomPx: Box; roomM: { w: number; d: number } | null; objects: TruthObject[] }[] };
  return truth.images.map((im) => {
    const file = path.join(IMAGES, im.file);
    const png = fs.readFileSync(file);
    return { set: "real", file, widthPx: png.readUInt32BE(16), heightPx: png.readUInt32BE(20), roomPx: im.roomPx, roomM: im.roomM, truth: im.objects };
  });
}

function syntheticCases(): Case[] {
  if (!fs.existsSync(HELDOUT)) return [];
  const files = fs.readdirSync(HELDOUT).filter((f) => f.endsWith(".json")).sort();
  const out: Case[] = [];
  const seen = new Map<string, number>();
  for (const f of files) {
    const ann = JSON.parse(fs.readFileSync(path.join(HELDOUT, f), "utf8")) as {
      style: string;
      size: [number, number];
      roomM: [number, number];
      extent: [number, number, number, number];
      objects: { category: string; box: [number, number, number, number] }[];
    };
    const n = seen.get(ann.style) ?? 0;
    if (n >= PER_STYLE) continue;
    seen.set(ann.style, n + 1);
    const [x0, y0, x1, y1] = ann.extent;
    out.push({
      set: ann.style,
      file: path.join(HELDOUT, f.replace(/\.json$/, ".jpg")),
      widthPx: ann.size[0],
      heightPx: ann.size[1],
      roomPx: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 },
      // Sizes are comparable only for the views that keep the room's proportions and the whole room.
      roomM: ann.style === "ortho" || ann.style === "plan" || ann.style === "sketch" ? { w: ann.roomM[0], d: ann.roomM[1] } : null,
      truth: ann.objects.map((o) => ({ category: o.category, box: { x: o.box[0], y: o.box[1], w: o.box[2] - o.box[0], h: o.box[3] - o.box[1] }, main: !NOT_MAIN.has(o.category) })),
    });
  }
  return out;
}

async function runCase(c: Case): Promise<Result> {
  const t0 = performance.now();
  const spec = await structureFromImage({ path: c.file, widthPx: c.widthPx, heightPx: c.heightPx, roomDims: null, prompt: null });
  const ms = performance.now() - t0;
  const ext = extentOf(spec);
  const found = !!ext && iou(ext, c.roomPx) >= 0.5;
  const sizeErr = c.roomM && ext ? (Math.abs(spec.roomSize.w - c.roomM.w) / c.roomM.w + Math.abs(spec.roomSize.d - c.roomM.d) / c.roomM.d) / 2 : null;
  const preds: PredObject[] = spec.footprints.map((f) => ({ category: f.category, box: f.boxPx, confidence: f.confidence }));
  return { c, spec, found, sizeErr, tally: scoreImage(preds, c.truth), ms };
}

function summarise(rs: Result[]) {
  const tally = rs.reduce((a, r) => addTally(a, r.tally), emptyTally());
  const errs = rs.map((r) => r.sizeErr).filter((e): e is number => e !== null);
  const ms = rs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    images: rs.length,
    roomFound: `${rs.filter((r) => r.found).length}/${rs.length}`,
    roomSizeError: errs.length ? Math.round((1000 * errs.reduce((a, b) => a + b, 0)) / errs.length) / 1000 : null,
    ...figures(tally),
    mainTruth: tally.mainTruth,
    mainPred: tally.mainPred,
    msP50: Math.round(ms[ms.length >> 1] ?? 0),
    perCategory: Object.fromEntries(Object.entries(tally.perCategory).sort().map(([k, [t, h, p, ph]]) => [k, { truth: t, hit: h, pred: p, predHit: ph }])),
  };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function overlay(r: Result, name: string): string {
  fs.copyFileSync(r.c.file, path.join(OUT, "img", name));
  const { widthPx: W, heightPx: H } = r.c;
  const rect = (b: Box, color: string, label: string, dash = "") =>
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="none" stroke="${color}" stroke-width="${Math.max(1.5, W / 400)}" ${dash}/>` +
    (label ? `<text x="${b.x + 2}" y="${b.y + Math.max(9, W / 60)}" fill="${color}" font-size="${Math.max(8, W / 70)}">${esc(label)}</text>` : "");
  const ext = extentOf(r.spec);
  const parts = [
    rect(r.c.roomPx, "#0a0", "", 'stroke-dasharray="8 4"'),
    ext ? rect(ext, "#06f", "room", 'stroke-dasharray="4 4"') : "",
    ...r.c.truth.map((t) => rect(t.box, t.main ? "#0c0" : "#8c8", "")),
    ...r.spec.footprints.map((f) => rect(f.boxPx, "#e00", `${f.category} ${f.confidence.toFixed(2)}`)),
  ];
  const fig = figures(r.tally);
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${Math.min(900, W)}"><image href="img/${name}" width="${W}" height="${H}"/>${parts.join("")}</svg>
<figcaption>${esc(path.basename(r.c.file))} (${r.c.set}): room ${r.found ? "found" : "NOT found"}${r.sizeErr !== null ? `, size error ${(100 * r.sizeErr).toFixed(0)}%` : ""}; recall ${fig.recall}, precision ${fig.precision}, ${r.spec.footprints.length} footprints, ${Math.round(r.ms)} ms</figcaption></figure>`;
}

async function evaluate(label: string, cases: Case[]) {
  const results: Result[] = [];
  for (const c of cases) results.push(await runCase(c));
  const bySet: Record<string, ReturnType<typeof summarise>> = {};
  for (const s of ["real", ...STYLES]) {
    const rs = results.filter((r) => r.c.set === s);
    if (rs.length) bySet[s] = summarise(rs);
  }
  bySet["synthetic-all"] = summarise(results.filter((r) => r.c.set !== "real"));
  console.log(`\n== ${label}`);
  for (const [s, v] of Object.entries(bySet))
    console.log(`${s.padEnd(14)} n=${String(v.images).padStart(3)} room ${v.roomFound.padEnd(7)} sizeErr ${v.roomSizeError ?? "-"}  recall ${v.recall}  precision ${v.precision}  catAcc ${v.categoryAccuracy}  count R/P ${v.countRecall}/${v.countPrecision}  p50 ${v.msP50} ms`);
  return { bySet, results };
}

async function main(): Promise<void> {
  fs.mkdirSync(path.join(OUT, "img"), { recursive: true });
  const cases = [...(SYNTHETIC_ONLY ? [] : realCases()), ...syntheticCases()];
  const model = await evaluate("model + classical (shipped configuration)", cases);
  let modelOnly: Awaited<ReturnType<typeof evaluate>> | null = null;
  let classical: Awaited<ReturnType<typeof evaluate>> | null = null;
  if (!process.argv.includes("--no-classical")) {
    process.env.ROOMCODE_TOPDOWN_MERGE = "0";
    modelOnly = await evaluate("model detections only (ROOMCODE_TOPDOWN_MERGE=0)", cases);
    delete process.env.ROOMCODE_TOPDOWN_MERGE;
    process.env.ROOMCODE_TOPDOWN_MODEL = path.join(OUT, "no-model.onnx");
    classical = await evaluate("classical only (no model file)", cases);
  }
  const summary = { date: new Date().toISOString(), perStyle: PER_STYLE, model: model.bySet, modelOnly: modelOnly?.bySet ?? null, classical: classical?.bySet ?? null };
  fs.writeFileSync(path.join(OUT, "summary.json"), JSON.stringify(summary, null, 2));
  const shown = model.results.filter((r, i) => r.c.set === "real" || model.results.findIndex((q) => q.c.set === r.c.set) + 2 > i);
  const rows = (bs: Record<string, ReturnType<typeof summarise>>) =>
    Object.entries(bs)
      .map(([s, v]) => `<tr><td>${s}</td><td>${v.images}</td><td>${v.roomFound}</td><td>${v.roomSizeError ?? "-"}</td><td>${v.recall}</td><td>${v.precision}</td><td>${v.categoryAccuracy}</td><td>${v.countRecall} / ${v.countPrecision}</td><td>${v.msP50}</td></tr>`)
      .join("");
  const head = "<tr><th>set</th><th>images</th><th>room found</th><th>size error</th><th>recall@0.5</th><th>precision@0.5</th><th>category acc.</th><th>count R / P</th><th>p50 ms</th></tr>";
  const html = `<!doctype html><meta charset="utf-8"><title>eval:image</title><style>body{font:14px sans-serif;margin:2em}td,th{padding:2px 8px;border-bottom:1px solid #ddd}figure{display:inline-block;margin:8px;vertical-align:top}</style>
<h1>Top-down image evaluation</h1><p>${esc(summary.date)}; ${PER_STYLE} held-out synthetic images per style; real images annotated in test/fixtures/topdown-truth.json. Green: truth (dashed: room), red: predicted footprints, blue dashed: predicted room extent.</p>
<h2>Model + classical</h2><table>${head}${rows(model.bySet)}</table>
${modelOnly ? `<h2>Model detections only</h2><table>${head}${rows(modelOnly.bySet)}</table>` : ""}
${classical ? `<h2>Classical only</h2><table>${head}${rows(classical.bySet)}</table>` : ""}
<h2>Per category (model, real images)</h2><pre>${esc(JSON.stringify(model.bySet.real?.perCategory ?? {}, null, 1))}</pre>
<h2>Overlays</h2>${shown.map((r, i) => overlay(r, `${i}-${path.basename(r.c.file)}`)).join("\n")}`;
  fs.writeFileSync(path.join(OUT, "report.html"), html);
  console.log(`\nwrote ${path.relative(ROOT, path.join(OUT, "report.html"))} and summary.json`);
}

void main();
