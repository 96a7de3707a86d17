/** GET /api/scenes/:id/export.usd: the placed scene as USD (`.usd`: Blender's USD exporter, or USD ASCII where Blender has none), cached by scene state. */
import { downloadName, fileResponse, getScene, handle } from "@/server/pipeline";
import { exportSim } from "@/server/sim";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const file = await exportSim(id, "usd");
  return fileResponse(file, "model/vnd.usd", {
    "Content-Disposition": `attachment; filename="${downloadName(getScene(id).title, "usd")}"`,
    "Cache-Control": "no-cache",
  });
});
