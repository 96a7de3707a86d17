/** POST /api/scenes/:id/continue: run layout, profile, code and decor with the reviewed structure -> 202 `{scene}`. */
import { continueScene, handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const scene = await continueScene(id);
  return Response.json({ scene }, { status: 202 });
});
