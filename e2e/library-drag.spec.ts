/**
 * Dragging an item from the library onto the preview adds it where it was dropped, as one undo step: dropped east
 * of the centre of the plan view (north up), it stands east of the room centre, inside the room; undo removes it.
 */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";

test("drag a coffee table from the library onto the room: it stands where dropped; undo removes it", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt("A bedroom with a bed and a wardrobe.");
  await page.getByTestId("toggle-topdown").click();
  await expect(page.getByTestId("toggle-topdown")).toHaveAttribute("aria-pressed", "true");
  await page.waitForTimeout(800);
  await page.getByTestId("library-button").click();
  await page.getByTestId("library-search").fill("coffee");
  const item = page.getByTestId("library-item-coffee_table.round");
  await expect(item).toBeVisible();

  // Right of the library panel, east of the room centre.
  const canvas = page.getByTestId("preview").locator("canvas");
  const box = (await canvas.boundingBox())!;
  const entries = (await tools.history(scene.id)).length;
  const drop = { x: box.width * 0.72, y: box.height * 0.5 };
  // The HTML5 drag as the browser delivers it: dragstart on the item fills the DataTransfer, dragover and drop on the preview.
  const dt = await page.evaluateHandle(() => new DataTransfer());
  const at = { clientX: box.x + drop.x, clientY: box.y + drop.y };
  await item.dispatchEvent("dragstart", { dataTransfer: dt });
  await canvas.dispatchEvent("dragenter", { dataTransfer: dt, ...at });
  await canvas.dispatchEvent("dragover", { dataTransfer: dt, ...at });
  await canvas.dispatchEvent("drop", { dataTransfer: dt, ...at });
  await item.dispatchEvent("dragend", { dataTransfer: dt });
  const fresh = async () => (await tools.scene(scene.id)).objects.find((o) => !scene.objects.some((p) => p.id === o.id) && o.program) ?? null;
  await expect.poll(fresh, { timeout: 90_000 }).not.toBeNull();
  const added = (await fresh())!;
  expect(added.category).toBe("coffee_table");
  expect((await tools.history(scene.id)).length).toBe(entries + 1);
  // East of the centre in the plan view (north up): the drop was right of the canvas centre.
  expect(added.placement.x).toBeGreaterThan(0);
  const xs = scene.room!.footprint.map((p) => p[0]);
  expect(added.placement.x).toBeLessThan(Math.max(...xs));
  await expect(page.getByTestId(`object-item-${added.id}`)).toHaveAttribute("data-status", "built");

  await page.keyboard.press("Escape");
  await page.getByTestId("undo-button").click();
  await expect(page.getByTestId(`object-item-${added.id}`)).toHaveCount(0, { timeout: 60_000 });
  expect((await tools.scene(scene.id)).objects.map((o) => o.id).sort()).toEqual(scene.objects.map((o) => o.id).sort());
});
