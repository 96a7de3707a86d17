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
