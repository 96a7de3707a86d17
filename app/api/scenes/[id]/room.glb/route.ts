/** GET /api/scenes/:id/room.glb?rev=N: the room shell GLB at revision N (immutable), or the current one. */
import { fileResponse, handle, IMMUTABLE, parseWith, roomGlbFile } from "@/server/pipeline";
import { RevQuery } from "../rev-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const q = parseWith(RevQuery, Object.fromEntries(new URL(req.url).searchParams));
  const f = roomGlbFile(id, q.rev);
  return fileResponse(f.file, "model/gltf-binary", { "Cache-Control": f.pinned ? IMMUTABLE : "no-cache", ETag: `"${id}-room-r${f.rev}"`, "X-Revision": String(f.rev) });
});
