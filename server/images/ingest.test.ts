import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { ingestImageUpload } from "./ingest";
import { sniffImageType } from "./sniff";

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-ingest-"));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function form(bytes: Uint8Array | Buffer, name = "room.png", fields: Record<string, string> = {}, type = "image/png"): FormData {
  const f = new FormData();
  f.set("image", new File([new Uint8Array(bytes)], name, { type }));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const png = (w: number, h: number, c = { r: 180, g: 120, b: 80 }) => sharp({ create: { width: w, height: h, channels: 3, background: c } }).png().toBuffer();

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "ok";
}

describe("sniffImageType", () => {
  it("reads magic bytes, not names", async () => {
    expect(sniffImageType(await png(4, 4))).toBe("png");
    expect(sniffImageType(await sharp(await png(4, 4)).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffImageType(await sharp(await png(4, 4)).webp().toBuffer())).toBe("webp");
    expect(sniffImageType(new TextEncoder().encode("GIF89a...."))).toBe("gif");
    expect(sniffImageType(new TextEncoder().encode("hello world"))).toBeNull();
  });
});

describe("ingestImageUpload", () => {
  it("stores a PNG under uploads/ and parses prompt and room size", async () => {
    const r = await ingestImageUpload(form(await png(120, 80), "plan.png", { prompt: " a cosy bedroom ", roomWidth: "4.5", roomDepth: "3" }), dataDir);
    expect(r).toMatchObject({ widthPx: 120, heightPx: 80, prompt: "a cosy bedroom", roomDims: { w: 4.5, d: 3 } });
    expect(path.dirname(r.imagePath)).toBe(path.join(dataDir, "uploads"));
    expect((await sharp(r.imagePath).metadata()).format).toBe("png");
  });

  it("applies EXIF orientation (a 6 = rotate 90 JPEG swaps width and height)", async () => {
    const jpeg = await sharp(await png(200, 100)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const r = await ingestImageUpload(form(jpeg, "photo.jpg", {}, "image/jpeg"), dataDir);
    expect([r.widthPx, r.heightPx]).toEqual([100, 200]);
    const meta = await sharp(r.imagePath).metadata();
    expect([meta.width, meta.height]).toEqual([100, 200]);
    expect(meta.orientation ?? 1).toBe(1);
  });

  it("accepts WebP", async () => {
    const r = await ingestImageUpload(form(await sharp(await png(64, 48)).webp().toBuffer(), "x.webp", {}, "image/webp"), dataDir);
    expect(r.imagePath.endsWith(".webp")).toBe(true);
  });

  it("rejects a non-image with a .png name and image/png type", async () => {
    expect(await code(ingestImageUpload(form(new TextEncoder().encode("this is a text file, not a picture"), "fake.png"), dataDir))).toMatch(/^unsupported_media: .*not a PNG, JPEG or WebP/);
  });

  it("rejects a truncated PNG", async () => {
    const full = await sharp(randomBytes(400 * 300 * 3), { raw: { width: 400, height: 300, channels: 3 } }).png().toBuffer();
    expect(await code(ingestImageUpload(form(full.subarray(0, Math.floor(full.length / 2))), dataDir))).toMatch(/^image_invalid: .*truncated or corrupt|^image_invalid: .*cannot be read/);
  });

  it("rejects a 30 MB image before decoding it", { timeout: 60_000 }, async () => {
    const big = await sharp(randomBytes(3300 * 3300 * 3), { raw: { width: 3300, height: 3300, channels: 3 } }).png({ compressionLevel: 0, adaptiveFiltering: false }).toBuffer();
    expect(big.length).toBeGreaterThan(30 * 1024 * 1024);
    expect(await code(ingestImageUpload(form(big), dataDir))).toMatch(/^payload_too_large: .*limit is 20 MB/);
  });

  it("rejects more than 8000 px on a side", async () => {
    expect(await code(ingestImageUpload(form(await png(8001, 40)), dataDir))).toMatch(/^payload_too_large: .*8001x40 px/);
  });

  it("rejects a 1x1 image", async () => {
    expect(await code(ingestImageUpload(form(await png(1, 1)), dataDir))).toMatch(/^image_invalid: .*only 1x1 px/);
  });

  it("rejects an animated GIF (even named .png) and an animated WebP", async () => {
    const frame = (c: string) => sharp({ create: { width: 40, height: 40, channels: 3, background: c } }).png().toBuffer();
    const frames = [await frame("#ff0000"), await frame("#0000ff")];
    const gif = await sharp(frames, { join: { animated: true } }).gif({ loop: 0, delay: [100, 100] }).toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    expect(await code(ingestImageUpload(form(gif, "anim.png", {}, "image/png"), dataDir))).toMatch(/^unsupported_media: images: GIF/);
    const webp = await sharp(frames, { join: { animated: true } }).webp({ loop: 0, delay: [100, 100] }).toBuffer();
    expect(await code(ingestImageUpload(form(webp, "anim.webp", {}, "image/webp"), dataDir))).toMatch(/^unsupported_media: images: animated images/);
  });

  it("validates the form fields", async () => {
    const img = await png(64, 64);
    expect(await code(ingestImageUpload(form(img, "a.png", { roomWidth: "4" }), dataDir))).toMatch(/^validation: .*both roomWidth and roomDepth/);
    expect(await code(ingestImageUpload(form(img, "a.png", { roomWidth: "wide", roomDepth: "3" }), dataDir))).toMatch(/^validation: images: roomWidth/);
    expect(await code(ingestImageUpload(form(img, "a.png", { roomWidth: "400", roomDepth: "3" }), dataDir))).toMatch(/^validation: images: roomWidth: at most 100 m/);
    const noImage = new FormData();
    noImage.set("prompt", "x");
    expect(await code(ingestImageUpload(noImage, dataDir))).toMatch(/^validation: .*no `image`/);
  });
});
