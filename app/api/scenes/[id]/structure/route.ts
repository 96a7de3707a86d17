/** PATCH /api/scenes/:id/structure: correct the detected structure (StructurePatch) while the scene waits for review -> `{scene}`. */
import { StructurePatch } from "@/lib/structure-patch";
import { handle, parseWith, patchStructure, readJson } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const patch = parseWith(StructurePatch, await readJson(req));
  const scene = await patchStructure(id, patch);
  return Response.json({ scene });
});
