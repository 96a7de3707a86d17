/** GET /api/scenes/:id/export.urdf[?object=<id>]: a zip of every object's URDF with its meshes (or one object's), cached by scene state. */
import { downloadName, fileResponse, getScene, handle, parseWith } from "@/server/pipeline";
import { exportSim } from "@/server/sim";
import { UrdfQuery } from "../export-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const q = parseWith(UrdfQuery, Object.fromEntries(new URL(req.url).searchParams));
  const file = await exportSim(id, "urdf", q.object ?? undefined);
  const base = downloadName(getScene(id).title, "urdf.zip");
  return fileResponse(file, "application/zip", {
    "Content-Disposition": `attachment; filename="${q.object ? `${q.object}.urdf.zip` : base}"`,
    "Cache-Control": "no-cache",
  });
});
