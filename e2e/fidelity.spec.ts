/**
 * Fidelity view: an image scene is built (the preview's room carries the picture's floor texture), one object is
 * moved off its box in the picture, the panel shows the render
 * of the built room over the picture (opacity slider, side by side), lists the moved object below 50% IoU, and
 * Re-place puts it back onto its box (on the server and in the panel).
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { FidelityViewPage } from "./pages/fidelity-view";
import { HomePage } from "./pages/home-page";

// Code-as-Room top-down render (Apache-2.0; ../shared/inputs/SOURCES.md).
const IMAGE = path.resolve(__dirname, "../../shared/inputs/images/code-as-room-render-topdown.png");

test("fidelity: overlay with opacity, side by side, and Re-place of a moved object", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.createFromImage(IMAGE);
  const editor = new EditorPage(page);
  await editor.waitForStatus("needs_review", 120_000);
  await page.getByTestId("review-generate").click();
  await editor.waitForStatus("completed");
  await editor.waitForAllObjectsShown();
  const sceneId = await editor.sceneId();

  // The preview loads the room GLB the page asks for: it carries the picture's floor as an embedded image.
  const roomReq = page.waitForResponse((r) => /\/room\.glb\?rev=/.test(r.url()) && r.ok());
  await page.reload();
  const roomGlb = await (await roomReq).body();
  const gltf = JSON.parse(roomGlb.subarray(20, 20 + roomGlb.readUInt32LE(12)).toString("utf8")) as { images?: unknown[]; materials?: { name?: string; pbrMetallicRoughness?: { baseColorTexture?: unknown } }[] };
  expect(gltf.images?.length ?? 0).toBeGreaterThan(0);
  expect(gltf.materials?.some((m) => /^floor/i.test(m.name ?? "") && m.pbrMetallicRoughness?.baseColorTexture)).toBe(true);
  await editor.waitForAllObjectsShown();
  await editor.screenshot("fidelity-preview-textured");

  const fidelity = new FidelityViewPage(page);
  const before = await fidelity.fetch(sceneId);
  const best = [...before.scores.objects].filter((o) => o.iou !== null).sort((a, b) => b.iou! - a.iou!)[0];
  expect(best.iou!).toBeGreaterThanOrEqual(0.5);
  const scene = await editor.fetchScene();
  const obj = scene.objects.find((o) => o.id === best.objectId)!;
  const moved = await page.request.patch(`/api/scenes/${sceneId}/objects/${obj.id}`, { data: { placement: { ...obj.placement, x: obj.placement.x + 1.5 } } });
  expect(moved.status()).toBe(200);

  await fidelity.open();
  await expect(fidelity.panel.getByTestId("fidelity-overlay")).toBeVisible();
  await fidelity.setOpacity(80);
  const layer = fidelity.panel.getByTestId("fidelity-render-layer");
  await expect(layer).toHaveAttribute("data-opacity", "0.8");
  expect(Number(await layer.evaluate((el) => getComputedStyle(el).opacity))).toBeCloseTo(0.8, 2);
  await fidelity.setOpacity(0);
  expect(Number(await layer.evaluate((el) => getComputedStyle(el).opacity))).toBe(0);

  await fidelity.panel.getByTestId("fidelity-mode-side").click();
  await expect(fidelity.panel.getByTestId("fidelity-side")).toBeVisible();
  await expect(fidelity.panel.getByTestId("fidelity-render")).toBeVisible();
  await editor.screenshot("fidelity-side");

  const row = fidelity.row(best.footprintId);
  await expect(row).toHaveAttribute("data-status", "low");
  expect(await fidelity.iou(best.footprintId)).toBeLessThan(0.5);
  await row.getByTestId(`fidelity-fix-place-${best.footprintId}`).click();
  await expect(row).toBeHidden({ timeout: 60_000 });
  await expect.poll(() => fidelity.iou(best.footprintId)).toBeGreaterThanOrEqual(0.5);
  const after = (await editor.fetchScene()).objects.find((o) => o.id === obj.id)!;
  expect(Math.abs(after.placement.x - obj.placement.x)).toBeLessThan(0.3);
  await fidelity.panel.getByTestId("fidelity-mode-overlay").click();
  await editor.screenshot("fidelity-overlay");
});
