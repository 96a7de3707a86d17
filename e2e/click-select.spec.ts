/**
 * Selecting in the 3D preview, in Chromium: a click on an object selects it, and an orbit drag that starts and ends
 * on an object (the camera turned, the pointer came back near where it was pressed) selects nothing. The pressed
 * pixel is the projection of the object's built bounding-box centre through the preview's test probe; the
 * selection is read from the object list.
 */
import { expect, test, type Page } from "@playwright/test";
import type { SceneObject } from "../lib/scene";
import { EditorPage } from "./pages/editor-page";
import { GizmoView, TEST_HOOK_QUERY } from "./pages/gizmo-view";

const PROMPT = "A bedroom with a wardrobe.";

/** Ids selected in the object list. */
async function selectedIds(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const li of await page.locator('[data-testid^="object-item-"]').all()) {
    if ((await li.locator("button[aria-pressed]").getAttribute("aria-pressed")) === "true") out.push(((await li.getAttribute("data-testid")) ?? "").replace("object-item-", ""));
  }
  return out;
}

/** Room-frame centre (m) of an object's built bounding box. */
function centre(o: SceneObject): [number, number, number] {
  const { min, max } = o.build.stats!.bbox;
  const [cx, cy, cz] = [0, 1, 2].map((i) => (min[i] + max[i]) / 2);
  const a = (o.placement.yawDeg * Math.PI) / 180;
  return [o.placement.x + Math.cos(a) * cx - Math.sin(a) * cy, o.placement.y + Math.sin(a) * cx + Math.cos(a) * cy, (o.placement.z ?? 0) + cz];
}

test("a click on an object selects it; an orbit drag ending on it selects nothing", async ({ page }) => {
  test.setTimeout(240_000);
  const editor = new EditorPage(page, TEST_HOOK_QUERY);
  const view = new GizmoView(page);
  const scene = await editor.createBuilt(PROMPT);
  const wardrobe = scene.objects.find((o) => o.category === "wardrobe");
  expect(wardrobe, `objects: ${scene.objects.map((o) => o.category).join(", ")}`).toBeTruthy();
  await expect.poll(() => page.evaluate(() => "__roomcodePreview" in window)).toBe(true);
  // Let the camera settle on the room before projecting.
  await page.waitForTimeout(800);
  const at = await view.toScreen(...centre(wardrobe!));

  await page.mouse.click(at.x, at.y);
  await expect.poll(() => selectedIds(page)).toEqual([wardrobe!.id]);

  await page.keyboard.press("Escape");
  await expect.poll(() => selectedIds(page)).toEqual([]);

  // Orbit: press on the wardrobe, sweep 80 px right, come back to 12 px from the press and release there.
  const before = await view.camera();
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 80, at.y, { steps: 8 });
  await page.mouse.move(at.x + 12, at.y, { steps: 8 });
  const after = await view.camera();
  expect(Math.hypot(...after.look.map((v, i) => v - before.look[i])), "the drag turned the camera").toBeGreaterThan(1e-3);
  expect(await view.objectAt(at.x + 12, at.y), "the release is on the wardrobe, where a click would select it").toBe(wardrobe!.id);
  await page.mouse.up();
  await page.waitForTimeout(300);
  expect(await selectedIds(page)).toEqual([]);
});
