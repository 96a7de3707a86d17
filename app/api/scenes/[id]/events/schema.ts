/** Resume point of the SSE stream: `Last-Event-ID` header or `?after=` (a seq >= 0). */
import { z } from "zod";

/** A non-negative integer event seq given as text. */
export const AfterSeq = z.coerce.number({ error: "after must be an event seq" }).int().min(0).default(0);
