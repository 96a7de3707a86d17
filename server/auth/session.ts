import "server-only";
/**
 * Signed session cookies (HS256 JWT via `jose`): `{sub: userId}` valid for SESSION_MAX_AGE_S. The key is derived
 * from the shared token, so changing ROOMCODE_AUTH_TOKEN signs everyone out. Tokens are compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

/** Name of the session cookie. */
export const SESSION_COOKIE = "roomcode_session";
/** Lifetime of a session (s): 30 days. */
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

const ISSUER = "roomcode";

function keyOf(token: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update("roomcode-session-v1\0").update(token).digest());
}

/** Whether `given` equals the shared token (constant time over SHA-256 digests, so lengths do not leak). */
export function tokenMatches(token: string, given: string): boolean {
  const a = createHash("sha256").update(token).digest();
  const b = createHash("sha256").update(given).digest();
  return timingSafeEqual(a, b);
}

/** A signed session value for `userId`. */
export async function signSession(token: string, userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_MAX_AGE_S}s`)
    .sign(keyOf(token));
}

/** The user id of a valid, unexpired session value, or null (bad signature, expired, malformed). */
export async function verifySession(token: string, value: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(value, keyOf(token), { issuer: ISSUER, algorithms: ["HS256"] });
    return typeof payload.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    return null;
  }
}

/** `Set-Cookie` value of a session: HttpOnly, SameSite=Strict, Path=/, Secure on https. `value: null` clears it. */
export function sessionCookie(value: string | null, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value ?? ""}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${value ? SESSION_MAX_AGE_S : 0}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** The session cookie's value from a `Cookie` header, or null. */
export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE) return part.slice(i + 1).trim() || null;
  }
  return null;
}

/** Whether the request reached us over https (directly or as told by a proxy's `X-Forwarded-Proto`). */
export function isSecureRequest(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || (req.headers.get("x-forwarded-proto") ?? "").split(",")[0].trim() === "https";
}
