/** Export .glb and .blend from the editor and check the files: gltf-validator for the GLB, Blender opens the .blend. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { validateGlb } from "../blender-runner/client/glb";
import { EditorPage } from "./pages/editor-page";

// SceneEval dev set, description 125 (3dlg-hcvc/SceneEval, MIT; ../shared/inputs/SOURCES.md).
const PROMPT = "A dining room with a rectangular wood dining table, two wooden chairs at the short sides of the table, and a large potted plant beside the table";

test("export .glb (valid glTF) and .blend (Blender opens it with every object)", async ({ page }, info) => {
  const editor = new EditorPage(page);
  const scene = await editor.createBuilt(PROMPT);
  const total = scene.objects.length;
  const dir = info.outputPath("downloads");

  const glb = await editor.exportFile("glb", dir);
  expect(glb.endsWith(".glb")).toBe(true);
  const report = await validateGlb(glb);
  expect(report.errors, report.messages.join("\n")).toBe(0);
  expect(report.valid).toBe(true);
  await expect(page.getByTestId("export-progress-glb")).toHaveText("done");

  const blend = await editor.exportFile("blend", dir);
  expect(blend.endsWith(".blend")).toBe(true);
  // A .blend starts with "BLENDER", or with the zstd frame magic when saved compressed (Blender 3.0+).
  const head = fs.readFileSync(blend).subarray(0, 7);
  expect(head.toString("latin1") === "BLENDER" || head.readUInt32LE(0) === 0xfd2fb528).toBe(true);
  const out = execFileSync(
    process.env.BLENDER_PATH ?? "blender",
    ["-b", "--factory-startup", blend, "--python-expr", "import bpy; print('ROOMCODE_OBJECTS', len(bpy.data.objects), ' '.join(sorted(o.name for o in bpy.data.objects)))"],
    { encoding: "utf8", timeout: 120_000 },
  );
  const line = out.split("\n").find((l) => l.startsWith("ROOMCODE_OBJECTS"));
  expect(line).toBeTruthy();
  expect(Number(line!.split(" ")[1])).toBeGreaterThanOrEqual(total);
  for (const o of (await editor.fetchScene()).objects) expect(line).toContain(o.id);
  await editor.screenshot("export");
  fs.writeFileSync(path.join(dir, "blender-objects.txt"), line!);
});
