/** GET /api/scenes/:id -> `{scene, lastSeq}`; DELETE -> 204 (aborts a running job, removes rows and files). */
import { deleteScene, getScene, handle } from "@/server/pipeline";
import { getStore } from "@/server/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const scene = getScene(id);
  return Response.json({ scene, lastSeq: getStore().events.lastSeq(id) }, { headers: { "Cache-Control": "no-store" } });
});

export const DELETE = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await deleteScene(id);
  return new Response(null, { status: 204 });
});
