/** POST /api/scenes/:id/batch `{label, ops}` -> `{scene, created, entry}`: several direct edits (move, params, remove, copy) as one undo step. */
import { applyBatch, BatchBody } from "@/server/edits/batch";
import { getScene, handle, parseWith, readJson } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = handle(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  // An unknown scene is 404 whatever the body says.
  getScene(id);
  const body = parseWith(BatchBody, await readJson(req));
  return Response.json(await applyBatch(id, body), { headers: { "Cache-Control": "no-store" } });
});
