/** GET /api/health: Blender, pool, sandbox, engine and data dir (200 even when Blender is missing; see `ok`). */
import { getHealth } from "@/server/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(): Promise<Response> {
  return Response.json(await getHealth(), { headers: { "Cache-Control": "no-store" } });
}
