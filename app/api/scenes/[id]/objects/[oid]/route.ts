/** PATCH /api/scenes/:id/objects/:oid `{placement?, params?, hidden?}` -> `{object, notes}` (object with its placement `issues`); 400 `validation` for bad PARAMS. */
import { ObjectPatch, patchObject } from "@/server/edits";
import { handle, parseWith, readJson } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; oid: string }> };

export const PATCH = handle(async (req: Request, ctx: Ctx) => {
  const { id, oid } = await ctx.params;
  const body = parseWith(ObjectPatch, await readJson(req));
  const { object, notes } = await patchObject(id, oid, body);
  return Response.json({ object, notes }, { headers: { "Cache-Control": "no-store" } });
});
