/** The StructurePatch: user corrections of image footprints before code generation (zod). */
import { z } from "zod";
import { Category } from "../scene/schema";

/** Pixel box in the original image (top-left x/y, width/height px). */
export const PatchBoxPx = z.object({
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  w: z.number().finite().positive(),
  h: z.number().finite().positive(),
});

/** One correction: relabel, delete, add, resize, merge or rotate footprints, or set the picture's scale. */
export const StructurePatchOp = z.discriminatedUnion("op", [
  z.object({ op: z.literal("relabel"), footprintId: z.string().min(1), category: Category }),
  z.object({ op: z.literal("delete"), footprintId: z.string().min(1) }),
  z.object({ op: z.literal("add"), boxPx: PatchBoxPx, category: Category }),
  z.object({ op: z.literal("resize"), footprintId: z.string().min(1), boxPx: PatchBoxPx }),
  z.object({ op: z.literal("merge"), footprintIds: z.array(z.string().min(1)).min(2), category: Category.optional() }),
  /** Turn a footprint to `yawDeg` (deg, CCW in the room frame; its box keeps the object's own width and depth in px). */
  z.object({ op: z.literal("rotate"), footprintId: z.string().min(1), yawDeg: z.number().finite().min(-360).max(360) }),
  /** Set the picture's scale (meters per pixel, both axes): room size, zones, openings and every footprint follow. */
  z.object({ op: z.literal("scale"), metersPerPx: z.number().finite().positive().max(1) }),
]);
export type StructurePatchOp = z.infer<typeof StructurePatchOp>;

/** A list of corrections applied in order: `{ ops: [...] }` (1..200 ops). */
export const StructurePatch = z.object({ ops: z.array(StructurePatchOp).min(1).max(200) });
export type StructurePatch = z.infer<typeof StructurePatch>;
