import "server-only";
/**
 * Image upload intake for POST /api/scenes (multipart): validates the file by its magic bytes and a full decode
 * with sharp, applies EXIF orientation, stores a normalised copy under `<dataDir>/uploads/`, and parses the
 * optional prompt and room dimensions (meters).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { sniffImageType } from "./sniff";

/** Largest accepted upload (bytes): 20 MB. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Largest accepted side (px, after EXIF orientation). */
export const MAX_SIDE_PX = 8000;
/** Smallest accepted side (px): below this no room can be read. */
export const MIN_SIDE_PX = 32;

/** What ingestImageUpload returns: the stored normalised image, its size (px) and the user's hints. */
export interface IngestedImage {
  imagePath: string;
  widthPx: number;
  heightPx: number;
  prompt: string | null;
  roomDims: { w: number; d: number } | null;
}

const Meters = z.coerce.number().finite().min(0.5, "at least 0.5 m").max(100, "at most 100 m");
const Fields = z
  .object({
    prompt: z.string().max(20_000, "prompt longer than 20,000 characters").optional(),
    roomWidth: Meters.optional(),
    roomDepth: Meters.optional(),
  })
  .refine((f) => (f.roomWidth === undefined) === (f.roomDepth === undefined), { message: "give both roomWidth and roomDepth (meters) or neither", path: ["roomWidth"] });

function field(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t === "" ? undefined : t;
}

/**
 * Validate and store the `image` of a multipart form. Throws AppError: `validation` (no image part, bad
 * prompt/roomWidth/roomDepth), `payload_too_large` (> 20 MB or > 8000 px on a side), `unsupported_media`
 * (not PNG/JPEG/WebP by magic bytes, GIF, animated image), `image_invalid` (truncated/corrupt, or smaller than 32 px).
 */
export async function ingestImageUpload(form: FormData, dataDir: string): Promise<IngestedImage> {
  const fields = Fields.safeParse({ prompt: field(form, "prompt"), roomWidth: field(form, "roomWidth"), roomDepth: field(form, "roomDepth") });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw new AppError("validation", `images: ${issue.path.join(".") || "form"}: ${issue.message}`, { issues: fields.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
  }
  const file = form.get("image");
  if (!file || typeof file === "string") throw new AppError("validation", "images: the form has no `image` file part");
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", `images: the image is ${(file.size / 1048576).toFixed(1)} MB; the limit is 20 MB`, { bytes: file.size, limit: MAX_UPLOAD_BYTES });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new AppError("image_invalid", "images: the image file is empty");
  const type = sniffImageType(bytes);
  if (type === "gif") throw new AppError("unsupported_media", "images: GIF (including animated GIF) is not supported; upload a PNG, JPEG or WebP still image", { detected: "gif" });
  if (!type) throw new AppError("unsupported_media", "images: the file is not a PNG, JPEG or WebP image (checked by its content, not its name)", { name: file.name ?? null });

  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(bytes, { failOn: "error" }).metadata();
  } catch (e) {
    throw new AppError("image_invalid", `images: the ${type.toUpperCase()} file cannot be read`, { reason: e instanceof Error ? e.message : String(e) });
  }
  if ((meta.pages ?? 1) > 1) throw new AppError("unsupported_media", "images: animated images are not supported; upload a single still frame", { pages: meta.pages });
  const turned = (meta.orientation ?? 1) >= 5;
  const widthPx = (turned ? meta.height : meta.width) ?? 0;
  const heightPx = (turned ? meta.width : meta.height) ?? 0;
  if (widthPx > MAX_SIDE_PX || heightPx > MAX_SIDE_PX) {
    throw new AppError("payload_too_large", `images: the image is ${widthPx}x${heightPx} px; the limit is ${MAX_SIDE_PX} px per side`, { widthPx, heightPx, limit: MAX_SIDE_PX });
  }
  if (widthPx < MIN_SIDE_PX || heightPx < MIN_SIDE_PX) {
    throw new AppError("image_invalid", `images: the image is only ${widthPx}x${heightPx} px; a room plan needs at least ${MIN_SIDE_PX} px per side`, { widthPx, heightPx });
  }
  let normalised: Buffer;
  try {
    // A full decode catches truncated files that a header read accepts.
    const pipe = sharp(bytes, { failOn: "truncated" }).rotate();
    normalised = type === "jpeg" ? await pipe.jpeg({ quality: 95 }).toBuffer() : type === "webp" ? await pipe.webp({ lossless: true }).toBuffer() : await pipe.png().toBuffer();
  } catch (e) {
    throw new AppError("image_invalid", `images: the ${type.toUpperCase()} file is truncated or corrupt`, { reason: e instanceof Error ? e.message : String(e) });
  }
  const dir = path.join(dataDir, "uploads");
  await fs.mkdir(dir, { recursive: true });
  const imagePath = path.join(dir, `${randomUUID()}.${type === "jpeg" ? "jpg" : type}`);
  await fs.writeFile(imagePath, normalised);
  const f = fields.data;
  return {
    imagePath,
    widthPx,
    heightPx,
    prompt: f.prompt ?? null,
    roomDims: f.roomWidth !== undefined && f.roomDepth !== undefined ? { w: f.roomWidth, d: f.roomDepth } : null,
  };
}
