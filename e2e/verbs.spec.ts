/** The basic verbs: duplicate, multi-select with rotate and delete as one undo step, copy/paste into another scene, rename, menus that close on Esc and outside clicks, the shortcut sheet. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";

const PROMPT = "A bedroom with a bed, a nightstand and a wardrobe.";

test("duplicate, multi-select rotate and delete are each one undo step", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt(PROMPT);
  const night = scene.objects.find((o) => o.category === "nightstand") ?? scene.objects[1];
  const other = scene.objects.find((o) => o.id !== night.id)!;

  await editor.selectObject(night.id);
  await page.keyboard.press("Control+d");
  const fresh = async (s: typeof scene) => (await tools.scene(s.id)).objects.find((o) => !s.objects.some((p) => p.id === o.id) && o.program) ?? null;
  await expect.poll(() => fresh(scene), { timeout: 90_000 }).not.toBeNull();
  const dup = (await fresh(scene))!;
  expect(dup.program?.source).toBe(night.program?.source);
  await expect(page.getByTestId(`object-item-${dup.id}`)).toHaveAttribute("data-status", "built");

  await tools.clickObject(night.id);
  await tools.clickObject(other.id, true);
  await expect(page.getByTestId("selection-bar")).toHaveAttribute("data-count", "2");
  const entries = (await tools.history(scene.id)).length;
  await page.getByTestId("selection-rotate").click();
  await expect.poll(async () => (await tools.scene(scene.id)).objects.find((o) => o.id === night.id)?.placement.yawDeg, { timeout: 30_000 }).not.toBe(night.placement.yawDeg);
  const rotated = await tools.scene(scene.id);
  expect(rotated.objects.find((o) => o.id === other.id)?.placement.yawDeg).not.toBe(other.placement.yawDeg);
  expect((await tools.history(scene.id)).length).toBe(entries + 1);

  await page.getByTestId("selection-delete").click();
  await expect(page.getByTestId(`object-item-${night.id}`)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId(`object-item-${other.id}`)).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId(`object-item-${night.id}`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId(`object-item-${other.id}`)).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await tools.scene(scene.id)).objects.find((o) => o.id === night.id)?.placement.yawDeg, { timeout: 30_000 }).toBe(night.placement.yawDeg);
  expect((await tools.scene(scene.id)).objects.find((o) => o.id === other.id)?.placement.yawDeg).toBe(other.placement.yawDeg);
  await editor.screenshot("verbs-after-undo");
});

test("copy in one scene, paste into another", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const first = await editor.createBuilt(PROMPT);
  const lamp = first.objects.find((o) => o.category === "nightstand") ?? first.objects[0];
  await editor.selectObject(lamp.id);
  await page.keyboard.press("Control+c");
  const second = await editor.createBuilt("A small office with a desk and a chair.");
  await page.getByTestId("preview").click({ position: { x: 5, y: 200 } });
  await page.keyboard.press("Control+v");
  const fresh = async () => (await tools.scene(second.id)).objects.find((o) => !second.objects.some((p) => p.id === o.id) && o.program) ?? null;
  await expect.poll(fresh, { timeout: 90_000 }).not.toBeNull();
  const pasted = (await fresh())!;
  expect(pasted.category).toBe(lamp.category);
  expect(pasted.program?.source).toBe(lamp.program?.source);
});

test("rename the scene, menus close on Esc and outside clicks, ? opens the shortcut sheet", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt(PROMPT);
  await page.getByTestId("scene-title").click();
  await page.getByTestId("scene-title-input").fill("Guest bedroom");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("scene-title")).toHaveText("Guest bedroom");
  expect((await tools.scene(scene.id)).title).toBe("Guest bedroom");

  await page.getByTestId("export-button").click();
  await expect(page.getByTestId("export-glb")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("export-glb")).toHaveCount(0);
  await page.getByTestId("export-button").click();
  await page.getByTestId("edit-input").click();
  await expect(page.getByTestId("export-glb")).toHaveCount(0);
  const py = await editor.exportFile("py", "test-results/e2e-downloads");
  expect(py.endsWith("guest-bedroom.py")).toBe(true);

  await page.getByTestId("render-button").click();
  await expect(page.getByTestId("render-menu")).toBeVisible();
  await page.mouse.click(5, 400);
  await expect(page.getByTestId("render-menu")).toHaveCount(0);

  await page.getByTestId("preview").click({ position: { x: 5, y: 200 } });
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-sheet")).toContainText("Duplicate the selection");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-sheet")).toHaveCount(0);
});
