/** GET /api/scenes/:id/export.mjcf: a zip of the scene as MuJoCo MJCF (`scene.xml`) with its meshes, cached by scene state. */
import { downloadName, fileResponse, getScene, handle } from "@/server/pipeline";
import { exportSim } from "@/server/sim";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const file = await exportSim(id, "mjcf");
  return fileResponse(file, "application/zip", {
    "Content-Disposition": `attachment; filename="${downloadName(getScene(id).title, "mjcf.zip")}"`,
    "Cache-Control": "no-cache",
  });
});
