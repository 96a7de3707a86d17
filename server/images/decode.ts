import "server-only";
/**
 * Decoding for analysis: sharp decodes (EXIF orientation applied), flattens alpha onto white and resizes so the
 * longest side is at most `maxSide` px; the result is a raw RGB buffer plus the factor back to original pixels.
 */
import sharp from "sharp";
import type { Rgb } from "./pixels/raster";

/** Working resolution (px, longest side) for structuring: enough for 0.1 m detail in a 10 m room. */
export const WORK_SIDE = 512;

/** Decode `path` to RGB at most `maxSide` px on the longest side; `scale` = original px per working px. Throws sharp's error on undecodable input. */
export async function decodeForAnalysis(path: string, maxSide = WORK_SIDE): Promise<{ img: Rgb; scale: number; widthPx: number; heightPx: number }> {
  const base = sharp(path, { failOn: "error" }).rotate();
  const meta = await base.metadata();
  const oriented = (meta.orientation ?? 1) >= 5;
  const widthPx = (oriented ? meta.height : meta.width) ?? 0;
  const heightPx = (oriented ? meta.width : meta.height) ?? 0;
  const longest = Math.max(widthPx, heightPx);
  const target = Math.min(maxSide, longest);
  const { data, info } = await sharp(path, { failOn: "error" })
    .rotate()
    .flatten({ background: "#ffffff" })
    .resize({ width: widthPx >= heightPx ? target : undefined, height: heightPx > widthPx ? target : undefined, kernel: "linear" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    img: { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height },
    scale: widthPx / info.width,
    widthPx,
    heightPx,
  };
}
