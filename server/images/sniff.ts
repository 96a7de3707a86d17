import "server-only";
/** Image type sniffing from magic bytes (never from the file name or the declared content type). */

/** Detected container type, or null for anything else. */
export type SniffedType = "png" | "jpeg" | "webp" | "gif" | null;

/** Sniff the first bytes: PNG (89 50 4E 47 0D 0A 1A 0A), JPEG (FF D8 FF), WebP (RIFF....WEBP), GIF (GIF87a/GIF89a). */
export function sniffImageType(b: Uint8Array): SniffedType {
  const at = (i: number, s: number[]) => s.every((v, k) => b[i + k] === v);
  if (b.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (b.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (b.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return "webp";
  if (b.length >= 6 && at(0, [0x47, 0x49, 0x46, 0x38])) return "gif";
  return null;
}
