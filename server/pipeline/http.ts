import "server-only";
/**
 * Route plumbing shared by the `app/api/**` handlers: the request guard (Host, CSRF, authentication, scene
 * ownership) before every handler, AppError -> `{error:{code,message,details}}` with its HTTP status, JSON body
 * reading with a streamed size limit, zod parsing into AppError `validation`, and file responses.
 */
import fs from "node:fs";
import type { z } from "zod";
import { AppError, APP_ERROR_STATUS, diskFullError, isAppError } from "../../lib/errors";
import { guardRequest } from "../auth/guard";
import { setRequestUser } from "../auth/identity";
import { getStore } from "../store";
import { MAX_JSON_BYTES, readJsonLimited } from "./request-body";

/**
 * The JSON error response of an error: an AppError (recognised by shape) keeps its code and status, a full disk
 * (ENOSPC, SQLITE_FULL) becomes 507 `disk_full`, anything else is a logged 500 `internal`.
 */
export function errorResponse(e: unknown): Response {
  const known = isAppError(e) ? e : diskFullError(e);
  if (known) {
    const body = { error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) } };
    return Response.json(body, { status: APP_ERROR_STATUS[known.code], headers: { "Cache-Control": "no-store" } });
  }
  console.error("route: unexpected error:", e);
  const wrapped = new AppError("internal", "Something went wrong on the server.", { reason: e instanceof Error ? e.message : String(e) });
  return Response.json(wrapped.toJSON(), { status: 500, headers: { "Cache-Control": "no-store" } });
}

/** Options of `handle`: `anonymous` routes (sign-in) run without an authenticated user. */
export interface HandleOptions {
  anonymous?: boolean;
}

type RouteCtx = { params?: Promise<Record<string, string | string[] | undefined>> };

/** Throws AppError `not_found` unless the scene `id` exists and belongs to `userId` (other users' scenes look absent). */
function assertSceneVisible(id: string, userId: string): void {
  const owner = getStore().scenes.ownerOf(id);
  if (owner === null || owner !== userId) throw new AppError("not_found", `Scene ${JSON.stringify(id.slice(0, 80))} does not exist.`, { sceneId: id.slice(0, 80) });
}

/**
 * Wrap a route handler: run the request guard (`server/auth/guard.ts`: Host allowlist, Origin and body type of
 * state-changing requests, authentication), check that a `[id]` scene of `/api/scenes/:id/**` or `/scenes/:id/**`
 * exists and is the caller's, then call `fn`; thrown errors become typed JSON error responses.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>, opts: HandleOptions = {}): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      const req = args[0] as Request;
      const { userId } = await guardRequest(req, opts);
      if (userId !== null) {
        setRequestUser(req, userId);
        const params = await (args[1] as RouteCtx | undefined)?.params;
        const id = params?.id;
        if (typeof id === "string" && /^\/(api\/)?scenes\//.test(new URL(req.url).pathname)) assertSceneVisible(id, userId);
      }
      return await fn(...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Read a request's JSON body (at most `limit` bytes, default 2 MiB, cut off as it streams in); throws AppError `payload_too_large`, `bad_request`. */
export async function readJson(req: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  return readJsonLimited(req, limit);
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
