/**
 * Shared-token mode against the built app, started by `scripts/serve.mjs` (the `npm start` path) on its own port
 * with ROOMCODE_AUTH_TOKEN: pages redirect to /sign-in, a wrong token is refused, the right one sets the session
 * cookie and the editor's own API calls work; the API refuses callers without it. Also: serve.mjs refuses to
 * listen on 0.0.0.0 without a token.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.E2E_AUTH_PORT ?? 3108);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TOKEN = "e2e-shared-token-0123456789";
const dataDir = path.join(ROOT, "test-results/e2e-auth-data");
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), ROOMCODE_AUTH_TOKEN: TOKEN, ROOMCODE_DATA_DIR: dataDir, ROOMCODE_ENGINE: "offline", ROOMCODE_WORKERS: "1" },
    stdio: "ignore",
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${ORIGIN}/api/auth/session`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the auth server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("pages redirect to sign-in; the token signs in; the API needs the session", async ({ page }) => {
  expect((await fetch(`${ORIGIN}/api/scenes`)).status).toBe(401);
  await page.goto(`${ORIGIN}/`);
  const signIn = new SignInPage(page);
  await signIn.expectShown();
  await signIn.signIn("not-the-token-at-all");
  await expect(signIn.error()).toBeVisible();
  await signIn.signIn(TOKEN);
  await expect(page).toHaveURL(`${ORIGIN}/`);
  await expect(page.getByTestId("create-submit")).toBeVisible();
  const cookies = await page.context().cookies(ORIGIN);
  const session = cookies.find((c) => c.name === "roomcode_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Strict");
  // The page's own same-origin calls carry the cookie.
  const status = await page.evaluate(async () => (await fetch("/api/scenes")).status);
  expect(status).toBe(200);
  expect((await fetch(`${ORIGIN}/api/scenes`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
});

test("serve.mjs refuses to listen on 0.0.0.0 without a token", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: "0.0.0.0", PORT: String(PORT + 1) };
  delete env.ROOMCODE_AUTH_TOKEN;
  const r = spawnSync(process.execPath, ["scripts/serve.mjs"], { cwd: ROOT, env, encoding: "utf8", timeout: 30_000 });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/refusing to listen on 0\.0\.0\.0.*ROOMCODE_AUTH_TOKEN/);
});
