/** Query of `export.urdf`: `?object=<id>` (an object id or "room") for one object's URDF; absent means all. */
import { z } from "zod";

/** `{object: string | null}` from the query string. */
export const UrdfQuery = z.object({
  object: z
    .string()
    .regex(/^(room|[a-z][a-z0-9_]*-[0-9]+)$/, "object must be an object id such as wardrobe-1, or room")
    .nullable()
    .default(null),
});
