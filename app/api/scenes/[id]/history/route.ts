/** GET /api/scenes/:id/history -> `{entries}` (who/what/when, oldest first, with undone flags). */
import { listHistory } from "@/server/edits";
import { handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return Response.json({ entries: listHistory(id) }, { headers: { "Cache-Control": "no-store" } });
});
