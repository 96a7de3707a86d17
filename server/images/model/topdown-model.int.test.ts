/**
 * The shipped top-down model (models/topdown-v1.onnx) on the shared real images (../shared/inputs/images,
 * licenses in ../shared/inputs/SOURCES.md) against the hand annotations in test/fixtures/topdown-truth.json:
 * it loads with onnxruntime-node, the structure stage finds the room in every image and real furniture across
 * them, the model reads a wall-less crop as floor; the classical analysis takes over when the model file is missing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { StructureSpec } from "../../../lib/scene/schema";
import { canon, iou, scoreImage, type Box, type TruthObject } from "../../../lib/eval/image-detection";
import { structureFromImage } from "../structure";
import { DET_CLASSES } from "./classes";
import { loadTopdownModel, runTopdownModel, topdownModelPath } from "./topdown-model";

const ROOT = path.resolve(__dirname, "../../..");
const INPUTS = path.resolve(ROOT, "../shared/inputs/images");
const TRUTH = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/topdown-truth.json"), "utf8")) as {
  images: { file: string; roomPx: Box; objects: TruthObject[] }[];
};
/** Floor for the pooled main-furniture recall on the four shared images (measured: see models/README.md). */
const MIN_REAL_RECALL = 0.1;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-topdown-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function extentOf(spec: StructureSpec): Box {
  const f = spec.imageFrame!;
  const w = spec.roomSize.w / f.metersPerPx[0];
  const h = spec.roomSize.d / f.metersPerPx[1];
  return { x: f.originPx[0] - w / 2, y: f.originPx[1] - h / 2, w, h };
}

async function structure(file: string) {
  const meta = await sharp(file).metadata();
  return structureFromImage({ path: file, widthPx: meta.width!, heightPx: meta.height!, roomDims: null, prompt: null });
}

describe("top-down model on the shared images", () => {
  it("loads from the repository with the expected outputs", async () => {
    expect(fs.existsSync(topdownModelPath())).toBe(true);
    expect(fs.statSync(topdownModelPath()).size).toBeLessThanOrEqual(30 * 1024 * 1024);
    const loaded = await loadTopdownModel();
    expect(loaded?.session.outputNames).toEqual(["seg", "obj", "core", "yaw"]);
    const out = await runTopdownModel(path.join(INPUTS, "code-as-room-example1.png"));
    expect(out!.heat.data.length).toBe(DET_CLASSES.length * out!.heat.width * out!.heat.height);
    for (const d of out!.detections) {
      expect(d.alternatives).toHaveLength(2);
      expect(d.alternatives.map((a) => a.category)).not.toContain(d.category);
    }
  });

  it("finds the room in every annotated image and real furniture across them", async () => {
    let hit = 0;
    let truth = 0;
    for (const im of TRUTH.images) {
      const spec = await structure(path.join(INPUTS, im.file));
      expect(StructureSpec.safeParse(spec).success).toBe(true);
      expect(spec.notes.some((n) => /^no room found/.test(n)), im.file).toBe(false);
      expect(iou(extentOf(spec), im.roomPx), im.file).toBeGreaterThanOrEqual(0.5);
      expect(spec.notes.some((n) => /^top-down model:/.test(n)), im.file).toBe(true);
      const t = scoreImage(
        spec.footprints.map((f) => ({ category: f.category, box: f.boxPx, confidence: f.confidence })),
        im.objects,
      );
      hit += t.mainHit;
      truth += t.mainTruth;
    }
    // Pooled main-furniture recall at IoU 0.5; `npm run eval:image` reports the measured figures (models/README.md).
    expect(hit / truth).toBeGreaterThanOrEqual(MIN_REAL_RECALL);
  });

  it("finds the bed of example1 with the right category", async () => {
    const file = "code-as-room-example1.png";
    const spec = await structure(path.join(INPUTS, file));
    const bed = TRUTH.images.find((i) => i.file === file)!.objects.find((o) => o.category === "bed")!;
    expect(spec.footprints.some((f) => canon(f.category) === "bed" && iou(f.boxPx, bed.box) >= 0.5)).toBe(true);
  });

  it("reads a cropped interior without outer walls as floor", async () => {
    const crop = path.join(tmp, "crop.png");
    await sharp(path.join(INPUTS, "code-as-room-example1.png")).extract({ left: 300, top: 110, width: 380, height: 340 }).toFile(crop);
    const out = await runTopdownModel(crop);
    const floor = out!.structure.data.filter((c) => c === 1).length / out!.structure.data.length;
    expect(floor).toBeGreaterThanOrEqual(0.8);
  });

  it("falls back to the classical analysis when the model file is missing", async () => {
    const prev = process.env.ROOMCODE_TOPDOWN_MODEL;
    process.env.ROOMCODE_TOPDOWN_MODEL = path.join(tmp, "missing.onnx");
    try {
      const spec = await structure(path.join(INPUTS, "code-as-room-example1.png"));
      expect(spec.notes.some((n) => /top-down model/.test(n))).toBe(false);
      expect(spec.footprints.length).toBeGreaterThan(0);
    } finally {
      if (prev === undefined) delete process.env.ROOMCODE_TOPDOWN_MODEL;
      else process.env.ROOMCODE_TOPDOWN_MODEL = prev;
    }
  });
});
