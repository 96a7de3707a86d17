/**
 * Joints in the editor: a joint slider moves the part in the preview, "Open all" opens every joint, and the
 * simulator exports download from the Export menu (the URDF zip passes check_urdf, the MJCF zip holds scene.xml).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";

// SceneEval dev set wording (3dlg-hcvc/SceneEval, MIT; ../shared/inputs/SOURCES.md): a bedroom with storage.
const PROMPT = "A bedroom with a double bed, a nightstand beside the bed and a wardrobe against the wall";

test("a joint slider moves its part; Open all; URDF and MJCF export", async ({ page }, info) => {
  const editor = new EditorPage(page);
  const scene = await editor.createBuilt(PROMPT);
  const obj = scene.objects.find((o) => (o.build.stats?.joints ?? []).length > 0);
  expect(obj, "an object with joints").toBeTruthy();
  const joint = obj!.build.stats!.joints![0];
  await editor.selectObject(obj!.id);
  await expect(page.getByTestId("joints-section")).toBeVisible();
  const value = page.getByTestId(`joint-value-${joint.name}`);
  await expect(value).toHaveAttribute("data-moved", "0.0000");
  await page.getByTestId(`joint-slider-${joint.name}`).fill(String(joint.limits[1]));
  await expect.poll(async () => Number(await value.getAttribute("data-moved")), { timeout: 20_000 }).toBeGreaterThan(0.05);
  await editor.screenshot("joint-moved");

  // Something is open: the toolbar offers to close all, then to open all again.
  const toggle = page.getByTestId("open-all-button");
  await expect(toggle).toHaveText("Close all");
  await toggle.click();
  await expect(toggle).toHaveText("Open all");
  await expect.poll(async () => Number(await value.getAttribute("data-moved")), { timeout: 20_000 }).toBeLessThan(0.001);
  await toggle.click();
  await expect(toggle).toHaveText("Close all");
  await expect.poll(async () => Number(await value.getAttribute("data-moved")), { timeout: 20_000 }).toBeGreaterThan(0.05);
  await expect(page.getByTestId(`joint-slider-${joint.name}`)).toHaveValue(String(joint.limits[1]));

  const dir = info.outputPath("downloads");
  const urdfZip = await editor.exportFile("urdf", dir);
  const files = unzipSync(new Uint8Array(fs.readFileSync(urdfZip)));
  const urdfs = Object.keys(files).filter((f) => f.endsWith(".urdf"));
  expect(urdfs.length).toBeGreaterThanOrEqual(scene.objects.length);
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, "urdf", name)), { recursive: true });
    fs.writeFileSync(path.join(dir, "urdf", name), data);
  }
  for (const f of urdfs) {
    const r = spawnSync("check_urdf", [path.join(dir, "urdf", f)], { encoding: "utf8" });
    expect(r.status, `${f}: ${r.stdout}${r.stderr}`).toBe(0);
  }
  const mjcfZip = await editor.exportFile("mjcf", dir);
  expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(mjcfZip))))).toContain("scene.xml");
});
