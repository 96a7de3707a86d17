/** Upload the Code-as-Room example image, relabel a footprint in the review step, generate, and see the room. */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { HomePage } from "./pages/home-page";

// Code-as-Room example1 (Apache-2.0; ../shared/inputs/SOURCES.md), the copy served on the start page.
const IMAGE = path.resolve(__dirname, "../public/examples/code-as-room-example1.png");

test("image -> review (relabel) -> generate -> room with every object", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.createFromImage(IMAGE);
  const editor = new EditorPage(page);
  await editor.waitForStatus("needs_review", 120_000);
  const review = page.getByTestId("structure-review");
  await expect(review).toBeVisible();
  await expect(review.locator("img")).toBeVisible();

  const before = await editor.fetchScene();
  const footprints = before.structure?.footprints ?? [];
  expect(footprints.length).toBeGreaterThan(0);
  const target = footprints.find((f) => f.category !== "armchair") ?? footprints[0];
  await page.getByTestId(`footprint-${target.id}`).focus();
  const label = page.getByTestId(`footprint-label-${target.id}`);
  await label.fill("armchair");
  await label.press("Enter");
  await expect(page.getByTestId("review-saved")).toHaveText("All corrections saved");
  await expect(page.getByTestId(`footprint-${target.id}`)).toHaveAttribute("data-category", "armchair");
  await editor.screenshot("image-review");

  await page.getByTestId("review-generate").click();
  await expect(review).toBeHidden({ timeout: 30_000 });
  await editor.waitForStatus("completed");
  const total = await editor.waitForAllObjectsShown();

  const scene = await editor.fetchScene();
  expect(scene.structure?.footprints.find((f) => f.id === target.id)?.category).toBe("armchair");
  expect(scene.objects.length).toBe(total);
  expect(scene.objects.some((o) => o.category === "armchair")).toBe(true);
  expect(scene.room?.glbRev).not.toBeNull();
  await editor.screenshot("image-scene");
});
