/** Selecting an object shows its program in Monaco and its PARAMS as controls; a numeric PARAM change rebuilds only that object. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";

// SceneEval dev set, description 100 (3dlg-hcvc/SceneEval, MIT; ../shared/inputs/SOURCES.md).
const PROMPT = "A bedroom with a queen-sized bed and a nightstand on the right side of the bed, plus a wardrobe in the corner of the room.";

test("select -> Monaco + PARAMS; change width -> only that object's revision changes", async ({ page }) => {
  const editor = new EditorPage(page);
  const before = await editor.createBuilt(PROMPT);
  const target = before.objects.find((o) => o.category === "nightstand") ?? before.objects[0];
  await editor.selectObject(target.id);
  await expect(editor.monacoText()).toContainText("PARAMS", { timeout: 30_000 });
  await expect(editor.monacoText()).toContainText("import bpy");
  await expect(page.getByTestId("program-rev")).toHaveText(`revision ${target.program?.rev}`);
  const width = page.getByTestId("param-width");
  await expect(width).toBeVisible();
  await expect(page.getByTestId("param-height")).toBeVisible();
  await editor.screenshot("code-pane");

  const oldWidth = Number(await width.inputValue());
  const newWidth = Math.round((oldWidth + 0.1) * 100) / 100;
  await width.fill(String(newWidth));
  await width.press("Enter");

  await expect(page.getByTestId("program-rev")).toHaveText(`revision ${(target.program?.rev ?? 0) + 1}`, { timeout: 90_000 });
  await expect(editor.monacoText()).toContainText(String(newWidth));
  await editor.waitForAllObjectsShown();

  const after = await editor.fetchScene();
  for (const o of after.objects) {
    const prev = before.objects.find((p) => p.id === o.id)!;
    if (o.id === target.id) {
      expect(o.program!.rev).toBe(prev.program!.rev + 1);
      expect(o.build.glbRev).not.toBe(prev.build.glbRev);
      expect(o.program!.params.width).toBe(newWidth);
    } else {
      expect(o.program!.rev).toBe(prev.program!.rev);
      expect(o.build.glbRev).toBe(prev.build.glbRev);
      expect(o.program!.source).toBe(prev.program!.source);
    }
  }
  await editor.screenshot("code-pane-after-param");
});
