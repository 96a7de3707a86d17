/** The object library lists every family with variants and thumbnails rendered by their programs; clicking one adds it to the room as one undo step. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";

test("add a round coffee table from the library, then undo it", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt("A living room with a sofa and a rug.");
  await page.getByTestId("library-button").click();
  const panel = page.getByTestId("library-panel");
  await expect(panel).toBeVisible();
  await page.getByTestId("library-search").fill("coffee");
  const item = page.getByTestId("library-item-coffee_table.round");
  await expect(item).toBeVisible();
  await expect.poll(async () => item.locator("img").evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 120_000 }).toBeGreaterThan(0);
  await editor.screenshot("library");
  await item.click();
  // While it builds, the new object is listed without a program; wait for the built one.
  const newOne = async () => (await tools.scene(scene.id)).objects.find((o) => !scene.objects.some((p) => p.id === o.id) && o.program) ?? null;
  await expect.poll(newOne, { timeout: 90_000 }).not.toBeNull();
  const added = (await newOne())!;
  expect(added.category).toBe("coffee_table");
  expect(added.program?.params.shape).toBe("round");
  await page.keyboard.press("Escape");
  await page.getByTestId("undo-button").click();
  await expect.poll(async () => (await tools.scene(scene.id)).objects.length, { timeout: 60_000 }).toBe(scene.objects.length);
});
