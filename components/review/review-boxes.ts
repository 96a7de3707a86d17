/**
 * Editable footprint boxes of the structure review step, and the StructurePatch ops that turn the
 * detected footprints into the edited ones (relabel, delete, add, resize), in image pixels.
 */
import type { Footprint } from "@/lib/scene";

/** A box being edited (image pixels, origin top-left). */
export interface ReviewBox {
  id: string;
  category: string;
  confidence: number | null;
  box: { x: number; y: number; w: number; h: number };
  isNew: boolean;
}

/** One StructurePatch operation as sent to PATCH /api/scenes/:id/structure (lib/structure-patch's `StructurePatchOp`, minus merge). */
export type PatchOp =
  | { op: "relabel"; footprintId: string; category: string }
  | { op: "delete"; footprintId: string }
  | { op: "add"; category: string; boxPx: { x: number; y: number; w: number; h: number } }
  | { op: "resize"; footprintId: string; boxPx: { x: number; y: number; w: number; h: number } };

/** Initial boxes from the structure stage's footprints. */
export function boxesFromFootprints(fps: Footprint[]): ReviewBox[] {
  return fps.map((f) => ({ id: f.id, category: f.category, confidence: f.confidence, box: { ...f.boxPx }, isNew: false }));
}

/** Snake_case category from what the user typed ("Floor lamp" -> "floor_lamp"). */
export function toCategory(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^([0-9])/, "x$1");
}

const round = (b: ReviewBox["box"]) => ({ x: Math.round(b.x), y: Math.round(b.y), w: Math.max(1, Math.round(b.w)), h: Math.max(1, Math.round(b.h)) });

/** Ops that turn `original` footprints into `edited` boxes (boxes moved or resized give `resize`). */
export function diffToOps(original: Footprint[], edited: ReviewBox[]): PatchOp[] {
  const ops: PatchOp[] = [];
  const byId = new Map(edited.map((b) => [b.id, b]));
  for (const f of original) {
    const b = byId.get(f.id);
    if (!b) {
      ops.push({ op: "delete", footprintId: f.id });
      continue;
    }
    const cat = toCategory(b.category);
    if (cat && cat !== f.category) ops.push({ op: "relabel", footprintId: f.id, category: cat });
    const r = round(b.box);
    const o = round(f.boxPx);
    if (r.x !== o.x || r.y !== o.y || r.w !== o.w || r.h !== o.h) ops.push({ op: "resize", footprintId: f.id, boxPx: r });
  }
  for (const b of edited) if (b.isNew && toCategory(b.category)) ops.push({ op: "add", category: toCategory(b.category), boxPx: round(b.box) });
  return ops;
}
