/** GET /api/scenes/:id/objects/:oid/revisions -> `{revisions}` (oldest first, with `current` and GLB URLs). */
import { listRevisions } from "@/server/edits";
import { handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; oid: string }> };

export const GET = handle(async (_req: Request, ctx: Ctx) => {
  const { id, oid } = await ctx.params;
  return Response.json({ revisions: listRevisions(id, oid) }, { headers: { "Cache-Control": "no-store" } });
});
