/** PUT /api/scenes/:id/objects/:oid/program `{source}` -> `{object, notes}` (notes: what moved to keep the room valid); 422 `policy` / `build_failed` with `details.line`. */
import { z } from "zod";
import { putProgram } from "@/server/edits";
import { handle, parseWith, readJson } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Longest program source accepted (characters): 512 Ki. */
const MAX_SOURCE_CHARS = 512 * 1024;

const Body = z.object({ source: z.string().max(MAX_SOURCE_CHARS, `at most ${MAX_SOURCE_CHARS} characters`), actor: z.string().min(1).max(80).optional() });

type Ctx = { params: Promise<{ id: string; oid: string }> };

export const PUT = handle(async (req: Request, ctx: Ctx) => {
  const { id, oid } = await ctx.params;
  const body = parseWith(Body, await readJson(req));
  const { object, notes } = await putProgram(id, oid, body.source, body.actor);
  return Response.json({ object, notes }, { headers: { "Cache-Control": "no-store" } });
});
