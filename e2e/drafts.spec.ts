/** Unsaved code is a draft per object: it survives selecting another object and a reload, is saved with the Save button, and Discard asks first. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";

const PROMPT = "A bedroom with a bed, a nightstand and a wardrobe.";

test("a draft survives switching objects and a reload, then Save makes it a revision", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt(PROMPT);
  const [a, b] = scene.objects;
  await editor.selectObject(a.id);
  await expect(editor.monacoText()).toContainText("PARAMS", { timeout: 30_000 });
  await tools.typeInCode("\n# draft kept by the editor");
  await expect(page.getByTestId("draft-bar")).toBeVisible();

  await editor.selectObject(b.id);
  await expect(page.getByTestId("draft-bar")).toHaveCount(0);
  await editor.selectObject(a.id);
  await expect(page.getByTestId("draft-bar")).toBeVisible();
  await expect(await tools.codeEnd()).toContainText("# draft kept by the editor");

  await page.reload();
  await expect(editor.root).toBeVisible();
  await editor.selectObject(a.id);
  await expect(page.getByTestId("draft-bar")).toBeVisible({ timeout: 30_000 });
  await expect(editor.monacoText()).toContainText("PARAMS", { timeout: 30_000 });
  await expect(await tools.codeEnd()).toContainText("# draft kept by the editor");
  await editor.screenshot("draft-after-reload");

  // Discard asks first; "Keep" keeps the draft.
  await page.getByTestId("code-discard").click();
  await expect(page.getByTestId("code-discard-confirm")).toBeVisible();
  await page.getByRole("button", { name: "Keep" }).click();
  await expect(page.getByTestId("draft-bar")).toBeVisible();

  await page.getByTestId("code-save").click();
  await expect(page.getByTestId("program-rev")).toHaveText(`revision ${(a.program?.rev ?? 0) + 1}`, { timeout: 90_000 });
  await expect(page.getByTestId("draft-bar")).toHaveCount(0);
  const after = await tools.scene(scene.id);
  expect(after.objects.find((o) => o.id === a.id)?.program?.source).toContain("# draft kept by the editor");

  // A second draft discarded after confirming goes back to the saved program.
  await tools.typeInCode("\n# thrown away");
  await page.getByTestId("code-discard").click();
  await page.getByTestId("code-discard-confirm").click();
  await expect(page.getByTestId("draft-bar")).toHaveCount(0);
  await expect(await tools.codeEnd()).not.toContainText("# thrown away");
});
