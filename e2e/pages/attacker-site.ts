/**
 * A foreign web site for CSRF tests: a real HTTP server on another loopback address (127.0.0.2, a different
 * origin and site than the app at 127.0.0.1) serving one page whose scripts attack the app the ways a browser
 * allows a foreign page to: no-cors `fetch` with `text/plain; charset=json`, a `text/plain` form post, and a
 * CORS JSON request (which needs a preflight the app never grants).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";

const PAGE = `<!doctype html><html><body>
<iframe name="sink" id="sink"></iframe>
<form id="form" method="POST" enctype="text/plain" target="sink"><input id="field" type="hidden"></form>
<script>
  async function attack(app, sceneId) {
    const results = [];
    const run = async (name, fn) => {
      try { await fn(); results.push(name + ": sent"); } catch (e) { results.push(name + ": " + e); }
    };
    const prompt = JSON.stringify({ prompt: "a bedroom planted by another site" });
    await run("no-cors text/plain;charset=json create", () =>
      fetch(app + "/api/scenes", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain; charset=json" }, body: prompt }));
    await run("no-cors default text body create", () => fetch(app + "/api/scenes", { method: "POST", mode: "no-cors", body: prompt }));
    await run("no-cors edit", () =>
      fetch(app + "/api/scenes/" + sceneId + "/edits", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain; charset=json" }, body: JSON.stringify({ instruction: "remove the bed" }) }));
    await run("no-cors undo", () => fetch(app + "/api/scenes/" + sceneId + "/undo", { method: "POST", mode: "no-cors" }));
    await run("cors json create", () =>
      fetch(app + "/api/scenes", { method: "POST", headers: { "content-type": "application/json" }, body: prompt }));
    await run("cors delete", () => fetch(app + "/api/scenes/" + sceneId, { method: "DELETE" }));
    const form = document.getElementById("form");
    const field = document.getElementById("field");
    // A text/plain form body "{"prompt":"x","pad":"=..."}" parses as JSON when the server ignores the type.
    field.name = '{"prompt":"a kitchen from a form","pad":"';
    field.value = '"}';
    form.action = app + "/api/scenes";
    await run("form text/plain create", () => new Promise((resolve) => { document.getElementById("sink").onload = resolve; form.submit(); setTimeout(resolve, 3000); }));
    return results;
  }
</script></body></html>`;

/** The attacker's site: start it, open its page in a browser tab, run the attacks. */
export class AttackerSite {
  private server: http.Server | null = null;
  origin = "";

  /** Serve the attack page on 127.0.0.2 (an ephemeral port); resolves with the site's origin. */
  async start(): Promise<string> {
    this.server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.2", resolve));
    this.origin = `http://127.0.0.2:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  /** Open the attack page in `page` and fire every attack at `appOrigin` (targeting `sceneId`); returns what the page could send. */
  async attack(page: Page, appOrigin: string, sceneId: string): Promise<string[]> {
    await page.goto(`${this.origin}/attack.html`);
    return page.evaluate(([app, id]) => (window as unknown as { attack: (a: string, s: string) => Promise<string[]> }).attack(app, id), [appOrigin, sceneId] as const);
  }

  /** Stop the server. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
