import "server-only";
/** JSON column helpers for the store. */

/** Serialise a value for a TEXT column (null stays null). */
export function toJson(v: unknown): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}

/** Parse a TEXT column written by `toJson` (null stays null). */
export function fromJson<T = unknown>(s: string | null | undefined): T | null {
  return s === null || s === undefined ? null : (JSON.parse(s) as T);
}

/** Current time as an ISO 8601 string (UTC). */
export function nowIso(): string {
  return new Date().toISOString();
}
