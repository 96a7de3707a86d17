/**
 * Authentication, CSRF and Host checks through the real route handlers (callRoute): with ROOMCODE_AUTH_TOKEN
 * set, every route file's every handler refuses an unauthenticated call with 401 typed JSON; the Bearer token and
 * the sign-in cookie are accepted; foreign Origins, text bodies and foreign Host names are refused; other users'
 * scenes are 404.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { setTempDataDir } from "@/test/support/env";

const dataDir = setTempDataDir("roomcode-auth-");
const TOKEN = "test-token-0123456789abcdef";
process.env.ROOMCODE_AUTH_TOKEN = TOKEN;
const { callRoute, fillPattern, listRoutes } = await import("@/test/support/routes");
const { getStore } = await import("@/server/store");
const { NextRequest } = await import("next/server");

/** Routes callable without a session, by design. Health is guarded by proxy.ts, not by `handle`. */
const ANONYMOUS = new Set(["/api/auth/sign-in", "/api/auth/sign-out", "/api/auth/session", "/api/health"]);
const BEARER = { authorization: `Bearer ${TOKEN}` };

afterAll(() => {
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  process.env.ROOMCODE_AUTH_TOKEN = TOKEN;
});

function insertScene(id: string, owner?: string): void {
  getStore().scenes.insert({ id, title: "t", source: { kind: "prompt", prompt: "a room" }, engine: "offline", status: "completed", owner });
}

async function errorCode(res: Response): Promise<string | undefined> {
  return ((await res.json()) as { error?: { code?: string } }).error?.code;
}

describe("authentication", () => {
  it("every handler of every route file refuses an unauthenticated call with 401 unauthorized", async () => {
    insertScene("mine");
    const all = await listRoutes();
    expect(all.length).toBeGreaterThan(20);
    let checked = 0;
    for (const r of all) {
      if (ANONYMOUS.has(r.pattern)) continue;
      for (const method of r.methods) {
        const url = fillPattern(r.pattern, { id: "mine", oid: "bed-1", rev: "1" });
        const body = method === "GET" || method === "HEAD" ? {} : { json: {} };
        const res = await callRoute(method, url, body);
        expect(res.status, `${method} ${r.pattern}`).toBe(401);
        if (method !== "HEAD") expect(await errorCode(res), `${method} ${r.pattern}`).toBe("unauthorized");
        checked++;
      }
    }
    // The one route outside app/api that serves scene data.
    const sourceImage = (await import(path.resolve(__dirname, "../../app/scenes/[id]/source-image/route.ts"))) as { GET: (req: Request, ctx: unknown) => Promise<Response> };
    const res = await sourceImage.GET(new NextRequest("http://localhost:3000/scenes/mine/source-image"), { params: Promise.resolve({ id: "mine" }) });
    expect(res.status).toBe(401);
    expect(checked).toBeGreaterThanOrEqual(24);
  });

  it("accepts the Bearer token and refuses a wrong one", async () => {
    insertScene("bearer");
    expect((await callRoute("GET", "/api/scenes/bearer", { headers: BEARER })).status).toBe(200);
    const wrong = await callRoute("GET", "/api/scenes/bearer", { headers: { authorization: "Bearer nope-nope-nope-nope" } });
    expect(wrong.status).toBe(401);
  });

  it("signs in with the token: an HttpOnly, SameSite=Strict cookie that the API accepts", async () => {
    insertScene("cookie");
    const bad = await callRoute("POST", "/api/auth/sign-in", { json: { token: "wrong-token-wrong-token" }, headers: { origin: "http://localhost:3000" } });
    expect(bad.status).toBe(401);
    const res = await callRoute("POST", "/api/auth/sign-in", { json: { token: TOKEN }, headers: { origin: "http://localhost:3000" } });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^roomcode_session=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(";")[0];
    expect((await callRoute("GET", "/api/scenes/cookie", { headers: { cookie } })).status).toBe(200);
    // A state-changing call with the cookie needs a same-origin Origin (a browser always sends one).
    expect((await callRoute("POST", "/api/scenes/cookie/undo", { headers: { cookie } })).status).toBe(403);
    expect((await callRoute("POST", "/api/scenes/cookie/undo", { headers: { cookie, origin: "http://localhost:3000" } })).status).toBe(409);
    // A forged or tampered cookie is not a session.
    expect((await callRoute("GET", "/api/scenes/cookie", { headers: { cookie: cookie.slice(0, -3) + "abc" } })).status).toBe(401);
    const session = await callRoute("GET", "/api/auth/session", { headers: { cookie } });
    expect(await session.json()).toEqual({ authRequired: true, userId: "designer" });
  });

  it("hides other users' scenes: 404 on every route, absent from the list", async () => {
    insertScene("theirs", "someone-else");
    const res = await callRoute("GET", "/api/scenes/theirs", { headers: BEARER });
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe("not_found");
    expect((await callRoute("DELETE", "/api/scenes/theirs", { headers: BEARER })).status).toBe(404);
    expect(getStore().scenes.exists("theirs")).toBe(true);
    const list = (await (await callRoute("GET", "/api/scenes", { headers: BEARER })).json()) as { scenes: { id: string }[] };
    expect(list.scenes.map((s) => s.id)).not.toContain("theirs");
    expect(list.scenes.map((s) => s.id)).toContain("bearer");
  });
});

describe("CSRF and DNS rebinding", () => {
  it("refuses a text/plain;charset=json POST (415), a foreign Origin (403) and a null Origin (403)", async () => {
    process.env.ROOMCODE_AUTH_TOKEN = "";
    const before = getStore().scenes.list(500).length;
    const text = await callRoute("POST", "/api/scenes", { body: JSON.stringify({ prompt: "a bedroom" }), headers: { "content-type": "text/plain; charset=json" } });
    expect(text.status).toBe(415);
    expect(await errorCode(text)).toBe("unsupported_media");
    const form = await callRoute("POST", "/api/scenes", { body: "prompt=a+bedroom", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const foreign = await callRoute("POST", "/api/scenes", { json: { prompt: "a bedroom" }, headers: { origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(await errorCode(foreign)).toBe("forbidden");
    const otherPort = await callRoute("POST", "/api/scenes", { json: { prompt: "a bedroom" }, headers: { origin: "http://localhost:8080" } });
    expect(otherPort.status).toBe(403);
    expect((await callRoute("POST", "/api/scenes", { json: { prompt: "a bedroom" }, headers: { origin: "null" } })).status).toBe(403);
    const crossSite = await callRoute("POST", "/api/scenes", { json: { prompt: "a bedroom" }, headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    expect(getStore().scenes.list(500).length).toBe(before);
  });

  it("refuses a foreign Host header with 421 misdirected, on reads too", async () => {
    process.env.ROOMCODE_AUTH_TOKEN = "";
    insertScene("rebind");
    for (const [method, url] of [
      ["GET", "/api/scenes"],
      ["GET", "/api/scenes/rebind"],
      ["DELETE", "/api/scenes/rebind"],
    ] as const) {
      const res = await callRoute(method, url, { headers: { host: "evil.example:3000" } });
      expect(res.status, `${method} ${url}`).toBe(421);
      expect(await errorCode(res)).toBe("misdirected");
    }
    expect(getStore().scenes.exists("rebind")).toBe(true);
    expect((await callRoute("GET", "/api/scenes/rebind", { headers: { host: "127.0.0.1:3000" } })).status).toBe(200);
    process.env.ROOMCODE_ALLOWED_HOSTS = "studio.example";
    try {
      expect((await callRoute("GET", "/api/scenes/rebind", { headers: { host: "studio.example" } })).status).toBe(200);
    } finally {
      delete process.env.ROOMCODE_ALLOWED_HOSTS;
    }
  });
});
