import "server-only";
/** The structure overlay: footprint boxes with labels (and zones, dashed) drawn over the uploaded image, as PNG. */
import sharp from "sharp";
import type { StructureSpec } from "../../lib/scene/schema";

const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#800000", "#000075"];

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}

/** Render `spec`'s footprints (boxPx, category, confidence %) and zones over the image at `imagePath`; returns PNG bytes. */
export async function renderStructureOverlay(imagePath: string, spec: StructureSpec): Promise<Buffer> {
  const base = sharp(imagePath).rotate();
  const meta = await base.metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const w = (turned ? meta.height : meta.width) ?? 1;
  const h = (turned ? meta.width : meta.height) ?? 1;
  const unit = Math.max(1, Math.round(Math.max(w, h) / 900));
  const font = 9 * unit;
  const parts: string[] = [];
  const frame = spec.imageFrame;
  for (const z of spec.zones) {
    if (!frame) break;
    const [mx, my] = frame.metersPerPx;
    const x = frame.originPx[0] + (z.box.x - z.box.w / 2) / mx;
    const y = frame.originPx[1] - (z.box.y + z.box.d / 2) / my;
    parts.push(`<rect x="${x}" y="${y}" width="${z.box.w / mx}" height="${z.box.d / my}" fill="none" stroke="#00e5ff" stroke-width="${unit}" stroke-dasharray="${6 * unit} ${4 * unit}"/>`);
    parts.push(`<text x="${x + 4 * unit}" y="${y + font + 2 * unit}" font-family="DejaVu Sans, sans-serif" font-size="${font}" fill="#00e5ff" stroke="#000" stroke-width="${unit * 0.3}">${esc(z.id)}</text>`);
  }
  spec.footprints.forEach((f, i) => {
    const c = PALETTE[i % PALETTE.length];
    const b = f.boxPx;
    const label = `${f.id} ${f.category} ${Math.round(f.confidence * 100)}%`;
    const tw = label.length * font * 0.6 + 4 * unit;
    const ty = b.y >= font + 4 * unit ? b.y - font - 4 * unit : b.y;
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${c}" fill-opacity="0.12" stroke="${c}" stroke-width="${2 * unit}"/>`);
    parts.push(`<rect x="${b.x}" y="${ty}" width="${tw}" height="${font + 4 * unit}" fill="${c}" fill-opacity="0.85"/>`);
    parts.push(`<text x="${b.x + 2 * unit}" y="${ty + font}" font-family="DejaVu Sans, sans-serif" font-size="${font}" fill="#fff">${esc(label)}</text>`);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${parts.join("")}</svg>`;
  return base.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]).png().toBuffer();
}
