/** POST /api/scenes/:id/objects/:oid/revisions/:rev/restore -> `{object}` (the old program as a new current revision). */
import { z } from "zod";
import { restoreRevision } from "@/server/edits";
import { handle, parseWith } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Params = z.object({ rev: z.coerce.number().int().min(1) });

type Ctx = { params: Promise<{ id: string; oid: string; rev: string }> };

export const POST = handle(async (_req: Request, ctx: Ctx) => {
  const { id, oid, rev } = await ctx.params;
  const p = parseWith(Params, { rev });
  return Response.json(await restoreRevision(id, oid, p.rev), { headers: { "Cache-Control": "no-store" } });
});
