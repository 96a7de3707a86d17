import "server-only";
/**
 * Retry policy of the model door: which failures are retried, how long to wait (Retry-After first, then
 * exponential backoff with jitter) and an abortable sleep. Header semantics: RFC 9110 section 10.2.3
 * (delay-seconds or HTTP-date); `retry-after-ms` is OpenAI's millisecond variant.
 */
import { APIConnectionError, APIError, APIUserAbortError } from "openai";

/** Base delay of the exponential backoff (ms); doubles per attempt, capped at `MAX_BACKOFF_MS`. */
export const BASE_BACKOFF_MS = 500;
/** Cap of the computed backoff (ms). */
export const MAX_BACKOFF_MS = 8_000;

/** Wait asked by a `Retry-After` / `retry-after-ms` header in ms, or null when absent or unparsable. */
export function retryAfterMs(headers: Headers | undefined | null, now: number = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = headers.get("retry-after");
  if (ra === null || ra.trim() === "") return null;
  if (/^\d+(\.\d+)?$/.test(ra.trim())) return Math.max(0, Number(ra) * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff for retry number `attempt` (0-based) in ms: 500 * 2^attempt, capped at 8 s, minus up to 25% jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
  return Math.round(base * (1 - random() * 0.25));
}

/** Kind of a failed call: `retry` (429, 408, 409, 5xx, connection error, timeout), `abort` (cancelled), `fatal` (anything else). */
export function classifyFailure(e: unknown, signal?: AbortSignal): "retry" | "abort" | "fatal" {
  if (signal?.aborted || e instanceof APIUserAbortError) return "abort";
  if (e instanceof APIConnectionError) return "retry";
  if (e instanceof APIError) {
    const s = e.status ?? 0;
    if (s === 429 || s === 408 || s === 409 || s >= 500) return "retry";
    return "fatal";
  }
  return "fatal";
}

/** Sleeps `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error("aborted"));
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
