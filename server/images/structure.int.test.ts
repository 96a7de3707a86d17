/**
 * Structuring of the two shared top-down images (../shared/inputs/images, Apache-2.0, see
 * ../shared/inputs/SOURCES.md) through the real upload intake, plus bad inputs. Writes the overlay of
 * example1 to test-results/structure-example1.png for a person to look at.
 *
 * Tolerances: the room interior (imageFrame origin +- roomSize / metersPerPx) must cover the hand-measured
 * inner-wall box with IoU >= 0.8; an item counts as found when a footprint's box has IoU >= 0.3 with its
 * hand-measured box (boxes read off the image by eye, so loose; shadows widen detected boxes).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { StructureSpec } from "../../lib/scene/schema";
import { applyStructurePatch } from "../../lib/structure-patch";
import { ingestImageUpload } from "./ingest";
import { renderStructureOverlay } from "./overlay";
import { structureFromImage } from "./structure";
import { EXAMPLE1_INTERIOR, EXAMPLE1_ITEMS, iou, relabelCorrection, type Box } from "./testing/example1";
import { personPhoto, rawToPng } from "./testing/synthetic";

const INPUTS = path.resolve(__dirname, "../../../shared/inputs/images");
const OUT = path.resolve(__dirname, "../../test-results");

/** Interior box (original px) implied by the spec's image frame and room size. */
function interiorPx(spec: StructureSpec): Box {
  const f = spec.imageFrame;
  if (!f) throw new Error("no image frame");
  const w = spec.roomSize.w / f.metersPerPx[0];
  const h = spec.roomSize.d / f.metersPerPx[1];
  return { x: f.originPx[0] - w / 2, y: f.originPx[1] - h / 2, w, h };
}

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-image-int-"));
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function upload(file: string, name = path.basename(file), fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("image", new File([new Uint8Array(fs.readFileSync(file))], name, { type: "image/png" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return ingestImageUpload(form, dataDir);
}

describe("structuring the shared images", () => {
  it("example1: finds the interior, three zones, and the major items after a relabel-only correction", async () => {
    const img = await upload(path.join(INPUTS, "code-as-room-example1.png"));
    expect([img.widthPx, img.heightPx]).toEqual([1024, 559]);
    const spec = await structureFromImage({ path: img.imagePath, widthPx: img.widthPx, heightPx: img.heightPx, roomDims: null, prompt: null });
    expect(StructureSpec.safeParse(spec).success).toBe(true);
    fs.writeFileSync(path.join(OUT, "structure-example1.png"), await renderStructureOverlay(img.imagePath, spec));
    fs.writeFileSync(path.join(OUT, "structure-example1.json"), JSON.stringify(spec, null, 2));

    expect(iou(interiorPx(spec), EXAMPLE1_INTERIOR)).toBeGreaterThanOrEqual(0.8);
    expect(spec.zones).toHaveLength(3);
    expect(spec.zones.map((z) => z.kind)).toContain("bedroom");
    expect(spec.notes.some((n) => /scale estimated/.test(n))).toBe(true);

    const { patch, missing } = relabelCorrection(spec.footprints, EXAMPLE1_ITEMS);
    expect(missing).toEqual([]);
    const corrected = applyStructurePatch(spec, patch, img);
    if (!corrected.ok) throw new Error(corrected.error);
    const counts = new Map<string, number>();
    for (const o of corrected.value.objects) counts.set(o.category, (counts.get(o.category) ?? 0) + 1);
    expect(counts.get("bed")).toBeGreaterThanOrEqual(1);
    expect(counts.get("nightstand")).toBeGreaterThanOrEqual(2);
    expect(counts.get("armchair")).toBeGreaterThanOrEqual(2);
    expect(counts.get("rug")).toBeGreaterThanOrEqual(1);
    expect(counts.get("bench")).toBeGreaterThanOrEqual(1);
    expect(corrected.value.objects).toHaveLength(corrected.value.footprints.length);
  });

  it("example1 with the user's room size scales to it", async () => {
    const img = await upload(path.join(INPUTS, "code-as-room-example1.png"), "plan.png", { roomWidth: "9.6", roomDepth: "4.4" });
    const spec = await structureFromImage({ path: img.imagePath, widthPx: img.widthPx, heightPx: img.heightPx, roomDims: img.roomDims, prompt: "master bedroom" });
    expect(spec.roomSize).toMatchObject({ w: 9.6, d: 4.4 });
    expect(spec.roomType).toBe("bedroom");
    const bed = spec.objects.find((o) => o.category === "bed");
    // The bed is about 194 x 222 px of an 871 x 400 px interior: 2.1 x 2.4 m at this scale.
    expect(bed?.targetSize.w).toBeGreaterThan(1.4);
    expect(bed?.targetSize.w).toBeLessThan(2.6);
  });

  it("render-topdown: finds the interior and footprints", async () => {
    const img = await upload(path.join(INPUTS, "code-as-room-render-topdown.png"));
    const spec = await structureFromImage({ path: img.imagePath, widthPx: img.widthPx, heightPx: img.heightPx, roomDims: null, prompt: null });
    fs.writeFileSync(path.join(OUT, "structure-render-topdown.png"), await renderStructureOverlay(img.imagePath, spec));
    expect(iou(interiorPx(spec), { x: 72, y: 124, w: 1298, h: 842 })).toBeGreaterThanOrEqual(0.8);
    expect(spec.zones.length).toBeGreaterThanOrEqual(2);
    expect(spec.footprints.length).toBeGreaterThanOrEqual(4);
    // The bed (about 535-745 x 205-520 px at 1448 px wide) is among the footprints.
    expect(spec.footprints.some((f) => iou(f.boxPx, { x: 605, y: 205, w: 245, h: 315 }) >= 0.3)).toBe(true);
  });
});

describe("bad image inputs", () => {
  async function outcome(p: Promise<unknown>): Promise<string> {
    try {
      await p;
      return "ok";
    } catch (e) {
      if (e instanceof AppError) return e.code;
      throw e;
    }
  }

  it("each bad upload gets a clear AppError; a photo of a person gets an honest no-room result", async () => {
    const tmp = (name: string, bytes: Uint8Array) => {
      const p = path.join(dataDir, name);
      fs.writeFileSync(p, bytes);
      return p;
    };
    const real = fs.readFileSync(path.join(INPUTS, "code-as-room-example1.png"));
    expect(await outcome(upload(tmp("notes.png", new TextEncoder().encode("plain text pretending to be a PNG"))))).toBe("unsupported_media");
    expect(await outcome(upload(tmp("cut.png", real.subarray(0, Math.floor(real.length * 0.6)))))).toBe("image_invalid");
    const person = await upload(tmp("person.png", await rawToPng(personPhoto(), 640, 800)));
    const spec = await structureFromImage({ path: person.imagePath, widthPx: person.widthPx, heightPx: person.heightPx, roomDims: null, prompt: null });
    expect(spec.objects).toEqual([]);
    expect(spec.notes[0]).toMatch(/no room found/);
  });
});
