/**
 * Page object for the preview's transform gizmo and snapping toggles, driven through the preview's test probe
 * (`window.__roomcodePreview`, installed with `?e2e` in the URL): presses start exactly on a gizmo handle as the
 * gizmo's own picking finds it, and the three.js camera is read as it is.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import type { CameraProbe, PreviewTestHook } from "../../components/preview/test-hook";

/** The query string that installs the preview's test probe. */
export const TEST_HOOK_QUERY = "?e2e=1";

type Hook = { __roomcodePreview?: PreviewTestHook };

/** Gizmo, snapping toggles and the live readout. */
export class GizmoView {
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.preview = page.getByTestId("preview");
  }

  /** The three.js camera of the preview. */
  async camera(): Promise<CameraProbe> {
    return this.page.evaluate(() => (window as unknown as Hook).__roomcodePreview!.camera());
  }

  /** Client pixel of a room-frame point (m). */
  async toScreen(x: number, y: number, z = 0): Promise<{ x: number; y: number }> {
    return this.page.evaluate(([a, b, c]) => (window as unknown as Hook).__roomcodePreview!.toScreen(a, b, c), [x, y, z] as const);
  }

  /** Room-frame floor point (m) under a client pixel. */
  async floorAt(p: { x: number; y: number }): Promise<[number, number]> {
    const at = await this.page.evaluate(([a, b]) => (window as unknown as Hook).__roomcodePreview!.floorAt(a, b), [p.x, p.y] as const);
    expect(at).not.toBeNull();
    return at!;
  }

  /** Id of the scene object a click at client pixel `x, y` reaches, or null. */
  async objectAt(x: number, y: number): Promise<string | null> {
    return this.page.evaluate(([a, b]) => (window as unknown as Hook).__roomcodePreview!.objectAt(a, b), [x, y] as const);
  }

  /** Client pixel of gizmo handle `name` once the gizmo shows it (waits for the probe and the gizmo). */
  async handle(name: string): Promise<{ x: number; y: number }> {
    let at: { x: number; y: number } | null = null;
    await expect
      .poll(async () => {
        at = await this.page.evaluate((n) => (window as unknown as Hook).__roomcodePreview?.gizmoHandle(n) ?? null, name);
        return at !== null;
      }, { message: `gizmo handle ${name}` })
      .toBe(true);
    return at!;
  }

  /** Choose the gizmo tool ("Move" or "Rotate") in the toolbar. */
  async tool(name: "Move" | "Rotate"): Promise<void> {
    const button = this.page.getByRole("toolbar", { name: "Preview tools" }).getByRole("button", { name, exact: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }

  /** Set the grid snap and the walls-and-edges snap. */
  async snapping(grid: boolean, smart: boolean): Promise<void> {
    for (const [id, on] of [["toggle-grid-snap", grid], ["toggle-smart-snap", smart]] as const) {
      const b = this.page.getByTestId(id);
      if ((await b.getAttribute("aria-pressed")) !== String(on)) await b.click();
      await expect(b).toHaveAttribute("aria-pressed", String(on));
    }
  }

  /** Press on gizmo handle `name` and drag by (dx, dy) px in steps; with `shift` held throughout; releases unless `hold`. Returns the press and end pixels. */
  async dragHandle(name: string, dx: number, dy: number, opts: { hold?: boolean; shift?: boolean } = {}): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
    const from = await this.handle(name);
    const to = { x: from.x + dx, y: from.y + dy };
    if (opts.shift) await this.page.keyboard.down("Shift");
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 4 });
    if (!opts.hold) await this.release(opts.shift);
    return { from, to };
  }

  /** Release the mouse (and Shift when it was held). */
  async release(shift = false): Promise<void> {
    await this.page.mouse.up();
    if (shift) await this.page.keyboard.up("Shift");
  }

  /** The live readout shown while dragging (gaps to the nearest walls and objects). */
  readout(): Locator {
    return this.page.getByTestId("drag-readout");
  }

  /** The readout's text once two reads 100 ms apart agree (the last pointer step has been drawn). */
  async readoutSettled(): Promise<string> {
    let last = "";
    await expect
      .poll(async () => {
        const now = await this.readout().innerText();
        const same = now === last;
        last = now;
        return same;
      }, { intervals: [100] })
      .toBe(true);
    return last;
  }
}
