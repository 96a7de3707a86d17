/** Page object for the preview's plan view: camera state, room-frame to screen mapping, drags, lights and placement notices. */
import { expect, type Locator, type Page } from "@playwright/test";

/** Plan view of the preview. */
export class PlanView {
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.preview = page.getByTestId("preview");
  }

  /** The preview camera type ("perspective" | "orthographic"). */
  async cameraType(): Promise<string | null> {
    return this.preview.getAttribute("data-camera");
  }

  /** Turn the plan view on and wait for the orthographic camera. */
  async open(): Promise<void> {
    await this.page.getByTestId("toggle-topdown").click();
    await expect(this.preview).toHaveAttribute("data-camera", "orthographic");
    await expect(this.preview).toHaveAttribute("data-plan-view", /\d/);
  }

  /** Room-frame point at the canvas centre (m) and screen scale (px per m). */
  async view(): Promise<{ cx: number; cy: number; zoom: number }> {
    const [cx, cy, zoom] = ((await this.preview.getAttribute("data-plan-view")) ?? "").split(" ").map(Number);
    return { cx, cy, zoom };
  }

  /** Page pixel of a room-frame floor point (north up, east right). */
  async toScreen(x: number, y: number): Promise<{ sx: number; sy: number }> {
    const box = (await this.preview.locator("canvas").boundingBox())!;
    const v = await this.view();
    return { sx: box.x + box.width / 2 + (x - v.cx) * v.zoom, sy: box.y + box.height / 2 - (y - v.cy) * v.zoom };
  }

  /** Press at room point `from`, drag to `to` in steps; releases unless `hold`. */
  async drag(from: [number, number], to: [number, number], hold = false): Promise<void> {
    const a = await this.toScreen(...from);
    const b = await this.toScreen(...to);
    await this.page.mouse.move(a.sx, a.sy);
    await this.page.mouse.down();
    await this.page.mouse.move(b.sx, b.sy, { steps: 6 });
    if (!hold) await this.page.mouse.up();
  }

  /** Room-frame positions (m) of the lights that belong to objects, as the preview's scene graph has them. */
  async objectLights(): Promise<Record<string, [number, number, number]>> {
    const raw = (await this.preview.getAttribute("data-object-lights")) ?? "";
    const out: Record<string, [number, number, number]> = {};
    for (const item of raw.split(";").filter(Boolean)) {
      const [id, x, y, z] = item.split(" ");
      out[id] = [Number(x), Number(y), Number(z)];
    }
    return out;
  }

  /** Turn the grid snap on and walls-and-edges snapping off (positions then land on the grid only). */
  async gridOnly(): Promise<void> {
    const grid = this.page.getByTestId("toggle-grid-snap");
    if ((await grid.getAttribute("aria-pressed")) !== "true") await grid.click();
    const smart = this.page.getByTestId("toggle-smart-snap");
    if ((await smart.getAttribute("aria-pressed")) === "true") await smart.click();
    await expect(grid).toHaveAttribute("aria-pressed", "true");
    await expect(smart).toHaveAttribute("aria-pressed", "false");
  }

  /** The live warning shown while dragging into a bad spot. */
  warning(): Locator {
    return this.page.getByTestId("placement-warning");
  }

  /** The choice shown after releasing into a bad spot. */
  pending(): Locator {
    return this.page.getByTestId("placement-pending");
  }
}
