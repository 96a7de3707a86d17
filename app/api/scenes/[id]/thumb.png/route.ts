/** GET /api/scenes/:id/thumb.png: top-down render of the completed scene (PNG). */
import { fileResponse, handle, thumbFile } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return fileResponse(thumbFile(id), "image/png", { "Cache-Control": "no-cache" });
});
