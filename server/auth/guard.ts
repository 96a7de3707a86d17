import "server-only";
/**
 * The request guard run before every route handler (through `handle`) and by `proxy.ts` for pages:
 * `Host` allowlist (DNS rebinding), for state-changing methods a same-origin `Origin` and a JSON or multipart
 * body (CSRF), then authentication (Bearer token or signed session cookie) when ROOMCODE_AUTH_TOKEN is set.
 */
import { AppError } from "../../lib/errors";
import { SHARED_USER_ID } from "./identity";
import { readSessionCookie, tokenMatches, verifySession } from "./session";
import { isAllowedHostHeader, securitySettings, type SecuritySettings } from "./settings";

/** Methods that never change state; everything else must pass the CSRF checks. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Body media types a state-changing request may carry (no form-encoded or text bodies a foreign page can send). */
const BODY_TYPES = new Set(["application/json", "multipart/form-data"]);

/** Outcome of the guard: the authenticated user, or null for an anonymous caller of a public route. */
export interface GuardResult {
  userId: string | null;
}

/** The request's `Host` (header, else the URL's host for in-process callers), lowercase. */
export function requestHost(req: Request): string {
  return (req.headers.get("host") ?? new URL(req.url).host).trim().toLowerCase();
}

/** Throws AppError `misdirected` (421) when the `Host` header is not an allowed name for this server. */
export function checkHost(req: Request, s: SecuritySettings = securitySettings()): void {
  const host = requestHost(req);
  if (!isAllowedHostHeader(s, host)) {
    throw new AppError("misdirected", `This server does not answer to the host name ${JSON.stringify(host.slice(0, 100))}; add it to ROOMCODE_ALLOWED_HOSTS if it is yours.`, {
      host: host.slice(0, 100),
    });
  }
}

/**
 * CSRF checks of a state-changing request. Throws AppError `forbidden` when `Origin` names another origin (or
 * `null`), or when a browser request (cookie or `Sec-Fetch-Site`) arrives without `Origin`; `unsupported_media`
 * (415) when the body is not `application/json` or `multipart/form-data`.
 */
export function checkCsrf(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    if (originHost !== requestHost(req)) throw new AppError("forbidden", "Cross-origin request refused: the page that sent it is not this editor.", { origin: origin.slice(0, 200) });
  } else {
    // Browsers send Origin on every POST/PUT/PATCH/DELETE; a request without one is a non-browser client, unless
    // it carries the session cookie or fetch metadata, which only a browser adds.
    const site = req.headers.get("sec-fetch-site");
    if ((site !== null && site !== "same-origin" && site !== "none") || readSessionCookie(req.headers.get("cookie")) !== null) {
      throw new AppError("forbidden", "Request refused: a browser request without an Origin header.", { secFetchSite: site });
    }
  }
  const type = req.headers.get("content-type");
  if (type !== null) {
    const essence = type.split(";")[0].trim().toLowerCase();
    if (!BODY_TYPES.has(essence)) throw new AppError("unsupported_media", "Send the body as application/json or multipart/form-data.", { contentType: type.slice(0, 100) });
  } else if (Number(req.headers.get("content-length") ?? "0") > 0 || req.headers.has("transfer-encoding")) {
    throw new AppError("unsupported_media", "A request body needs a Content-Type of application/json or multipart/form-data.");
  }
}

/**
 * The authenticated user: with ROOMCODE_AUTH_TOKEN unset, always SHARED_USER_ID; otherwise from
 * `Authorization: Bearer <token>` or the session cookie. Returns null when unauthenticated.
 */
export async function authenticate(req: Request, s: SecuritySettings = securitySettings()): Promise<string | null> {
  if (s.token === null) return SHARED_USER_ID;
  const auth = req.headers.get("authorization");
  if (auth !== null) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m && tokenMatches(s.token, m[1].trim()) ? SHARED_USER_ID : null;
  }
  const cookie = readSessionCookie(req.headers.get("cookie"));
  return cookie === null ? null : verifySession(s.token, cookie);
}

/**
 * Run every check on a request. Throws AppError `misdirected`, `forbidden`, `unsupported_media`, or
 * `unauthorized` (401; not for `anonymous` routes such as sign-in, which get `userId: null`).
 */
export async function guardRequest(req: Request, opts: { anonymous?: boolean } = {}): Promise<GuardResult> {
  const s = securitySettings();
  checkHost(req, s);
  checkCsrf(req);
  const userId = await authenticate(req, s);
  if (userId === null && !opts.anonymous) {
    throw new AppError("unauthorized", "Sign in first: send the session cookie from /sign-in or `Authorization: Bearer <ROOMCODE_AUTH_TOKEN>`.");
  }
  return { userId };
}
