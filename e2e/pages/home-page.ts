/** Page object for the start page (`/`). */
import { expect, type Page } from "@playwright/test";

/** Start page actions. */
export class HomePage {
  constructor(readonly page: Page) {}

  /** Open the start page. */
  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByTestId("create-submit")).toBeVisible();
  }

  /** Type a prompt, submit, and wait for the editor URL; returns the scene id. */
  async createFromPrompt(text: string): Promise<string> {
    await this.page.getByTestId("prompt-input").fill(text);
    await this.page.getByTestId("create-submit").click();
    await this.page.waitForURL(/\/scenes\/[^/]+$/);
    return decodeURIComponent(this.page.url().split("/scenes/")[1]);
  }

  /** Choose an image file with the picker, submit, and wait for the editor URL; returns the scene id. */
  async createFromImage(file: string): Promise<string> {
    await this.page.getByTestId("image-input").setInputFiles(file);
    await expect(this.page.getByTestId("image-preview")).toBeVisible();
    await this.page.getByTestId("create-submit").click();
    await this.page.waitForURL(/\/scenes\/[^/]+$/);
    return decodeURIComponent(this.page.url().split("/scenes/")[1]);
  }
}
