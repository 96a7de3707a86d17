/** GET /api/scenes/:id/fidelity -> the FidelityView (IoU per picture box, room score, latest render); POST -> 202 FidelityView with a new top-down render of the built room in the picture's frame running. */
import { FidelityView } from "@/lib/fidelity/schema";
import { handle } from "@/server/pipeline";
import { fidelityReport, renderFidelity } from "@/server/renders/fidelity";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return Response.json(FidelityView.parse(fidelityReport(id)), { headers: { "Cache-Control": "no-store" } });
});

export const POST = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  // The render runs on in the pool; its failure is kept in the record the GET reports.
  void renderFidelity(id).catch(() => undefined);
  return Response.json(FidelityView.parse(fidelityReport(id)), { status: 202, headers: { "Cache-Control": "no-store" } });
});
