/** Page object for the editor's tools beyond EditorPage: code drafts, history buttons, selection verbs, renders, menus. */
import { expect, type Locator, type Page } from "@playwright/test";
import type { Scene } from "../../lib/scene";

/** Editor tools. */
export class EditorTools {
  constructor(readonly page: Page) {}

  /** Type `text` at the end of the program in Monaco. */
  async typeInCode(text: string): Promise<void> {
    await this.page.getByTestId("monaco").locator(".view-lines").click();
    await this.page.keyboard.press("Control+End");
    await this.page.keyboard.type(text);
  }

  /** Scroll Monaco to the end of the program (it renders only the visible lines) and return its visible text. */
  async codeEnd(): Promise<Locator> {
    await this.page.getByTestId("monaco").locator(".view-lines").click();
    await this.page.keyboard.press("Control+End");
    return this.page.getByTestId("monaco").locator(".view-lines");
  }

  /** The edit bar's message. */
  editMessage(): Locator {
    return this.page.getByTestId("edit-message");
  }

  /** Send a text edit and wait for its message. */
  async edit(instruction: string): Promise<string> {
    await this.page.getByTestId("edit-input").fill(instruction);
    await this.page.getByTestId("edit-submit").click();
    await expect(this.page.getByTestId("edit-submit")).toHaveText("Apply", { timeout: 90_000 });
    await expect(this.editMessage()).toBeVisible();
    return (await this.editMessage().innerText()).trim();
  }

  /** Click an object in the list, with Shift to add it to the selection. */
  async clickObject(id: string, shift = false): Promise<void> {
    await this.page.getByTestId(`object-item-${id}`).locator("button[aria-pressed]").click({ modifiers: shift ? ["Shift"] : [] });
  }

  /** History entries of a scene (oldest first). */
  async history(sceneId: string): Promise<{ seq: number; label: string; undone: boolean }[]> {
    const res = await this.page.request.get(`/api/scenes/${encodeURIComponent(sceneId)}/history`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { entries: { seq: number; label: string; undone: boolean }[] }).entries;
  }

  /** The scene as the server has it. */
  async scene(sceneId: string): Promise<Scene> {
    const res = await this.page.request.get(`/api/scenes/${encodeURIComponent(sceneId)}`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { scene: Scene }).scene;
  }

  /** Drag through colours on a colour input (an `input` event each) and close the picker on the last (one `change`). */
  async pickColour(testId: string, colours: string[]): Promise<void> {
    await this.page.getByTestId(testId).evaluate((el, list) => {
      const input = el as HTMLInputElement;
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      for (const c of list) {
        set.call(input, c);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }, colours);
  }
}
