/**
 * Typed application errors and a Result type (after ai-chatbot's ChatSDKError and tldraw's Result).
 * Every expected failure crosses an API boundary as an AppError with a code from a closed union.
 */

/** Closed union of error codes. */
export type AppErrorCode =
  | "bad_request"
  | "validation"
  | "empty_prompt"
  | "prompt_too_long"
  | "unsupported_media"
  | "payload_too_large"
  | "image_invalid"
  | "not_found"
  | "conflict"
  | "busy"
  | "ambiguous"
  | "unsupported_edit"
  | "nothing_to_undo"
  | "superseded"
  | "policy"
  | "build_failed"
  | "blender_missing"
  | "runner_unavailable"
  | "model_error"
  | "unauthorized"
  | "forbidden"
  | "misdirected"
  | "disk_full"
  | "internal";

/** HTTP status for each error code. */
export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  empty_prompt: 400,
  prompt_too_long: 413,
  unsupported_media: 415,
  payload_too_large: 413,
  image_invalid: 422,
  not_found: 404,
  conflict: 409,
  busy: 409,
  ambiguous: 422,
  unsupported_edit: 422,
  nothing_to_undo: 409,
  superseded: 409,
  policy: 422,
  build_failed: 422,
  blender_missing: 503,
  runner_unavailable: 503,
  model_error: 502,
  unauthorized: 401,
  forbidden: 403,
  misdirected: 421,
  disk_full: 507,
  internal: 500,
};

/** An expected failure with a code, a message a designer can read, and optional details for the technical fold. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }

  /** JSON body sent to clients: `{error: {code, message, details?}}`. */
  toJSON(): { error: { code: AppErrorCode; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/**
 * Type guard for AppError by shape (`name === "AppError"` and a known `code`), not `instanceof`: Next bundles
 * may hold several copies of this module, and an error thrown by one copy must still be recognised by another.
 */
export function isAppError(e: unknown): e is AppError {
  if (typeof e !== "object" || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === "AppError" && typeof code === "string" && Object.hasOwn(APP_ERROR_STATUS, code);
}

/**
 * The AppError `disk_full` (507) for a full-disk failure: a Node error with code `ENOSPC` or `EDQUOT`, or SQLite's
 * `SQLITE_FULL`, also when wrapped as another error's `cause`; null for anything else.
 */
export function diskFullError(e: unknown): AppError | null {
  for (let cur: unknown = e, depth = 0; typeof cur === "object" && cur !== null && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (code === "ENOSPC" || code === "EDQUOT" || code === "SQLITE_FULL") {
      return new AppError("disk_full", "The server's disk is full; free some space and try again.", { cause: code, reason: cur instanceof Error ? cur.message.slice(0, 300) : null });
    }
  }
  return null;
}

/** Result of an operation that can fail in an expected way. */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** Build a success Result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Build a failure Result. */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Throws for a value that should be impossible; use in the default branch of an exhaustive switch. */
export function exhaustiveSwitchError(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
