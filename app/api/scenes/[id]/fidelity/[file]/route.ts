/** GET /api/scenes/:id/fidelity/:file: the fidelity render PNG (immutable: each render has its own name). */
import { fileResponse, handle, IMMUTABLE } from "@/server/pipeline";
import { fidelityPng } from "@/server/renders/fidelity";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string; file: string }> }) => {
  const { id, file } = await ctx.params;
  return fileResponse(fidelityPng(id, file), "image/png", { "Cache-Control": IMMUTABLE });
});
