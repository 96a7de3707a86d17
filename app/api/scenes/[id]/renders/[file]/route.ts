/** GET /api/scenes/:id/renders/:file: one render PNG (immutable); `?download=1` names it after the scene title. */
import { downloadName, fileResponse, getScene, handle, IMMUTABLE } from "@/server/pipeline";
import { renderPng } from "@/server/renders";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string; file: string }> }) => {
  const { id, file } = await ctx.params;
  const path = renderPng(id, file);
  const headers: Record<string, string> = { "Cache-Control": IMMUTABLE };
  if (new URL(req.url).searchParams.get("download")) {
    const name = downloadName(getScene(id).title, "png").replace(/\.png$/, `-render-${file.replace(/^.*-(p\d+)\.png$/, "$1")}.png`);
    headers["Content-Disposition"] = `attachment; filename="${name}"`;
  }
  return fileResponse(path, "image/png", headers);
});
