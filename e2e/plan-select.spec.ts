/**
 * Box select in the plan (top) view: Shift+drag on the preview selects the objects whose centres lie inside the
 * rectangle, and one rotate of that selection is one undo step. Driven through data-testid hooks only (the plan
 * view toggle, the preview, the object list, the selection bar), so it holds for any top-view camera that keeps
 * north up and the room centred.
 */
import { expect, test, type Page } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";

const PROMPT = "A living room with a sofa, a coffee table, an armchair and a bookshelf.";

async function shiftDrag(page: Page, a: { x: number; y: number }, b: { x: number; y: number }): Promise<void> {
  await page.keyboard.down("Shift");
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await expect(page.getByTestId("box-select-rect")).toBeVisible();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page.getByTestId("box-select-rect")).toHaveCount(0);
}

const selectedIds = async (page: Page) => {
  const items = page.locator('[data-testid^="object-item-"]');
  const out: string[] = [];
  for (const li of await items.all()) if ((await li.locator("button[aria-pressed]").getAttribute("aria-pressed")) === "true") out.push(((await li.getAttribute("data-testid")) ?? "").replace("object-item-", ""));
  return out.sort();
};

test("Shift+drag in the plan view selects the objects inside; one rotate of them is one undo step", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt(PROMPT);
  const floorIds = scene.objects.filter((o) => o.support === "floor").map((o) => o.id);
  await page.getByTestId("toggle-topdown").click();
  await expect(page.getByTestId("toggle-topdown")).toHaveAttribute("aria-pressed", "true");
  const canvas = (await page.getByTestId("preview").locator("canvas").boundingBox())!;
  // Let the camera settle into the plan view before measuring.
  await page.waitForTimeout(800);

  // The west half of the view: every floor object well west of the centre is selected, none well east of it.
  const west = scene.objects.filter((o) => floorIds.includes(o.id) && o.placement.x < -0.4).map((o) => o.id);
  const east = scene.objects.filter((o) => floorIds.includes(o.id) && o.placement.x > 0.4).map((o) => o.id);
  expect(west.length + east.length).toBeGreaterThan(0);
  await shiftDrag(page, { x: canvas.x + 4, y: canvas.y + 4 }, { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height - 4 });
  const half = await selectedIds(page);
  for (const id of west) expect(half, `${id} is west of the centre`).toContain(id);
  for (const id of east) expect(half, `${id} is east of the centre`).not.toContain(id);

  // The whole view: every object.
  await shiftDrag(page, { x: canvas.x + 2, y: canvas.y + 2 }, { x: canvas.x + canvas.width - 2, y: canvas.y + canvas.height - 2 });
  await expect(page.getByTestId("selection-bar")).toHaveAttribute("data-count", String(scene.objects.length));
  expect(await selectedIds(page)).toEqual(scene.objects.map((o) => o.id).sort());

  const entries = (await tools.history(scene.id)).length;
  await page.getByTestId("selection-rotate").click();
  const yaw = (id: string, s = scene) => s.objects.find((o) => o.id === id)!.placement.yawDeg;
  await expect.poll(async () => { const s = await tools.scene(scene.id); return floorIds.filter((id) => yaw(id, s) !== yaw(id)).length; }, { timeout: 30_000 }).toBe(floorIds.length);
  expect((await tools.history(scene.id)).length).toBe(entries + 1);

  await tools.page.getByTestId("undo-button").click();
  await expect.poll(async () => { const s = await tools.scene(scene.id); return floorIds.filter((id) => yaw(id, s) !== yaw(id)).length; }, { timeout: 30_000 }).toBe(0);
  const h = await tools.history(scene.id);
  expect(h.length).toBe(entries + 1);
  expect(h.at(-1)!.undone).toBe(true);
});
