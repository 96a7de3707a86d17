/** Input schemas of `POST /api/scenes` (JSON body) and `GET /api/scenes`. */
import { z } from "zod";
import { EngineName } from "@/lib/scene/schema";

/** JSON body: `{prompt, engine?}`; empty and over-long prompts are typed errors of the pipeline. */
export const CreateSceneBody = z.object({
  prompt: z.string({ error: "prompt must be a string" }),
  engine: EngineName.optional(),
});

/** Query of the list: `?limit=` (1..500, default 200). */
export const ListScenesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

/** Largest multipart body of an image upload (bytes): 40 MiB, cut off as it streams in. */
export const MAX_UPLOAD_BODY_BYTES = 40 * 1024 * 1024;
/** Largest image part (bytes): 20 MiB, as the image ingest allows. */
export const MAX_UPLOAD_IMAGE_BYTES = 20 * 1024 * 1024;
