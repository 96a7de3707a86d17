/**
 * Next 16 proxy (Node runtime) for pages and /api/health: the same Host allowlist, CSRF checks and
 * authentication as the API routes' `handle` guard; unauthenticated page requests are redirected to /sign-in.
 * WARNING: the API routes are excluded from the matcher on purpose: for a request with a body, Next buffers up to
 * `proxyClientMaxBodySize` of it and reads it to the end before the route runs, which would defeat the streamed
 * body limits. The routes run the guard themselves (server/pipeline/http.ts `handle`).
 */
import { NextResponse, type NextRequest } from "next/server";
import { APP_ERROR_STATUS, AppError, isAppError } from "@/lib/errors";
import { authenticate, checkCsrf, checkHost } from "@/server/auth/guard";
import { securitySettings } from "@/server/auth/settings";

function refuse(e: AppError): NextResponse {
  return NextResponse.json(e.toJSON(), { status: APP_ERROR_STATUS[e.code], headers: { "Cache-Control": "no-store" } });
}

/** Guard a page (or health) request: 421/403/415 typed JSON, a redirect to /sign-in, or pass through. */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const s = securitySettings();
  try {
    checkHost(req, s);
    checkCsrf(req);
  } catch (e) {
    if (isAppError(e)) return refuse(e);
    throw e;
  }
  const path = req.nextUrl.pathname;
  if (path === "/sign-in" || (await authenticate(req, s)) !== null) return NextResponse.next();
  if (path.startsWith("/api/")) return refuse(new AppError("unauthorized", "Sign in first: send the session cookie from /sign-in or `Authorization: Bearer <ROOMCODE_AUTH_TOKEN>`."));
  const to = new URL("/sign-in", req.url);
  to.searchParams.set("next", `${path}${req.nextUrl.search}`);
  return NextResponse.redirect(to, 303);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)", "/api/health"],
};
