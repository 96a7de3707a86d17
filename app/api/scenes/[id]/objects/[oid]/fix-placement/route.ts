/** POST /api/scenes/:id/objects/:oid/fix-placement (no body) -> `{scene, entry, notes}`: the object moves to the nearest valid spot (one undoable edit); 409 `conflict` when none is within reach. */
import { fixPlacement } from "@/server/edits";
import { handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; oid: string }> };

export const POST = handle(async (_req: Request, ctx: Ctx) => {
  const { id, oid } = await ctx.params;
  const { scene, entry, notes } = await fixPlacement(id, oid);
  return Response.json({ scene, entry, notes }, { headers: { "Cache-Control": "no-store" } });
});
