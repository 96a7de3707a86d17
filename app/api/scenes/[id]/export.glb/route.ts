/** GET /api/scenes/:id/export.glb: the assembled scene (room + built objects + lights) as .glb, cached by scene state. */
import { downloadName, exportScene, fileResponse, getScene, handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const file = await exportScene(id, "glb");
  return fileResponse(file, "model/gltf-binary", {
    "Content-Disposition": `attachment; filename="${downloadName(getScene(id).title, "glb")}"`,
    "Cache-Control": "no-cache",
  });
});
