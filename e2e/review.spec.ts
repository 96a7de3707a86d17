/**
 * The image review step at a designer's speed, on Code-as-Room example1 from ../shared/inputs/images (Apache-2.0,
 * ../shared/inputs/SOURCES.md): corrections saved on the server as they are made (reload keeps them, Ctrl+Z undoes
 * them), handles that win over the boxes around them, labels that hide nothing, drawing over other boxes, turning a
 * box, the category picker by keyboard, and the scale from one known length. Every check reads the server's scene.
 */
import { expect, test, type Page } from "@playwright/test";
import type { Footprint } from "../lib/scene";
import { ReviewPage, SHARED_IMAGE } from "./pages/review-page";

const IMAGE = SHARED_IMAGE("code-as-room-example1.png");

type Box = Footprint["boxPx"];
const inside = (b: Box, x: number, y: number) => x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h;
const byCategory = (fps: Footprint[], c: string) => {
  const f = fps.find((x) => x.category === c);
  if (!f) throw new Error(`no ${c} among ${fps.map((x) => x.category).join(", ")}`);
  return f;
};
/** A point of `f` that no smaller footprint covers (what a click there selects). */
function freePoint(fps: Footprint[], f: Footprint): { x: number; y: number } {
  const area = (b: Box) => b.w * b.h;
  for (let fy = 0.5; fy < 1; fy += 0.1)
    for (let fx = 0.5; fx < 1; fx += 0.1)
      for (const [sx, sy] of [[fx, fy], [1 - fx, fy], [fx, 1 - fy], [1 - fx, 1 - fy]]) {
        const x = f.boxPx.x + sx * f.boxPx.w;
        const y = f.boxPx.y + sy * f.boxPx.h;
        if (!fps.some((o) => o.id !== f.id && area(o.boxPx) <= area(f.boxPx) && inside(o.boxPx, x, y))) return { x, y };
      }
  throw new Error(`no free point on ${f.id}`);
}
/** The element at a page point (what a press there would grab). */
const hit = (page: Page, p: { x: number; y: number }) => page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.getAttribute("data-testid") ?? null, [p.x, p.y]);

test("every correction is saved on the server as it is made; reload keeps it and Ctrl+Z undoes it", async ({ page }) => {
  const review = new ReviewPage(page);
  const scene = await review.open(IMAGE);
  const fps = scene.structure!.footprints;
  const chair = byCategory(fps, "armchair");
  const cabinet = byCategory(fps, "cabinet");
  const gone = fps.filter((f) => f.category === "armchair")[1] ?? byCategory(fps, "side_table");

  // Relabel by typing on the selected box, then Enter.
  await page.getByTestId(`footprint-${chair.id}`).focus();
  await page.keyboard.type("sofa");
  await page.keyboard.press("Enter");
  await review.saved();
  expect((await review.footprints()).find((f) => f.id === chair.id)?.category).toBe("sofa");

  // Move by dragging the box body.
  const p = freePoint(fps, cabinet);
  const a = await review.toScreen(p.x, p.y);
  await review.drag(a, { x: a.x + 40, y: a.y + 20 });
  await review.saved();
  const moved = (await review.footprints()).find((f) => f.id === cabinet.id)!.boxPx;
  expect(moved.x - cabinet.boxPx.x).toBeGreaterThan(15);
  expect(moved.y - cabinet.boxPx.y).toBeGreaterThan(5);
  expect([moved.w, moved.h]).toEqual([cabinet.boxPx.w, cabinet.boxPx.h]);

  // Resize by its south-east handle.
  const se = await review.center(`footprint-resize-${cabinet.id}-se`);
  await review.drag(se, { x: se.x + 30, y: se.y + 30 });
  await review.saved();
  const resized = (await review.footprints()).find((f) => f.id === cabinet.id)!.boxPx;
  expect(resized.w - cabinet.boxPx.w).toBeGreaterThan(15);
  expect(resized.x).toBe(moved.x);

  // Delete with the Delete key.
  await page.getByTestId(`footprint-${gone.id}`).focus();
  await page.keyboard.press("Delete");
  await review.saved();
  expect((await review.footprints()).some((f) => f.id === gone.id)).toBe(false);

  // Draw a box with the Draw tool and name it.
  await page.getByTestId("review-tool-draw").click();
  const d0 = await review.toScreen(820, 120);
  const d1 = await review.toScreen(870, 170);
  await review.drag(d0, d1);
  await expect(page.getByTestId("footprint-label-draft")).toBeFocused();
  await page.keyboard.type("floor lamp");
  await page.keyboard.press("Enter");
  await review.saved();
  const added = (await review.footprints()).filter((f) => !fps.some((o) => o.id === f.id));
  expect(added.map((f) => f.category)).toEqual(["floor_lamp"]);
  expect(Math.abs(added[0].boxPx.x - 820)).toBeLessThan(4);
  expect(Math.abs(added[0].boxPx.w - 50)).toBeLessThan(4);

  // A reload shows the server's corrections.
  await page.reload();
  await review.editor.waitForStatus("needs_review");
  await expect(page.getByTestId(`footprint-${chair.id}`)).toHaveAttribute("data-category", "sofa");
  await expect(page.getByTestId(`footprint-${gone.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`footprint-${added[0].id}`)).toHaveAttribute("data-category", "floor_lamp");
  await expect(page.getByTestId("review-count")).toHaveText(`${fps.length} objects`);

  // Ctrl+Z undoes the drawn box, then the delete; the undo survives a reload too.
  await expect(page.getByTestId("undo-button")).toBeEnabled();
  await review.history("undo");
  await expect(page.getByTestId(`footprint-${added[0].id}`)).toHaveCount(0);
  await review.history("undo");
  await expect(page.getByTestId(`footprint-${gone.id}`)).toHaveCount(1);
  expect((await review.footprints()).map((f) => f.id).sort()).toEqual(fps.map((f) => f.id).sort());
  await page.reload();
  await review.editor.waitForStatus("needs_review");
  await expect(page.getByTestId(`footprint-${gone.id}`)).toHaveCount(1);
  expect((await review.footprints()).find((f) => f.id === cabinet.id)!.boxPx).toEqual(resized);
});

test("the selected box's handles win over the boxes on top of it, and its label hides no handle", async ({ page }) => {
  const review = new ReviewPage(page);
  const scene = await review.open(IMAGE);
  const fps = scene.structure!.footprints;
  const area = (b: Box) => b.w * b.h;
  // A large box with a corner under a smaller box (the rug under an armchair or the bed).
  const corners = (b: Box) => [["nw", b.x, b.y], ["ne", b.x + b.w, b.y], ["sw", b.x, b.y + b.h], ["se", b.x + b.w, b.y + b.h]] as const;
  let pick: { under: Footprint; top: Footprint; corner: "nw" | "ne" | "sw" | "se" } | null = null;
  for (const f of [...fps].sort((x, y) => area(y.boxPx) - area(x.boxPx)))
    for (const [k, x, y] of corners(f.boxPx)) {
      const top = fps.find((o) => o.id !== f.id && area(o.boxPx) < area(f.boxPx) && inside(o.boxPx, x, y));
      if (top && !pick) pick = { under: f, top, corner: k };
    }
  expect(pick, "a box whose corner lies under a smaller box").not.toBeNull();
  const { under, top, corner } = pick!;
  const p = freePoint(fps, under);
  await review.clickAt(p.x, p.y);
  await expect(page.getByTestId(`footprint-${under.id}`)).toHaveAttribute("aria-pressed", "true");

  // Only the selected box is labelled, and neither its label nor any box covers its handles or its delete button.
  await expect(page.getByTestId("review-selected-label")).toHaveCount(1);
  for (const k of ["nw", "ne", "sw", "se", "rotate"]) {
    const id = k === "rotate" ? `footprint-rotate-${under.id}` : `footprint-resize-${under.id}-${k}`;
    expect(await hit(page, await review.center(id))).toBe(id);
  }
  expect(await hit(page, await review.center(`footprint-delete-${under.id}`))).toBe(`footprint-delete-${under.id}`);

  // Pull the corner that lies under the smaller box: the selected box changes, the one on top does not.
  const h = await review.center(`footprint-resize-${under.id}-${corner}`);
  const out = { x: corner.endsWith("w") ? -25 : 25, y: corner.startsWith("n") ? -25 : 25 };
  await review.drag(h, { x: h.x + out.x, y: h.y + out.y });
  await review.saved();
  const after = await review.footprints();
  const u = after.find((f) => f.id === under.id)!.boxPx;
  expect(u.w - under.boxPx.w).toBeGreaterThan(10);
  expect(u.h - under.boxPx.h).toBeGreaterThan(10);
  expect(after.find((f) => f.id === top.id)!.boxPx).toEqual(top.boxPx);
  for (const f of fps) if (f.id !== under.id) expect(after.find((x) => x.id === f.id)!.boxPx, f.id).toEqual(f.boxPx);

  // Tab through a few boxes: each time the selected box's handles are the topmost thing under the pointer.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    const sel = page.locator('[data-testid^="footprint-"][aria-pressed="true"]');
    const id = ((await sel.getAttribute("data-testid")) ?? "").replace("footprint-", "");
    for (const k of ["nw", "se"]) expect(await hit(page, await review.center(`footprint-resize-${id}-${k}`))).toBe(`footprint-resize-${id}-${k}`);
    await expect(page.getByTestId("review-selected-label")).toHaveCount(1);
  }
});

test("a new box can be drawn on top of other boxes, and a box turns by its knob (undoable)", async ({ page }) => {
  const review = new ReviewPage(page);
  const scene = await review.open(IMAGE);
  const fps = scene.structure!.footprints;
  const rug = byCategory(fps, "rug");
  const bed = byCategory(fps, "bed");

  // A drawn box left unnamed (Escape) is dropped and nothing is saved.
  await page.keyboard.press("b");
  await review.drag(await review.toScreen(rug.boxPx.x + 10, rug.boxPx.y + 10), await review.toScreen(rug.boxPx.x + 50, rug.boxPx.y + 50));
  await expect(page.getByTestId("footprint-draft")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("footprint-draft")).toHaveCount(0);
  expect(await review.footprints()).toHaveLength(fps.length);

  // Draw across the rug (and whatever lies on it) with the Draw tool.
  await page.keyboard.press("b");
  await expect(page.getByTestId("structure-review")).toHaveAttribute("data-tool", "draw");
  const x0 = rug.boxPx.x + rug.boxPx.w * 0.3;
  const y0 = rug.boxPx.y + rug.boxPx.h * 0.3;
  await review.drag(await review.toScreen(x0, y0), await review.toScreen(x0 + 60, y0 + 40));
  await page.keyboard.type("pouf");
  await page.keyboard.press("Enter");
  await review.saved();
  const after = await review.footprints();
  const added = after.filter((f) => !fps.some((o) => o.id === f.id));
  expect(added).toHaveLength(1);
  expect(added[0].category).toBe("pouf");
  expect(Math.abs(added[0].boxPx.x - x0)).toBeLessThan(4);
  expect(Math.abs(added[0].boxPx.h - 40)).toBeLessThan(4);
  for (const f of fps) expect(after.find((x) => x.id === f.id)!.boxPx, f.id).toEqual(f.boxPx);

  // Turn the bed 45 degrees clockwise on screen (yaw -45, CCW positive in the room frame).
  const p = freePoint(after, after.find((f) => f.id === bed.id)!);
  await review.clickAt(p.x, p.y);
  const c = await review.center(`footprint-${bed.id}`);
  const knob = await review.center(`footprint-rotate-${bed.id}`);
  const r = Math.hypot(knob.x - c.x, knob.y - c.y);
  await review.drag(knob, { x: c.x + r * Math.SQRT1_2, y: c.y - r * Math.SQRT1_2 });
  await review.saved();
  const turned = (await review.footprints()).find((f) => f.id === bed.id)!;
  expect(turned.yawFixed).toBe(true);
  expect(Math.abs((turned.yawDeg ?? 0) + 45)).toBeLessThanOrEqual(2);
  expect(turned.boxPx).toEqual(bed.boxPx);
  await expect(page.getByTestId("review-yaw")).toHaveText(`turned ${turned.yawDeg}°`);
  const obj = (await review.editor.fetchScene()).structure!.objects.find((o) => o.footprintId === bed.id)!;
  expect(obj.approxYawDeg).toBe(turned.yawDeg);
  // The box on screen is turned as well: its bounding box grows beyond the unturned box.
  const shown = (await page.getByTestId(`footprint-${bed.id}`).boundingBox())!;
  const w0 = (await review.toScreen(bed.boxPx.x + bed.boxPx.w, 0)).x - (await review.toScreen(bed.boxPx.x, 0)).x;
  expect(shown.width).toBeGreaterThan(w0 * 0.9);
  expect(shown.height).toBeGreaterThan(((await review.toScreen(0, bed.boxPx.y + bed.boxPx.h)).y - (await review.toScreen(0, bed.boxPx.y)).y) * 1.1);

  await review.history("undo");
  await expect.poll(async () => (await review.footprints()).find((f) => f.id === bed.id)!.yawFixed ?? false).toBe(false);
  await review.history("undo");
  await expect.poll(async () => (await review.footprints()).length).toBe(fps.length);
});

test("category picker: the model's alternatives first, type to filter, Enter, Tab to the next box, Delete", async ({ page }) => {
  const review = new ReviewPage(page);
  const scene = await review.open(IMAGE);
  const fps = scene.structure!.footprints;
  const bed = byCategory(fps, "bed");
  const p = freePoint(fps, bed);
  await review.clickAt(p.x, p.y);
  await page.keyboard.press("Enter");
  const input = page.getByTestId(`footprint-label-${bed.id}`);
  await expect(input).toBeFocused();
  const options = page.getByTestId("category-options").getByRole("option");
  const alts = (bed.alternatives ?? []).map((a) => a.category).filter((c) => c !== "bed");
  expect(alts.length).toBeGreaterThan(0);
  for (const [i, c] of alts.entries()) await expect(options.nth(i)).toHaveAttribute("data-testid", `category-option-${c}`);

  await page.keyboard.type("dou");
  await expect(options.first()).toHaveAttribute("data-testid", "category-option-double_bed");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await review.saved();
  expect((await review.footprints()).find((f) => f.id === bed.id)?.category).toBe("double_bed");
  await expect(page.getByTestId(`footprint-${bed.id}`)).toBeFocused();

  // Tab goes to the next box; Delete removes it; Ctrl+Z brings it back.
  await page.keyboard.press("Tab");
  const next = page.locator('[data-testid^="footprint-"][aria-pressed="true"]');
  const nextId = ((await next.getAttribute("data-testid")) ?? "").replace("footprint-", "");
  expect(nextId).not.toBe(bed.id);
  await expect(next).toBeFocused();
  await page.keyboard.press("Delete");
  await review.saved();
  expect((await review.footprints()).some((f) => f.id === nextId)).toBe(false);
  await review.history("undo");
  await expect.poll(async () => (await review.footprints()).some((f) => f.id === nextId)).toBe(true);
  await expect(page.getByTestId(`footprint-${nextId}`)).toHaveCount(1);
});

test("the scale comes from one known length: drag a line across the bed and type its length", async ({ page }) => {
  const review = new ReviewPage(page);
  const scene = await review.open(IMAGE);
  const st = scene.structure!;
  const bed = byCategory(st.footprints, "bed");
  const y = bed.boxPx.y + bed.boxPx.h / 2;
  await page.getByTestId("review-tool-scale").click();
  await review.drag(await review.toScreen(bed.boxPx.x, y), await review.toScreen(bed.boxPx.x + bed.boxPx.w, y));
  const length = page.getByTestId("review-scale-length");
  await expect(length).toBeFocused();

  await length.fill("three metres");
  await length.press("Enter");
  await expect(page.getByTestId("structure-review").getByRole("alert")).toContainText("is not a length");
  expect((await review.editor.fetchScene()).structure!.imageFrame).toEqual(st.imageFrame);

  await length.fill("3.0 m");
  await length.press("Enter");
  await review.saved();
  const scaled = (await review.editor.fetchScene()).structure!;
  const mpp = scaled.imageFrame!.metersPerPx[0];
  expect(Math.abs(mpp - 3 / bed.boxPx.w) / (3 / bed.boxPx.w)).toBeLessThan(0.03);
  const k = mpp / st.imageFrame!.metersPerPx[0];
  expect(scaled.roomSize.w).toBeCloseTo(st.roomSize.w * k, 2);
  expect(scaled.roomSize.d).toBeCloseTo(st.roomSize.d * k, 2);
  const bedNow = scaled.footprints.find((f) => f.id === bed.id)!;
  expect(Math.abs(bedNow.boxM.w - 3)).toBeLessThan(0.1);
  await expect(page.getByTestId("review-scale")).toContainText(`${(mpp * 100).toFixed(2)} cm`);

  await page.getByTestId(`footprint-${bed.id}`).focus();
  await review.history("undo");
  await expect.poll(async () => (await review.editor.fetchScene()).structure!.roomSize.w).toBeCloseTo(st.roomSize.w, 3);
});
