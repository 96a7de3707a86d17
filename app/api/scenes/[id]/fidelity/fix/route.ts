/** POST /api/scenes/:id/fidelity/fix `{footprintId, action: place|resize|relabel, category?}` -> `{objectId, notes, fidelity}` (one undoable edit). */
import { FidelityView } from "@/lib/fidelity/schema";
import { handle, parseWith, readJson } from "@/server/pipeline";
import { fidelityReport } from "@/server/renders/fidelity";
import { applyFidelityFix, FidelityFix } from "@/server/renders/fidelity-fix";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const body = parseWith(FidelityFix, await readJson(req));
  const { objectId, notes } = await applyFidelityFix(id, body);
  return Response.json({ objectId, notes, fidelity: FidelityView.parse(fidelityReport(id)) }, { headers: { "Cache-Control": "no-store" } });
});
