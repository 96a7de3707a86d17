/** GET /api/scenes/:id/export.blend: the assembled scene (room + built objects + lights) as .blend, cached by scene state. */
import { downloadName, exportScene, fileResponse, getScene, handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const file = await exportScene(id, "blend");
  return fileResponse(file, "application/x-blender", {
    "Content-Disposition": `attachment; filename="${downloadName(getScene(id).title, "blend")}"`,
    "Cache-Control": "no-cache",
  });
});
