/** GET /api/scenes/:id/export.py: a runnable `scene.py` that rebuilds the room, objects and lights in Blender. */
import { downloadName, getScene, handle, scenePy } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const source = await scenePy(id);
  return new Response(source, {
    headers: {
      "Content-Type": "text/x-python; charset=utf-8",
      "Content-Disposition": `attachment; filename="${downloadName(getScene(id).title, "py")}"`,
      "Cache-Control": "no-cache",
    },
  });
});
