/** GET /api/scenes/:id/objects/:oid/revisions/diff?from=N&to=M -> `{from, to, diff}` (unified diff of the two programs). */
import { z } from "zod";
import { diffRevisions } from "@/server/edits";
import { handle, parseWith } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Query = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

type Ctx = { params: Promise<{ id: string; oid: string }> };

export const GET = handle(async (req: Request, ctx: Ctx) => {
  const { id, oid } = await ctx.params;
  const url = new URL(req.url);
  const q = parseWith(Query, { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  return Response.json(diffRevisions(id, oid, q.from, q.to), { headers: { "Cache-Control": "no-store" } });
});
