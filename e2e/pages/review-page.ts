/** Page object for the structure review step of an image scene: boxes in image pixels, drags, the server's state. */
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { Footprint, Scene } from "../../lib/scene";
import { EditorPage } from "./editor-page";

/** A shared input picture (../shared/inputs/images; Code-as-Room example1 is Apache-2.0, see ../shared/inputs/SOURCES.md). */
export const SHARED_IMAGE = (name: string) => path.resolve(__dirname, "../../../shared/inputs/images", name);

/** Review actions; `toScreen` maps image pixels to page coordinates of the review canvas. */
export class ReviewPage {
  readonly editor: EditorPage;
  size = { w: 1, h: 1 };

  constructor(readonly page: Page) {
    this.editor = new EditorPage(page);
  }

  /** Upload `file` through POST /api/scenes, open the editor and wait for the review step. */
  async open(file: string): Promise<Scene> {
    // A fresh connection for the upload: the next request must not reuse the socket the multipart body went over.
    const res = await this.page.request.post("/api/scenes", { headers: { connection: "close" }, multipart: { image: { name: path.basename(file), mimeType: "image/png", buffer: fs.readFileSync(file) } } });
    expect(res.status()).toBe(202);
    const { scene } = (await res.json()) as { scene: Scene };
    await this.editor.goto(scene.id);
    await this.editor.waitForStatus("needs_review", 120_000);
    await expect(this.page.getByTestId("review-canvas")).toBeVisible();
    const s = await this.editor.fetchScene();
    if (s.source.kind === "image") this.size = { w: s.source.widthPx, h: s.source.heightPx };
    return s;
  }

  /** The footprints the server holds now. */
  async footprints(): Promise<Footprint[]> {
    return (await this.editor.fetchScene()).structure?.footprints ?? [];
  }

  /** Wait until every correction made so far is saved. */
  async saved(): Promise<void> {
    await expect(this.page.getByTestId("structure-review")).toHaveAttribute("data-pending", "0");
    await expect(this.page.getByTestId("review-saved")).toHaveText("All corrections saved");
  }

  /** Page coordinates of an image pixel. */
  async toScreen(x: number, y: number): Promise<{ x: number; y: number }> {
    const r = (await this.page.getByTestId("review-canvas").boundingBox())!;
    return { x: r.x + (x / this.size.w) * r.width, y: r.y + (y / this.size.h) * r.height };
  }

  /** Press at page point `a`, move to `b` in steps, release. */
  async drag(a: { x: number; y: number }, b: { x: number; y: number }): Promise<void> {
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await this.page.mouse.move(b.x, b.y, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Center of an element on the page. */
  async center(testId: string): Promise<{ x: number; y: number }> {
    const r = (await this.page.getByTestId(testId).boundingBox())!;
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }

  /** Select a box by clicking an image pixel inside it. */
  async clickAt(x: number, y: number): Promise<void> {
    const p = await this.toScreen(x, y);
    await this.page.mouse.click(p.x, p.y);
  }

  /** Undo (Ctrl+Z, with the focus outside text fields) or redo (Shift+Ctrl+Z), waiting for the server's answer. */
  async history(which: "undo" | "redo" = "undo"): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith(`/${which}`) && r.request().method() === "POST");
    await this.page.keyboard.press(which === "undo" ? "Control+z" : "Control+Shift+z");
    expect((await answered).status()).toBe(200);
  }
}
