/**
 * In-process dispatch to the real `app/api/**\/route.ts` handlers, so integration tests exercise the routes
 * without a Next build. The URL path is matched against the folder structure (`[param]` and `[...rest]`
 * segments); the handler receives a real NextRequest and `{ params: Promise<...> }` as Next 16 passes it.
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";

const API_ROOT = path.resolve(__dirname, "../../app/api");

type Segment = { kind: "static"; name: string } | { kind: "param"; name: string } | { kind: "catchAll"; name: string };
interface RouteFile {
  file: string;
  segments: Segment[];
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

let cache: RouteFile[] | null = null;

function scan(dir: string, prefix: Segment[], out: RouteFile[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const name = entry.name;
      // Route groups `(group)` do not add a URL segment; private folders `_x` are not routes.
      if (name.startsWith("_")) continue;
      let seg: Segment | null;
      if (/^\(.*\)$/.test(name)) seg = null;
      else if (/^\[\.\.\.(.+)\]$/.test(name)) seg = { kind: "catchAll", name: name.slice(4, -1) };
      else if (/^\[(.+)\]$/.test(name)) seg = { kind: "param", name: name.slice(1, -1) };
      else seg = { kind: "static", name };
      scan(path.join(dir, name), seg ? [...prefix, seg] : prefix, out);
    } else if (entry.name === "route.ts" || entry.name === "route.tsx") {
      out.push({ file: path.join(dir, entry.name), segments: prefix });
    }
  }
}

function routes(): RouteFile[] {
  if (!cache) {
    const out: RouteFile[] = [];
    scan(API_ROOT, [{ kind: "static", name: "api" }], out);
    // Static segments win over params, params over catch-alls (Next's precedence).
    const rank = (r: RouteFile) => r.segments.map((s) => (s.kind === "static" ? "0" : s.kind === "param" ? "1" : "2")).join("");
    out.sort((a, b) => rank(a).localeCompare(rank(b)));
    cache = out;
  }
  return cache;
}

/** HTTP methods a route module may export. */
export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/** One `app/api/**\/route.ts` file: its absolute path, its URL pattern (`/api/scenes/[id]/...`) and exported methods. */
export interface RouteInfo {
  file: string;
  pattern: string;
  methods: string[];
}

/** Every API route file with the methods it exports (imports each module). */
export async function listRoutes(): Promise<RouteInfo[]> {
  const out: RouteInfo[] = [];
  for (const r of routes()) {
    const mod = (await import(r.file)) as Record<string, unknown>;
    const pattern = "/" + r.segments.map((s) => (s.kind === "static" ? s.name : s.kind === "param" ? `[${s.name}]` : `[...${s.name}]`)).join("/");
    out.push({ file: r.file, pattern, methods: ROUTE_METHODS.filter((m) => typeof mod[m] === "function") });
  }
  return out;
}

/** A URL for a route pattern with every `[param]` replaced by `values[param]` (or `fallback`), URL-encoded. */
export function fillPattern(pattern: string, values: Record<string, string>, fallback = "x"): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) => encodeURIComponent(values[name] ?? fallback));
}

function match(route: RouteFile, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  let i = 0;
  for (const seg of route.segments) {
    if (seg.kind === "catchAll") {
      if (i >= parts.length) return null;
      params[seg.name] = parts.slice(i);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.kind === "static" && seg.name !== part) return null;
    if (seg.kind === "param") params[seg.name] = part;
    i += 1;
  }
  return i === parts.length ? params : null;
}

/**
 * Call the route handler matching `method` and `url` (path or absolute URL) in process.
 * `json` is sent as an application/json body; `body` as is (FormData, string, bytes).
 * Returns the handler's Response; a path without a route gives 404 and a missing method 405, as Next does.
 */
export async function callRoute(
  method: string,
  url: string,
  init?: { json?: unknown; body?: BodyInit; headers?: Record<string, string> },
): Promise<Response> {
  const full = new URL(url, "http://localhost:3000");
  const parts = full.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  for (const route of routes()) {
    const params = match(route, parts);
    if (!params) continue;
    const mod = (await import(route.file)) as Record<string, unknown>;
    const handler = mod[method.toUpperCase()] as Handler | undefined;
    if (typeof handler !== "function") return new Response(null, { status: 405 });
    const headers = new Headers(init?.headers ?? {});
    let body: BodyInit | undefined = init?.body;
    if (init?.json !== undefined) {
      body = JSON.stringify(init.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const req = new NextRequest(full, { method: method.toUpperCase(), headers, body, ...(body ? { duplex: "half" } : {}) } as ConstructorParameters<typeof NextRequest>[1]);
    return await handler(req, { params: Promise.resolve(params) });
  }
  return new Response(null, { status: 404 });
}

/** Read an SSE response body into parsed events until it closes or `until(event)` returns true. */
export async function readSse(
  res: Response,
  opts: { until?: (e: { id: string | null; event: string; data: string }) => boolean; timeoutMs?: number } = {},
): Promise<{ id: string | null; event: string; data: string }[]> {
  const events: { id: string | null; event: string; data: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  try {
    while (Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let idx: number;
      while ((idx = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, idx);
        buf = buf.slice(idx + 2);
        let id: string | null = null;
        let event = "message";
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) continue;
          if (line.startsWith("id:")) id = line.slice(3).trim();
          else if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        }
        if (data.length === 0 && id === null) continue;
        const e = { id, event, data: data.join("\n") };
        events.push(e);
        if (opts.until?.(e)) return events;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return events;
}
