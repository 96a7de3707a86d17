import "server-only";
/**
 * Network exposure and authentication settings from the environment (read on every call, so tests can change
 * them): `HOST` (bind address, default 127.0.0.1), `ROOMCODE_AUTH_TOKEN` (shared-token sign-in; on when set) and
 * `ROOMCODE_ALLOWED_HOSTS` (extra `Host` header values, comma separated: `name` for any port or `name:port`).
 */

/** Loopback bind addresses and host names: IPv4 127.0.0.0/8, IPv6 ::1, `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

/** Shortest shared token accepted (characters): long enough that guessing it over the network is hopeless. */
export const MIN_TOKEN_CHARS = 16;

/** Resolved security settings. `exposed`: the bind address is not loopback; `token`: the shared sign-in token or null. */
export interface SecuritySettings {
  host: string;
  exposed: boolean;
  token: string | null;
  /** Host names accepted on any port (lowercase, IPv6 without brackets). */
  allowedNames: ReadonlySet<string>;
  /** `name:port` pairs accepted exactly. */
  allowedHostPorts: ReadonlySet<string>;
}

const ALWAYS_ALLOWED = ["localhost", "127.0.0.1", "::1"];

/** Parse the settings from `env` (default process.env); `bindHost` overrides `HOST` (the address actually bound). */
export function securitySettings(env: Record<string, string | undefined> = process.env, bindHost?: string): SecuritySettings {
  const host = (bindHost ?? env.HOST ?? "").trim() || "127.0.0.1";
  const names = new Set(ALWAYS_ALLOWED);
  const hostPorts = new Set<string>();
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  // A specific non-wildcard bind address is how clients reach the server, so it is allowed as a Host name.
  if (bare !== "0.0.0.0" && bare !== "::") names.add(bare);
  for (const raw of (env.ROOMCODE_ALLOWED_HOSTS ?? "").split(",")) {
    const v = raw.trim().toLowerCase();
    if (!v) continue;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(v) ?? /^([^[\]]+)$/.exec(v);
    if (!m) continue;
    const name = m[1].replace(/^\[(.*)\]$/, "$1");
    if (m[2]) hostPorts.add(`${name}:${m[2]}`);
    else names.add(name);
  }
  const token = env.ROOMCODE_AUTH_TOKEN?.trim() ? env.ROOMCODE_AUTH_TOKEN.trim() : null;
  return { host, exposed: !isLoopbackHost(host), token, allowedNames: names, allowedHostPorts: hostPorts };
}

/**
 * Why the server must not start with these settings, or null when it may: exposed (non-loopback bind) without
 * `ROOMCODE_AUTH_TOKEN`, or a token shorter than MIN_TOKEN_CHARS.
 */
export function unsafeToServe(s: SecuritySettings): string | null {
  if (s.token !== null && s.token.length < MIN_TOKEN_CHARS) {
    return `ROOMCODE_AUTH_TOKEN is ${s.token.length} characters long; use at least ${MIN_TOKEN_CHARS} (e.g. \`openssl rand -hex 24\`).`;
  }
  if (s.exposed && s.token === null) {
    return `refusing to listen on ${s.host} (reachable from other machines) without authentication: set ROOMCODE_AUTH_TOKEN (at least ${MIN_TOKEN_CHARS} characters), or leave HOST unset to listen on 127.0.0.1 only.`;
  }
  return null;
}

/** Whether a `Host` header value (`name[:port]`) is allowed by the settings. */
export function isAllowedHostHeader(s: SecuritySettings, hostHeader: string): boolean {
  const v = hostHeader.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return false;
  const name = m[1].replace(/^\[(.*)\]$/, "$1");
  if (s.allowedNames.has(name)) return true;
  return m[2] !== undefined && s.allowedHostPorts.has(`${name}:${m[2]}`);
}
