/** Body of POST /api/scenes/:id/renders: a preset, and for `current` the preview camera in the room frame (m). */
import { z } from "zod";
import { RENDER_PRESETS } from "@/lib/render/cameras";

const Vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

/** `{preset, budget?: quick|final, camera?: {position, target, fovDeg?, orthoScale?}}`. */
export const RenderBody = z
  .object({
    preset: z.enum(RENDER_PRESETS),
    budget: z.enum(["quick", "final"]).optional(),
    camera: z.object({ position: Vec3, target: Vec3, fovDeg: z.number().min(5).max(120).optional(), orthoScale: z.number().positive().max(500).optional() }).optional(),
  })
  .refine((b) => b.preset !== "current" || b.camera, { message: "the current view needs a camera" });
