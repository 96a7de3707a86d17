import "server-only";
/**
 * Route plumbing shared by the `app/api/**` handlers: AppError -> `{error:{code,message,details}}` with its HTTP
 * status, JSON body reading, zod parsing into AppError `validation`, and file responses.
 */
import fs from "node:fs";
import type { z } from "zod";
import { AppError, isAppError } from "../../lib/errors";

/** The JSON error response of an error (AppError keeps its code/status; anything else is a logged 500 `internal`). */
export function errorResponse(e: unknown): Response {
  if (isAppError(e)) return Response.json(e.toJSON(), { status: e.status, headers: { "Cache-Control": "no-store" } });
  console.error("route: unexpected error:", e);
  const wrapped = new AppError("internal", "Something went wrong on the server.", { reason: e instanceof Error ? e.message : String(e) });
  return Response.json(wrapped.toJSON(), { status: 500, headers: { "Cache-Control": "no-store" } });
}

/** Wrap a route handler so that thrown errors become typed JSON error responses. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Read a request's JSON body; throws AppError `bad_request` when it is not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

/** Parse `value` with a zod schema; throws AppError `validation` listing the issues (path and message). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 10).map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("validation", `Invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`, { issues });
}

/** Response streaming a file with a content type and extra headers; throws AppError `not_found` when it is missing. */
export async function fileResponse(file: string, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch {
    throw new AppError("not_found", "The file does not exist.");
  }
  return new Response(new Uint8Array(data), { status: 200, headers: { "Content-Type": contentType, "Content-Length": String(data.length), ...headers } });
}

/** Cache-Control for content addressed by revision (never changes). */
export const IMMUTABLE = "public, max-age=31536000, immutable";
