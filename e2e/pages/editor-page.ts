/** Page object for the scene editor (`/scenes/:id`); reads the scene state the page exposes on its root. */
import fs from "node:fs";
import path from "node:path";
import { expect, type Download, type Locator, type Page } from "@playwright/test";
import { STAGES, type Scene } from "../../lib/scene";

/** Folder for the screenshots a person can look at after a run. */
export const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");

/** Editor actions and state. */
export class EditorPage {
  readonly root: Locator;

  /** `query` is appended to the editor's URL (e.g. "?e2e=1" for the preview's test probe). */
  constructor(
    readonly page: Page,
    readonly query = "",
  ) {
    this.root = page.getByTestId("editor");
  }

  /** Create a scene from `prompt` through POST /api/scenes (202) and open its editor; returns the created scene. */
  async create(prompt: string): Promise<Scene> {
    const res = await this.page.request.post("/api/scenes", { data: { prompt } });
    expect(res.status()).toBe(202);
    const { scene } = (await res.json()) as { scene: Scene };
    await this.goto(scene.id);
    return scene;
  }

  /** Create a scene from `prompt`, open it and wait until it is completed and every object is shown; returns the scene then. */
  async createBuilt(prompt: string): Promise<Scene> {
    await this.create(prompt);
    await this.waitForStatus("completed");
    await this.waitForAllObjectsShown();
    return this.fetchScene();
  }

  /** Open a scene's editor. */
  async goto(id: string): Promise<void> {
    await this.page.goto(`/scenes/${encodeURIComponent(id)}${this.query}`);
    await expect(this.root).toBeVisible();
  }

  /** The scene id shown. */
  async sceneId(): Promise<string> {
    return (await this.root.getAttribute("data-scene-id")) ?? "";
  }

  /** Wait until the scene reaches `status` (completed by default). */
  async waitForStatus(status = "completed", timeout = 170_000): Promise<void> {
    await expect(this.root).toHaveAttribute("data-scene-status", status, { timeout });
  }

  /** Wait until every object of the scene is shown in the preview at its current GLB revision; returns the count. */
  async waitForAllObjectsShown(timeout = 90_000): Promise<number> {
    await expect
      .poll(
        async () => {
          const total = Number(await this.root.getAttribute("data-objects-total"));
          const built = Number(await this.root.getAttribute("data-objects-built"));
          return total > 0 && built === total;
        },
        { timeout },
      )
      .toBe(true);
    return Number(await this.root.getAttribute("data-objects-total"));
  }

  /** Each stage's displayed state. */
  async stageStates(): Promise<Record<string, string | null>> {
    const out: Record<string, string | null> = {};
    for (const s of STAGES) out[s] = await this.page.getByTestId(`stage-${s}`).getAttribute("data-state");
    return out;
  }

  /** Seqs of the events in the timeline, in order. */
  async eventSeqs(): Promise<number[]> {
    return this.page
      .getByTestId("event-log")
      .locator("li")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
  }

  /** Select an object in the list. */
  async selectObject(id: string): Promise<void> {
    const button = this.page.getByTestId(`object-item-${id}`).locator("button[aria-pressed]");
    if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
    await expect(this.page.getByTestId("code-pane")).toHaveAttribute("data-object", id);
  }

  /** Text visible in Monaco. */
  monacoText(): Locator {
    return this.page.getByTestId("monaco").locator(".view-lines");
  }

  /** The scene as the server has it. */
  async fetchScene(): Promise<Scene> {
    const res = await this.page.request.get(`/api/scenes/${encodeURIComponent(await this.sceneId())}`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { scene: Scene }).scene;
  }

  /** Export an item from the menu (`glb`, `blend`, `py`, `obj`) and save the download under `dir`. */
  async exportFile(key: string, dir: string): Promise<string> {
    if (!(await this.page.getByTestId(`export-${key}`).isVisible())) await this.page.getByTestId("export-button").click();
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent("download", { timeout: 170_000 }), this.page.getByTestId(`export-${key}`).click()]);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  }

  /** Save a screenshot of the page to test-results/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }
}
