/** POST /api/auth/sign-out -> 204, clearing the session cookie. */
import { isSecureRequest, sessionCookie } from "@/server/auth/session";
import { handle } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = handle(async (req: Request) => new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookie(null, isSecureRequest(req)) } }), { anonymous: true });
