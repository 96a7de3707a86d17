/** GET /api/scenes/:id -> `{scene, lastSeq}` (each object with its placement `issues`); PATCH `{title}` -> `{scene}`; DELETE -> 204 (aborts a running job, removes rows and files). */
import { z } from "zod";
import { deleteScene, getScene, handle, parseWith, readJson } from "@/server/pipeline";
import { renameScene } from "@/server/pipeline/rename";
import { getStore } from "@/server/store";
import { withIssues } from "@/lib/layout/issues";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const scene = getScene(id);
  return Response.json({ scene: withIssues(scene), lastSeq: getStore().events.lastSeq(id) }, { headers: { "Cache-Control": "no-store" } });
});

const Patch = z.object({ title: z.string().max(200) }).strict();

export const PATCH = handle(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  getScene(id);
  const body = parseWith(Patch, await readJson(req));
  return Response.json({ scene: renameScene(id, body.title) }, { headers: { "Cache-Control": "no-store" } });
});

export const DELETE = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await deleteScene(id);
  return new Response(null, { status: 204 });
});
