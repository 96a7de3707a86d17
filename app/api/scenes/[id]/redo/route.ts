/** POST /api/scenes/:id/redo -> `{scene, entry}`; 409 `nothing_to_undo` ("Nothing to redo") when nothing was undone. */
import { redo } from "@/server/edits";
import { handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return Response.json(await redo(id), { headers: { "Cache-Control": "no-store" } });
});
