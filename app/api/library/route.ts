/** GET /api/library -> `{items}`: every program family with its variants (key, family, variant, label, size, support, thumbnail URL). */
import { handle } from "@/server/pipeline";
import { listLibrary } from "@/server/library";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  const items = listLibrary().map(({ source: _s, ...i }) => i);
  return Response.json({ items }, { headers: { "Cache-Control": "no-cache" } });
});
