import "server-only";
/**
 * Secret redaction for everything the model door logs, throws or stores: the configured API key, any
 * `sk-...` looking token, any `Bearer ...` credential and any `user:password@` in a URL are replaced by `[redacted]`.
 */

const registered = new Set<string>();

/** Registers a secret (e.g. the API key) so that `redactSecrets` removes it wherever it appears. Ignores short strings. */
export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= 6) registered.add(secret);
}

// OpenAI-style keys (sk-..., sk-proj-...) and bearer credentials in headers or messages.
const KEY_PATTERN = /\bsk-[A-Za-z0-9_\-*.]{6,}/g;
const BEARER_PATTERN = /\b(Bearer)\s+[A-Za-z0-9_\-.=+/*]{6,}/gi;
// Credentials in URLs (http://user:password@host).
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;

/** Returns `text` with every registered secret, `sk-...` token and bearer credential replaced by `[redacted]`. */
export function redactSecrets(text: string, extra: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const s of [...registered, ...extra]) {
    if (s && s.length >= 6) out = out.split(s).join("[redacted]");
  }
  return out.replace(KEY_PATTERN, "[redacted]").replace(BEARER_PATTERN, "$1 [redacted]").replace(URL_USERINFO, "$1[redacted]@");
}

/** Redacts every string inside a JSON-like value (used for error details before they are stored). */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = /authorization|api[-_]?key/i.test(k) ? "[redacted]" : redactDeep(v);
    return out as T;
  }
  return value;
}
