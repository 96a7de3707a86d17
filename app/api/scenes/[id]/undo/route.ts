/** POST /api/scenes/:id/undo -> `{scene, entry}`; 409 `nothing_to_undo` when the history has nothing to undo. */
import { undo } from "@/server/edits";
import { handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return Response.json(await undo(id), { headers: { "Cache-Control": "no-store" } });
});
