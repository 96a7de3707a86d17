/** The fidelity view's API answer (GET/POST /api/scenes/:id/fidelity), validated on the server before it is sent and on the client when read. */
import { z } from "zod";
import { Point2 } from "../scene/schema";

/** One picture box against the object built for it: IoU in [0, 1] (null when unbuilt or missing), polygons in the room frame (m). */
export const ObjectFidelityView = z.object({
  footprintId: z.string(),
  objectId: z.string().nullable(),
  category: z.string(),
  objectCategory: z.string().nullable(),
  pictureBox: z.object({ x: z.number(), y: z.number(), w: z.number().positive(), d: z.number().positive() }),
  builtFootprint: z.array(Point2).nullable(),
  iou: z.number().min(0).max(1).nullable(),
  status: z.enum(["ok", "low", "unbuilt", "missing"]),
});

/** `{sceneId, picture: {widthPx, heightPx, url, frame: {originPx, metersPerPx}}, scores: {objects, roomScore, threshold, below}, render: {..., url, stale} | null}`. */
export const FidelityView = z.object({
  sceneId: z.string(),
  picture: z.object({
    widthPx: z.number().int().positive(),
    heightPx: z.number().int().positive(),
    url: z.string(),
    frame: z.object({ originPx: Point2, metersPerPx: z.tuple([z.number().positive(), z.number().positive()]) }),
  }),
  scores: z.object({ objects: z.array(ObjectFidelityView), roomScore: z.number().min(0).max(1).nullable(), threshold: z.number().min(0).max(1), below: z.array(z.string()) }),
  render: z
    .object({
      id: z.string(),
      file: z.string().nullable(),
      url: z.string().nullable(),
      widthPx: z.number().int().positive(),
      heightPx: z.number().int().positive(),
      createdAt: z.string(),
      seconds: z.number().nullable(),
      status: z.enum(["running", "completed", "failed"]),
      error: z.string().nullable(),
      stateKey: z.string(),
      stale: z.boolean(),
    })
    .nullable(),
});
export type FidelityView = z.infer<typeof FidelityView>;
