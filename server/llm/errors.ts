import "server-only";
/**
 * Failure mapping of the model door: every failure becomes a redacted AppError `model_error` whose details say
 * what happened (stage, HTTP status, attempts, timeout, cancelled); plus the concurrency limiter.
 */
import { APIConnectionTimeoutError, APIError } from "openai";
import { AppError } from "../../lib/errors";
import { redactSecrets } from "./redact";
import { classifyFailure } from "./retry";

/** The AppError of a cancelled call. */
export function cancelled(stage: string): AppError {
  return new AppError("model_error", `engine: ${stage}: model call cancelled`, { stage, cancelled: true });
}

/** Wraps any failure of a model call into a redacted AppError `model_error`. */
export function toAppError(e: unknown, stage: string, attempts: number, signal?: AbortSignal): AppError {
  if (e instanceof AppError) return e;
  if (classifyFailure(e, signal) === "abort") {
    return cancelled(stage);
  }
  if (e instanceof APIConnectionTimeoutError) {
    return new AppError("model_error", `engine: ${stage}: the model did not answer in time (${attempts} attempt${attempts === 1 ? "" : "s"})`, {
      stage,
      attempts,
      timeout: true,
    });
  }
  if (e instanceof APIError) {
    const status = e.status ?? null;
    const what = status === 401 ? "rejected the API key" : status ? `answered ${status}` : "could not be reached";
    return new AppError("model_error", redactSecrets(`engine: ${stage}: the model server ${what}: ${e.message} (${attempts} attempt${attempts === 1 ? "" : "s"})`), {
      stage,
      status,
      attempts,
    });
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new AppError("model_error", redactSecrets(`engine: ${stage}: ${msg}`), { stage, attempts });
}

/** A counting semaphore for the concurrency limit. */
export function semaphore(limit: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <R>(fn: () => Promise<R>): Promise<R> => {
    if (active >= limit) await new Promise<void>((r) => queue.push(r));
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

/** True when a failed call says the server does not accept `response_format: json_schema` (400/422/501 naming it). */
export function isSchemaUnsupported(e: unknown): boolean {
  if (!(e instanceof AppError)) return false;
  const status = e.details?.status;
  if (status !== 400 && status !== 422 && status !== 501) return false;
  return /response_format|json_schema|structured|schema/i.test(e.message);
}
