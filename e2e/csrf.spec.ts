/**
 * CSRF and DNS rebinding against the built server: a page on another origin (127.0.0.2) fires no-cors and form
 * posts with `text/plain; charset=json` bodies at the app; through the API afterwards, no scene was created,
 * the victim scene has no new history and still exists. A request with a foreign Host header is refused (421),
 * and an unknown scene id is a typed 404 in the production bundle.
 */
import http from "node:http";
import { expect, test } from "@playwright/test";
import type { Scene } from "../lib/scene";
import { AttackerSite } from "./pages/attacker-site";

const site = new AttackerSite();

test.beforeAll(async () => {
  await site.start();
});

test.afterAll(async () => {
  await site.stop();
});

test("a page on another origin cannot create, edit, undo or delete scenes", async ({ page, request, baseURL }) => {
  const created = await request.post("/api/scenes", { data: { prompt: "a bedroom with a bed and a nightstand" } });
  expect(created.status()).toBe(202);
  const victim = ((await created.json()) as { scene: Scene }).scene;
  await expect
    .poll(async () => ((await (await request.get(`/api/scenes/${victim.id}`)).json()) as { scene: Scene }).scene.status, { timeout: 120_000 })
    .toBe("completed");
  const before = ((await (await request.get("/api/scenes")).json()) as { scenes: { id: string }[] }).scenes.map((s) => s.id);
  const historyBefore = ((await (await request.get(`/api/scenes/${victim.id}/history`)).json()) as { entries: unknown[] }).entries.length;

  const results = await site.attack(page, baseURL!.replace(/\/$/, ""), victim.id);
  expect(results, results.join("\n")).toHaveLength(7);
  // The CORS requests are stopped by the browser (no preflight grant); the no-cors ones reach the server and are refused there.
  expect(results.filter((r) => r.endsWith(": sent")).length).toBeGreaterThanOrEqual(5);

  const after = ((await (await request.get("/api/scenes")).json()) as { scenes: { id: string }[] }).scenes.map((s) => s.id);
  expect(after).toEqual(before);
  const victimNow = await request.get(`/api/scenes/${victim.id}`);
  expect(victimNow.status()).toBe(200);
  const historyAfter = ((await (await request.get(`/api/scenes/${victim.id}/history`)).json()) as { entries: unknown[] }).entries.length;
  expect(historyAfter).toBe(historyBefore);
});

test("the server refuses the same-shaped requests with typed errors", async ({ request }) => {
  const text = await request.post("/api/scenes", { headers: { "content-type": "text/plain; charset=json" }, data: JSON.stringify({ prompt: "a bedroom" }) });
  expect(text.status()).toBe(415);
  expect((await text.json()).error.code).toBe("unsupported_media");
  const foreign = await request.post("/api/scenes", { headers: { origin: site.origin }, data: { prompt: "a bedroom" } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("forbidden");
});

/** A raw HTTP request with an arbitrary Host header (the browser and Playwright's client set Host themselves). */
function rawGet(baseURL: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "GET", headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("a request with a foreign Host header (DNS rebinding) is refused with 421, for the API and pages", async ({ baseURL }) => {
  for (const path of ["/api/scenes", "/", "/api/health"]) {
    const res = await rawGet(baseURL!, path, "evil.example");
    expect(res.status, path).toBe(421);
    expect(JSON.parse(res.body).error.code, path).toBe("misdirected");
  }
  expect((await rawGet(baseURL!, "/api/scenes", new URL(baseURL!).host)).status).toBe(200);
});

test("an unknown scene id is a typed 404 in the production build", async ({ request }) => {
  for (const path of ["", "/events", "/history", "/export.py", "/room.glb"]) {
    const res = await request.get(`/api/scenes/00000000-0000-4000-8000-000000000000${path}`);
    expect(res.status(), path).toBe(404);
    expect((await res.json()).error.code, path).toBe("not_found");
  }
  const del = await request.delete("/api/scenes/00000000-0000-4000-8000-000000000000");
  expect(del.status()).toBe(404);
});
