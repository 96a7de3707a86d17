import "server-only";
/** Second, finer segmentation pass for small compact items that the coarse pass merges into floor or neighbours. */
import type { ItemRegion, PxBox } from "./analyse";
import { boxBlur, hsv, type Rgb } from "./pixels/raster";
import { regionAnisotropy, regionStats, segmentGraph } from "./pixels/segment";

/** Finer segmentation scale (RGB distance units) for small items such as nightstands and benches. */
const FINE_K = 220;

/**
 * Small compact items from a finer segmentation: segments of 0.3-3% of the interior, filling >= 65% of their
 * box, aspect <= 3.5, that are not planked floor (isotropic texture, or unsaturated), and that neither overlap
 * a coarse item (IoU > 0.3) nor lie inside one less than 4x their size.
 */
export function fineItems(img: Rgb, blurred: Rgb, box: PxBox, existing: ItemRegion[]): ItemRegion[] {
  // Work on the interior crop only (labels and stats in crop coordinates, shifted back below).
  const sub = crop(img, box);
  const seg = segmentGraph(boxBlur(sub, 1), FINE_K, 20);
  const regions = regionStats(sub, seg.labels, seg.count).map((r) => ({ ...r, x0: r.x0 + box.x0, x1: r.x1 + box.x0, y0: r.y0 + box.y0, y1: r.y1 + box.y0 }));
  const aniso = regionAnisotropy(sub, seg.labels, seg.count);
  const iArea = (box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1);
  const out: ItemRegion[] = [];
  const inside = (a: PxBox, b: PxBox) => {
    const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1);
    const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1);
    return (ix * iy) / ((a.x1 - a.x0 + 1) * (a.y1 - a.y0 + 1));
  };
  const boxArea = (b: PxBox) => (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1);
  for (const r of [...regions].sort((a, b) => b.area - a.area)) {
    const bw = r.x1 - r.x0 + 1;
    const bh = r.y1 - r.y0 + 1;
    const fill = r.area / (bw * bh);
    if (r.area < 0.003 * iArea || r.area > 0.03 * iArea || fill < 0.65 || Math.max(bw, bh) / Math.min(bw, bh) > 3.5) continue;
    if (r.x0 <= box.x0 || r.y0 <= box.y0 || r.x1 >= box.x1 || r.y1 >= box.y1) continue;
    const c = hsv(r.color);
    if (!(aniso[r.id] < 1.1 || (c.s < 0.22 && aniso[r.id] < 1.4))) continue;
    const b = { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 };
    const clash = [...existing.filter((e) => e.layer === "item"), ...out].some((e) => iou(e.box, b) > 0.3 || (inside(b, e.box) > 0.5 && boxArea(e.box) < 4 * boxArea(b)));
    if (clash) continue;
    let con = 0;
    for (let y = r.y0; y <= r.y1; y++)
      for (let x = r.x0; x <= r.x1; x++) {
        const i = y * img.width + x;
        if (seg.labels[(y - box.y0) * sub.width + (x - box.x0)] === r.id) for (let k = 0; k < 3; k++) con += Math.abs(img.data[i * 3 + k] - blurred.data[i * 3 + k]) / 3;
      }
    out.push({ layer: "item", box: b, area: r.area, color: r.color, contrast: con / r.area, fill });
  }
  return out;
}

/** Copy of the pixels of `img` inside the inclusive box. */
function crop(img: Rgb, b: PxBox): Rgb {
  const w = b.x1 - b.x0 + 1;
  const h = b.y1 - b.y0 + 1;
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) data.set(img.data.subarray(((b.y0 + y) * img.width + b.x0) * 3, ((b.y0 + y) * img.width + b.x1 + 1) * 3), y * w * 3);
  return { data, width: w, height: h };
}

/** Intersection over union of two inclusive pixel boxes. */
export function iou(a: PxBox, b: PxBox): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1);
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1);
  const inter = ix * iy;
  return inter / ((a.x1 - a.x0 + 1) * (a.y1 - a.y0 + 1) + (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1) - inter);
}
