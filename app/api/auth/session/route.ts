/** GET /api/auth/session -> `{authRequired, userId}` (`userId` null when not signed in). */
import { securitySettings } from "@/server/auth/settings";
import { handle } from "@/server/pipeline";
import { guardRequest } from "@/server/auth/guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(
  async (req: Request) => {
    const { userId } = await guardRequest(req, { anonymous: true });
    return Response.json({ authRequired: securitySettings().token !== null, userId }, { headers: { "Cache-Control": "no-store" } });
  },
  { anonymous: true },
);
