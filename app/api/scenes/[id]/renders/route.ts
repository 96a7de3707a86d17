/** GET /api/scenes/:id/renders -> `{renders}` (newest first); POST `{preset, camera?}` -> 202 `{render}` (a progressive Cycles render starts). */
import { getScene, handle, parseWith, readJson } from "@/server/pipeline";
import { listRenders, renderUrl, startRender, type RenderRecord } from "@/server/renders";
import { RenderBody } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

function withUrls(sceneId: string, r: RenderRecord) {
  return { ...r, passes: r.passes.map((p) => ({ ...p, url: renderUrl(sceneId, p.file) })), url: r.passes.length ? renderUrl(sceneId, r.passes[r.passes.length - 1].file) : null };
}

export const GET = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return Response.json({ renders: listRenders(id).map((r) => withUrls(id, r)) }, { headers: { "Cache-Control": "no-store" } });
});

export const POST = handle(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  // An unknown scene is 404 whatever the body says.
  getScene(id);
  const body = parseWith(RenderBody, await readJson(req));
  const render = startRender(id, body);
  return Response.json({ render: withUrls(id, render) }, { status: 202, headers: { "Cache-Control": "no-store" } });
});
