/**
 * POST /api/auth/sign-in `{token}` -> 200 `{userId}` with an HttpOnly, SameSite=Strict session cookie;
 * 401 `unauthorized` for a wrong token. With authentication off (no ROOMCODE_AUTH_TOKEN) -> 200 `{userId}`, no cookie.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { SHARED_USER_ID } from "@/server/auth/identity";
import { isSecureRequest, sessionCookie, signSession, tokenMatches } from "@/server/auth/session";
import { securitySettings } from "@/server/auth/settings";
import { handle, parseWith, readJson } from "@/server/pipeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Body = z.object({ token: z.string().max(1000) });

/** Pause after a wrong token (ms), so that guessing over the network is slow. */
const WRONG_TOKEN_DELAY_MS = 400;

export const POST = handle(
  async (req: Request) => {
    const { token } = parseWith(Body, await readJson(req, 16 * 1024));
    const s = securitySettings();
    if (s.token === null) return Response.json({ userId: SHARED_USER_ID }, { headers: { "Cache-Control": "no-store" } });
    if (!tokenMatches(s.token, token)) {
      await new Promise((r) => setTimeout(r, WRONG_TOKEN_DELAY_MS));
      throw new AppError("unauthorized", "That token is not right.");
    }
    const cookie = sessionCookie(await signSession(s.token, SHARED_USER_ID), isSecureRequest(req));
    return Response.json({ userId: SHARED_USER_ID }, { headers: { "Cache-Control": "no-store", "Set-Cookie": cookie } });
  },
  { anonymous: true },
);
