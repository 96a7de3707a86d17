/** GET /api/scenes/:id/objects/:oid/model.glb?rev=N: the object's GLB at revision N (immutable), or its current GLB. */
import { fileResponse, handle, IMMUTABLE, objectGlbFile, parseWith } from "@/server/pipeline";
import { RevQuery } from "../../../rev-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string; oid: string }> }) => {
  const { id, oid } = await ctx.params;
  const q = parseWith(RevQuery, Object.fromEntries(new URL(req.url).searchParams));
  const f = objectGlbFile(id, oid, q.rev);
  return fileResponse(f.file, "model/gltf-binary", {
    "Cache-Control": f.pinned ? IMMUTABLE : "no-cache",
    ETag: `"${id}-${oid}-r${f.rev}"`,
    "X-Revision": String(f.rev),
  });
});
