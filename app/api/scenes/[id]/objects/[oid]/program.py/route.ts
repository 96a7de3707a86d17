/** GET /api/scenes/:id/objects/:oid/program.py?rev=N: the object's program source at revision N (or current). */
import { handle, IMMUTABLE, objectProgram, parseWith } from "@/server/pipeline";
import { RevQuery } from "../../../rev-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string; oid: string }> }) => {
  const { id, oid } = await ctx.params;
  const q = parseWith(RevQuery, Object.fromEntries(new URL(req.url).searchParams));
  const rev = objectProgram(id, oid, q.rev);
  return new Response(rev.source, {
    headers: {
      "Content-Type": "text/x-python; charset=utf-8",
      "Content-Disposition": `inline; filename="${oid}-r${rev.rev}.py"`,
      "Cache-Control": q.rev !== null ? IMMUTABLE : "no-cache",
      "X-Revision": String(rev.rev),
    },
  });
});
