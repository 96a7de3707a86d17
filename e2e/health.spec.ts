/** The built server reports a real Blender (3.4+), a warm pool, the sandbox state and the offline engine. */
import { expect, test } from "@playwright/test";

test("GET /api/health reports a real Blender 3.4 or newer and the offline engine", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.ok).toBe(true);
  expect(body.blender.found).toBe(true);
  const [major, minor] = String(body.blender.version).split(".").map(Number);
  expect(major * 100 + minor).toBeGreaterThanOrEqual(304);
  expect(body.blender.path).toMatch(/blender/);
  expect(body.engine.name).toBe("offline");
  expect(body.pool.size).toBe(2);
  expect(typeof body.sandbox.enabled).toBe("boolean");
  if (!body.sandbox.enabled) expect(body.sandbox.reason).toBeTruthy();
  expect(body.dataDir).toContain("e2e-data");
});

test("the home page shows the health state", async ({ page }) => {
  await page.goto("/");
  const health = page.getByTestId("health");
  await expect(health).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("health-blender")).toContainText(/\d+\.\d+/);
  await expect(page.getByTestId("health-engine")).toContainText("offline");
  await expect(page.getByTestId("health-store")).toContainText(/SQLite at .*roomcode\.sqlite/);
});
