/** GET /api/library/:key/thumb.png: the item's thumbnail, rendered by its own program on first request (PNG). */
import { fileResponse, handle } from "@/server/pipeline";
import { libraryThumb } from "@/server/library";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ key: string }> }) => {
  const { key } = await ctx.params;
  return fileResponse(await libraryThumb(key), "image/png", { "Cache-Control": "public, max-age=86400" });
});
