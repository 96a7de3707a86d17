/** GET /api/scenes/:id/structure.png: the detected footprints drawn over the uploaded image (PNG). */
import { handle, structureOverlayPng } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const png = await structureOverlayPng(id);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "no-cache" } });
});
