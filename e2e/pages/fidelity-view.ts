/** Page object for the fidelity view (components/fidelity/fidelity-view.tsx): open it, read scores, use the slider and the fixes. */
import { expect, type Locator, type Page } from "@playwright/test";
import type { FidelityView } from "../../lib/fidelity/schema";

/** The fidelity panel of the editor. */
export class FidelityViewPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("fidelity-panel");
  }

  /** Open the panel from the header and wait until the render of the built room has loaded. */
  async open(): Promise<void> {
    await this.page.getByTestId("fidelity-button").click();
    await expect(this.panel).toBeVisible();
    const img = this.panel.getByTestId("fidelity-render");
    await expect(img).toBeVisible({ timeout: 120_000 });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  }

  /** Set the render opacity slider to `percent` (0..100). */
  async setOpacity(percent: number): Promise<void> {
    await this.panel.getByTestId("fidelity-opacity").fill(String(percent));
  }

  /** The row of a picture box in the list of objects below the threshold. */
  row(footprintId: string): Locator {
    return this.panel.getByTestId(`fidelity-row-${footprintId}`);
  }

  /** The IoU the panel shows for a picture box (0..1), or null. */
  async iou(footprintId: string): Promise<number | null> {
    const v = await this.panel.getByTestId(`fidelity-iou-${footprintId}`).getAttribute("data-iou");
    return v ? Number(v) : null;
  }

  /** The fidelity as the server has it. */
  async fetch(sceneId: string): Promise<FidelityView> {
    const res = await this.page.request.get(`/api/scenes/${encodeURIComponent(sceneId)}/fidelity`);
    expect(res.ok()).toBe(true);
    return (await res.json()) as FidelityView;
  }
}
