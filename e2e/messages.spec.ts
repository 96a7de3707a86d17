/** Honest messages: edits say what changed by name, errors by kind, undo/redo announce their step and are disabled when idle; a missing scene is a 404 page. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";

const PROMPT = "A living room with a sofa, a coffee table and a rug.";

test("edits report removed objects and room changes; undo and redo announce their step", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  await editor.createBuilt(PROMPT);
  await expect(page.getByTestId("undo-button")).toBeDisabled();
  await expect(page.getByTestId("redo-button")).toBeDisabled();

  expect(await tools.edit("remove the rug")).toContain("Removed Rug");
  expect(await tools.edit("paint the walls sage")).toContain("Changed the room (walls)");
  await expect(page.getByTestId("undo-button")).toBeEnabled();
  await expect(page.getByTestId("undo-button")).toHaveAttribute("title", /Undo: paint the walls sage/);

  await page.getByTestId("undo-button").click();
  await expect(page.getByRole("status").filter({ hasText: "Undid: paint the walls sage" })).toBeVisible();
  await expect(page.getByTestId("redo-button")).toBeEnabled();
  await page.getByTestId("redo-button").click();
  await expect(page.getByRole("status").filter({ hasText: "Redid: paint the walls sage" })).toBeVisible();
  await expect(page.getByTestId("redo-button")).toBeDisabled();

  // An instruction the rules cannot do lists what can be asked for, in full.
  await tools.edit("make it feel cosier somehow");
  await page.getByTestId("edit-message-more").locator("summary").click();
  await expect(page.getByTestId("edit-message-more")).toContainText("add a window on the east wall");
  await editor.screenshot("messages");
});

test("a Python syntax error is called a syntax error, not a sandbox rule", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt(PROMPT);
  await editor.selectObject(scene.objects[0].id);
  await expect(editor.monacoText()).toContainText("PARAMS", { timeout: 30_000 });
  await tools.typeInCode("\ndef broken(:\n");
  await page.getByTestId("code-save").click();
  const alert = page.getByRole("alert").filter({ hasText: "syntax error" });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert).not.toContainText("sandbox");
  await expect(page.getByTestId("draft-bar")).toBeVisible();
});

test("a scene that does not exist shows a 404 page with a way home", async ({ page }) => {
  const res = await page.goto("/scenes/does-not-exist-0000");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.getByTestId("not-found-home").click();
  await expect(page).toHaveURL(/\/$/);
});
