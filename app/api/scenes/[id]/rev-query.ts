/** Query of the revision routes (model.glb, room.glb, program.py): `?rev=N` (N >= 1); absent means current. */
import { z } from "zod";

/** `{rev: number | null}` from the query string. */
export const RevQuery = z.object({
  rev: z.coerce.number({ error: "rev must be a revision number" }).int().min(1).nullable().default(null),
});
