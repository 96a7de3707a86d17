/** Render: a Cycles render of the top plan refines progressively, lands in the gallery and downloads as a PNG named after the scene. */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";

const PROMPT = "A bedroom with a bed, a nightstand and a wardrobe.";

test("a quick render completes, appears in the gallery and downloads as PNG", async ({ page }) => {
  const editor = new EditorPage(page);
  const scene = await editor.createBuilt(PROMPT);
  await page.getByTestId("render-button").click();
  await page.getByTestId("render-budget-quick").check();
  await page.getByTestId("render-preset-top").click();
  const gallery = page.getByTestId("render-gallery");
  await expect(gallery).toBeVisible();
  const item = gallery.locator("[data-testid^=render-item-]").first();
  await expect(item).toHaveAttribute("data-passes", /[1-9]/, { timeout: 120_000 });
  await expect(item).toHaveAttribute("data-status", "completed", { timeout: 170_000 });
  await expect(item.locator("img")).toBeVisible();
  await editor.screenshot("render-gallery");

  const res = await page.request.get(`/api/scenes/${scene.id}/renders`);
  const { renders } = (await res.json()) as { renders: { status: string; passes: { widthPx: number; samples: number }[] }[] };
  expect(renders[0].status).toBe("completed");
  expect(renders[0].passes.at(-1)).toMatchObject({ widthPx: 1280, samples: 16 });

  const [download] = await Promise.all([page.waitForEvent("download"), item.locator("[data-testid^=render-download-]").click()]);
  expect(download.suggestedFilename()).toMatch(/-render-p2\.png$/);
  const file = await download.path();
  expect(fs.readFileSync(file!).subarray(1, 4).toString()).toBe("PNG");
});
