/** Editor keyboard shortcuts: Delete removes the selected object, Ctrl+Z brings it back unchanged, Shift+Ctrl+Z removes it again, Esc deselects. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";

// SceneEval dev set, description 111 (3dlg-hcvc/SceneEval, MIT; ../shared/inputs/SOURCES.md).
const PROMPT = "A living room with a gray sofa against the back wall, a rectangular coffee table directly in front of the sofa, and a wooden armchair to the left of the sofa.";

test("Delete removes the selection, Ctrl+Z restores it, Shift+Ctrl+Z removes it again, Esc deselects", async ({ page }) => {
  const editor = new EditorPage(page);
  const before = await editor.createBuilt(PROMPT);
  const target = before.objects.find((o) => o.category === "armchair") ?? before.objects[before.objects.length - 1];
  const item = page.getByTestId(`object-item-${target.id}`);
  await editor.selectObject(target.id);

  await page.keyboard.press("Delete");
  await expect(item).toHaveCount(0, { timeout: 60_000 });
  const removed = await editor.fetchScene();
  expect(removed.objects.map((o) => o.id)).not.toContain(target.id);
  expect(removed.objects.length).toBe(before.objects.length - 1);

  await page.keyboard.press("Control+z");
  await expect(item).toHaveAttribute("data-status", "built", { timeout: 90_000 });
  const restored = (await editor.fetchScene()).objects.find((o) => o.id === target.id);
  expect(restored?.program?.source).toBe(target.program?.source);
  expect(restored?.placement).toEqual(target.placement);
  await editor.waitForAllObjectsShown();
  await editor.screenshot("keys-undo-restored");

  await page.keyboard.press("Control+Shift+z");
  await expect(item).toHaveCount(0, { timeout: 60_000 });
  expect((await editor.fetchScene()).objects.map((o) => o.id)).not.toContain(target.id);

  const other = before.objects.find((o) => o.id !== target.id)!;
  await editor.selectObject(other.id);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId(`object-item-${other.id}`).locator("button[aria-pressed]")).toHaveAttribute("aria-pressed", "false");
});
