/** Create a scene from a prompt and watch every stage complete and every object appear in the preview. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { HomePage } from "./pages/home-page";

// SceneEval dev set, description 111 (3dlg-hcvc/SceneEval, MIT; ../shared/inputs/SOURCES.md).
const PROMPT = "A living room with a gray sofa against the back wall, a rectangular coffee table directly in front of the sofa, and a wooden armchair to the left of the sofa.";

test("a prompt streams through all five stages and every object is shown", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const editor = new EditorPage(page);
  await expect(page.getByTestId("health")).toBeVisible();
  await editor.screenshot("home");
  await home.createFromPrompt(PROMPT);
  await expect(editor.root).toBeVisible();
  await editor.waitForStatus("completed");
  const total = await editor.waitForAllObjectsShown();
  expect(total).toBeGreaterThanOrEqual(3);
  expect(Object.values(await editor.stageStates())).toEqual(["done", "done", "done", "done", "done"]);

  const scene = await editor.fetchScene();
  expect(scene.objects.length).toBe(total);
  const categories = scene.objects.map((o) => o.category);
  for (const c of ["sofa", "coffee_table", "armchair"]) expect(categories).toContain(c);
  for (const o of scene.objects) {
    await expect(page.getByTestId(`object-item-${o.id}`)).toHaveAttribute("data-status", "built");
    expect(o.build.glbRev).not.toBeNull();
  }
  // The room shell GLB is served and the canvas is on screen.
  expect(scene.room?.glbRev).not.toBeNull();
  const preview = page.getByTestId("preview");
  await expect(preview.locator("canvas")).toBeVisible();
  // The walls between the home view and the room are cut away; turning that off shows them all again.
  await expect(preview).toHaveAttribute("data-walls-hidden", /\bwall_\d+\b/);
  await editor.screenshot("prompt-scene");
  await page.getByTestId("toggle-cutaway").click();
  await expect(page.getByTestId("toggle-cutaway")).toHaveAttribute("aria-pressed", "false");
  await expect(preview).toHaveAttribute("data-walls-hidden", "");
  await editor.screenshot("prompt-scene-walls");
  await page.getByTestId("toggle-cutaway").click();
  await expect(preview).toHaveAttribute("data-walls-hidden", /\bwall_\d+\b/);
  await page.getByTestId("toggle-topdown").click();
  await expect(page.getByTestId("toggle-topdown")).toHaveAttribute("aria-pressed", "true");
  await expect(preview).not.toHaveAttribute("data-walls-hidden", /wall_/);
  await editor.selectObject(scene.objects[0].id);
  await editor.screenshot("prompt-scene-top");

  // Timeline events arrive once each.
  const seqs = await editor.eventSeqs();
  expect(new Set(seqs).size).toBe(seqs.length);
});
