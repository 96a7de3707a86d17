/**
 * Unknown ids are 404 `not_found` typed JSON on every route: every handler of every route file with a random
 * unknown scene id, and every object route of an existing scene with an unknown object id.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir("roomcode-not-found-");
const { callRoute, fillPattern, listRoutes } = await import("@/test/support/routes");
const { getStore } = await import("@/server/store");
const { NextRequest } = await import("next/server");

afterAll(() => {
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A plausible body per route, so that a 404 is not masked by a 400 for bad input. */
function bodyFor(method: string, pattern: string): { json?: unknown } {
  if (method === "GET" || method === "HEAD" || method === "DELETE") return {};
  if (pattern.endsWith("/program")) return { json: { source: '"""Box."""\nimport bpy\n\nPARAMS = {"width": 1.0}\n\ndef build(p):\n    return []\n' } };
  if (pattern.endsWith("/edits")) return { json: { instruction: "make the bed blue" } };
  if (pattern.endsWith("/structure")) return { json: { ops: [] } };
  if (pattern.endsWith("/objects/[oid]")) return { json: { hidden: true } };
  return { json: {} };
}

async function expectNotFound(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBe(404);
  if (res.headers.get("content-type")?.includes("json")) {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    expect(body.error?.code, what).toBe("not_found");
    expect(body.error?.message, what).toBeTruthy();
  } else {
    expect.fail(`${what}: 404 without a typed JSON body`);
  }
}

const QUERY: Record<string, string> = { "/revisions/diff": "?from=1&to=2", "model.glb": "?rev=1", "program.py": "?rev=1", "room.glb": "?rev=1" };

function urlFor(pattern: string, values: Record<string, string>): string {
  const q = Object.entries(QUERY).find(([k]) => pattern.endsWith(k))?.[1] ?? "";
  return fillPattern(pattern, values) + q;
}

describe("unknown ids", () => {
  it("every handler with a random unknown scene id answers 404 not_found", async () => {
    const routes = (await listRoutes()).filter((r) => r.pattern.includes("[id]"));
    expect(routes.length).toBeGreaterThan(15);
    let n = 0;
    for (const r of routes) {
      for (const method of r.methods) {
        if (method === "HEAD") continue;
        const url = urlFor(r.pattern, { id: randomUUID(), oid: "bed-1", rev: "1" });
        await expectNotFound(await callRoute(method, url, bodyFor(method, r.pattern)), `${method} ${r.pattern}`);
        n++;
      }
    }
    const sourceImage = (await import(path.resolve(__dirname, "../../app/scenes/[id]/source-image/route.ts"))) as { GET: (req: Request, ctx: unknown) => Promise<Response> };
    const id = randomUUID();
    await expectNotFound(await sourceImage.GET(new NextRequest(`http://localhost:3000/scenes/${id}/source-image`), { params: Promise.resolve({ id }) }), "GET source-image");
    expect(n).toBeGreaterThanOrEqual(20);
  });

  it("every object route of an existing scene with an unknown object id answers 404 not_found", async () => {
    const id = randomUUID();
    getStore().scenes.insert({ id, title: "t", source: { kind: "prompt", prompt: "a room" }, engine: "offline", status: "completed" });
    const routes = (await listRoutes()).filter((r) => r.pattern.includes("[oid]"));
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const r of routes) {
      for (const method of r.methods) {
        if (method === "HEAD") continue;
        const url = urlFor(r.pattern, { id, oid: `nope-${randomUUID().slice(0, 8)}`, rev: "1" });
        await expectNotFound(await callRoute(method, url, bodyFor(method, r.pattern)), `${method} ${r.pattern} (unknown object)`);
      }
    }
  });
});
