/** A colour pick drags through many colours but commits once: one program revision, one undo step. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";

const PROMPT = "A living room with a sofa, a coffee table and a rug.";

test("dragging across the colour picker makes one revision and one undo step", async ({ page }) => {
  const editor = new EditorPage(page);
  const tools = new EditorTools(page);
  const scene = await editor.createBuilt(PROMPT);
  const target = scene.objects.find((o) => Object.values(o.program?.params ?? {}).some((v) => typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v)))!;
  const key = Object.entries(target.program!.params).find(([k, v]) => typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v) && /colou?r/.test(k))?.[0] ?? Object.entries(target.program!.params).find(([, v]) => typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v))![0];
  await editor.selectObject(target.id);
  const historyBefore = (await tools.history(scene.id)).length;
  await tools.pickColour(`param-${key}`, ["#112233", "#223344", "#334455", "#2a4d69"]);
  await expect(page.getByTestId("program-rev")).toHaveText(`revision ${target.program!.rev + 1}`, { timeout: 90_000 });
  // Give any stray intermediate commit time to show up before counting.
  await page.waitForTimeout(3000);
  const after = await tools.scene(scene.id);
  const obj = after.objects.find((o) => o.id === target.id)!;
  expect(obj.program!.rev).toBe(target.program!.rev + 1);
  expect(obj.program!.params[key]).toBe("#2a4d69");
  expect((await tools.history(scene.id)).length).toBe(historyBefore + 1);
  await expect(page.getByTestId(`param-${key}-value`)).toHaveText("#2a4d69");
});
