import "server-only";
/**
 * Request bodies read as they arrive, cut off at their limit without buffering the rest: JSON (counted bytes,
 * with or without Content-Length) and multipart forms (busboy with per-part limits). A body over its limit
 * stops the read and throws AppError `payload_too_large` (413).
 */
import busboy from "busboy";
import { AppError } from "../../lib/errors";

/** Largest JSON body (bytes): 2 MiB, room for a 512 KB program source after JSON escaping. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;
/** Largest multipart body (bytes): 40 MiB (the image inside it is limited to 20 MiB by `maxFileBytes`). */
export const MAX_MULTIPART_BYTES = 40 * 1024 * 1024;

function tooLarge(what: string, limit: number, extra: Record<string, unknown> = {}): AppError {
  return new AppError("payload_too_large", `The ${what} is larger than ${(limit / 1048576).toFixed(limit < 1048576 ? 2 : 0)} MB.`, { limit, ...extra });
}

function declaredLength(req: Request): number | null {
  const v = req.headers.get("content-length");
  if (v === null || !/^\d+$/.test(v.trim())) return null;
  return Number(v);
}

/**
 * Read the whole body as bytes, at most `limit` of them; throws `payload_too_large` as soon as the declared
 * length or the bytes received pass the limit (the rest of the stream is cancelled, never read).
 */
export async function readBodyLimited(req: Request, limit: number, what = "request body"): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(what, limit, { bytes: declared });
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw tooLarge(what, limit);
      chunks.push(value);
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    throw e;
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/** Read a JSON body of at most `limit` bytes; `{}` when empty. Throws AppError `payload_too_large`, `bad_request` (not JSON). */
export async function readJsonLimited(req: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const text = (await readBodyLimited(req, limit, "JSON body")).toString("utf8");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

/** Resolves when the writable drains, or errors/closes (so that a broken parser never leaves the read hanging). */
function drained(w: NodeJS.WritableStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      w.off("drain", done);
      w.off("error", done);
      w.off("close", done);
      resolve();
    };
    w.on("drain", done);
    w.on("error", done);
    w.on("close", done);
  });
}

/** Limits of `readMultipartForm` (bytes and counts). */
export interface MultipartLimits {
  maxBodyBytes: number;
  maxFileBytes: number;
  /** Largest text field (bytes). */
  maxFieldBytes: number;
  maxFields: number;
  maxFiles: number;
}

const DEFAULT_LIMITS: MultipartLimits = { maxBodyBytes: MAX_MULTIPART_BYTES, maxFileBytes: 20 * 1024 * 1024, maxFieldBytes: 128 * 1024, maxFields: 20, maxFiles: 1 };

/**
 * Parse a `multipart/form-data` body with busboy into a FormData (files as File), stopping at the first limit
 * passed. Throws AppError `payload_too_large` (body, file, field or part count over the limit), `bad_request`
 * (malformed multipart, missing boundary).
 */
export async function readMultipartForm(req: Request, limits: Partial<MultipartLimits> = {}): Promise<FormData> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const declared = declaredLength(req);
  if (declared !== null && declared > lim.maxBodyBytes) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge("upload", lim.maxBodyBytes, { bytes: declared });
  }
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": req.headers.get("content-type") ?? "" },
      limits: { fileSize: lim.maxFileBytes, fieldSize: lim.maxFieldBytes, fields: lim.maxFields, files: lim.maxFiles, parts: lim.maxFields + lim.maxFiles },
    });
  } catch (e) {
    throw new AppError("bad_request", "The multipart body could not be read.", { reason: e instanceof Error ? e.message : String(e) });
  }
  const form = new FormData();
  let failure: AppError | null = null;
  const fail = (e: AppError) => {
    failure ??= e;
  };
  const pending: Promise<void>[] = [];
  bb.on("field", (name, value, info) => {
    if (info.valueTruncated) fail(tooLarge(`form field ${JSON.stringify(name.slice(0, 40))}`, lim.maxFieldBytes));
    else form.append(name, value);
  });
  bb.on("file", (name, stream, info) => {
    const chunks: Buffer[] = [];
    pending.push(
      new Promise<void>((resolve) => {
        stream.on("data", (c: Buffer) => {
          if (!failure) chunks.push(c);
        });
        stream.on("limit", () => {
          fail(tooLarge("image", lim.maxFileBytes));
          chunks.length = 0;
        });
        stream.on("close", resolve);
        stream.on("error", () => resolve());
        stream.on("end", () => {
          if (!failure) form.append(name, new File([Buffer.concat(chunks) as Uint8Array<ArrayBuffer>], info.filename ?? "upload", { type: info.mimeType }));
          chunks.length = 0;
          resolve();
        });
      }),
    );
  });
  bb.on("partsLimit", () => fail(tooLarge("form (too many parts)", lim.maxBodyBytes)));
  bb.on("filesLimit", () => fail(new AppError("payload_too_large", `The form has more than ${lim.maxFiles} file(s).`, { maxFiles: lim.maxFiles })));
  bb.on("fieldsLimit", () => fail(new AppError("payload_too_large", `The form has more than ${lim.maxFields} fields.`, { maxFields: lim.maxFields })));
  const finished = new Promise<void>((resolve) => {
    bb.on("close", resolve);
    bb.on("error", (e: unknown) => {
      fail(new AppError("bad_request", "The multipart body could not be read.", { reason: e instanceof Error ? e.message : String(e) }));
      resolve();
    });
  });

  const reader = req.body?.getReader();
  let total = 0;
  try {
    while (reader && !failure) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > lim.maxBodyBytes) {
        fail(tooLarge("upload", lim.maxBodyBytes));
        break;
      }
      // Respect busboy's backpressure so that parsed parts never pile up in memory.
      if (!bb.write(value)) await drained(bb);
    }
    if (!failure) {
      bb.end();
      await finished;
      await Promise.all(pending);
    }
  } finally {
    if (failure) {
      await reader?.cancel().catch(() => {});
      bb.destroy();
    }
    reader?.releaseLock();
  }
  if (failure) throw failure;
  return form;
}
