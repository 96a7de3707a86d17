/**
 * Snapping with the transform gizmo in Chromium, on a scene built by the offline engine: the move gizmo's floor
 * handle lands on the grid, flush against a wall, or where the pointer left it; the live distances while dragging;
 * a drop through a wall is held and snapped back; in the orthographic plan view the dimension lines follow a dragged
 * object, and the rotate ring turns in 15 degree steps with the grid on or Shift held, and freely otherwise.
 * Presses start on the handle as the gizmo picks it (the preview's test probe); stored placements are read back
 * from the API.
 */
import { expect, test, type Page } from "@playwright/test";
import type { Placement, Scene, SceneObject } from "../lib/scene";
import { EditorPage } from "./pages/editor-page";
import { EditorTools } from "./pages/editor-tools";
import { GizmoView, TEST_HOOK_QUERY } from "./pages/gizmo-view";
import { PlanView } from "./pages/plan-view";

const PROMPT = "A living room with a sofa, a coffee table and a floor lamp.";

test.describe.configure({ mode: "serial", timeout: 300_000 });

type Rect = { minX: number; minY: number; maxX: number; maxY: number };

/** Plan rectangle (room frame, m) of an object's built bounding box at `p`. */
function rectAt(o: SceneObject, p: Placement = o.placement): Rect {
  const { min, max } = o.build.stats!.bbox;
  const c = Math.cos((p.yawDeg * Math.PI) / 180);
  const s = Math.sin((p.yawDeg * Math.PI) / 180);
  const pts = [[min[0], min[1]], [max[0], min[1]], [max[0], max[1]], [min[0], max[1]]].map(([x, y]) => [p.x + c * x - s * y, p.y + s * x + c * y]);
  return { minX: Math.min(...pts.map((q) => q[0])), minY: Math.min(...pts.map((q) => q[1])), maxX: Math.max(...pts.map((q) => q[0])), maxY: Math.max(...pts.map((q) => q[1])) };
}

/** Plan gap (m) between two rectangles, 0 when they touch or overlap. */
function gap(a: Rect, b: Rect): number {
  return Math.hypot(Math.max(0, a.minX - b.maxX, b.minX - a.maxX), Math.max(0, a.minY - b.maxY, b.minY - a.maxY));
}

/** The room's walls as axis-aligned lines (the footprint's bounds; the offline engine builds rectangular rooms). */
function walls(scene: Scene): { name: string; gapOf: (r: Rect) => number; inward: [number, number] }[] {
  const xs = scene.room!.footprint.map((q) => q[0]);
  const ys = scene.room!.footprint.map((q) => q[1]);
  expect(scene.room!.footprint).toHaveLength(4);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return [
    { name: "north", gapOf: (r) => y1 - r.maxY, inward: [0, -1] },
    { name: "south", gapOf: (r) => r.minY - y0, inward: [0, 1] },
    { name: "east", gapOf: (r) => x1 - r.maxX, inward: [-1, 0] },
    { name: "west", gapOf: (r) => r.minX - x0, inward: [1, 0] },
  ];
}

/** Objects the subject may collide with (no floor covers, nothing resting on it). */
function obstacles(scene: Scene, subject: SceneObject): SceneObject[] {
  return scene.objects.filter((o) => o.id !== subject.id && o.route !== "thin_cover" && o.support !== `on:${subject.id}` && !o.hidden && o.build.stats);
}

/** Is `subject` at `p` clear of the walls by `wall` m and of every obstacle by `others` m? */
function clear(scene: Scene, subject: SceneObject, p: Placement, wall: number, others: number): boolean {
  const r = rectAt(subject, p);
  return walls(scene).every((w) => w.gapOf(r) >= wall) && obstacles(scene, subject).every((o) => gap(r, rectAt(o)) >= others);
}

/** A floor spot (off the 0.1 m grid) near the room's centre where `subject` turns freely: clear of walls and objects by its radius. */
function freeSpot(scene: Scene, subject: SceneObject): Placement {
  const { min, max } = subject.build.stats!.bbox;
  const radius = Math.max(...[min[0], max[0]].flatMap((x) => [min[1], max[1]].map((y) => Math.hypot(x, y))));
  const xs = scene.room!.footprint.map((q) => q[0]);
  const ys = scene.room!.footprint.map((q) => q[1]);
  const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const spots: Placement[] = [];
  for (let dx = -2; dx <= 2; dx += 0.25) for (let dy = -2; dy <= 2; dy += 0.25) spots.push({ ...subject.placement, x: cx + dx + 0.037, y: cy + dy + 0.043 });
  spots.sort((a, b) => Math.hypot(a.x - subject.placement.x, a.y - subject.placement.y) - Math.hypot(b.x - subject.placement.x, b.y - subject.placement.y));
  const turned = (p: Placement) => [0, 45, 90].every((yaw) => clear(scene, subject, { ...p, yawDeg: yaw }, radius - Math.min(max[0] - min[0], max[1] - min[1]) / 2 + 0.1, 0.15));
  const spot = spots.find(turned);
  expect(spot, "a free spot in the room").toBeDefined();
  return spot!;
}

const onGrid = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6;

/** The stored placement of object `id`, once it differs from `before`. */
async function storedAfter(tools: EditorTools, sceneId: string, id: string, before: Placement): Promise<Placement> {
  const read = async () => (await tools.scene(sceneId)).objects.find((o) => o.id === id)!.placement;
  await expect.poll(async () => JSON.stringify(await read()), { timeout: 30_000 }).not.toBe(JSON.stringify(before));
  return read();
}

/** The preview without shadows ("Fast preview", kept in localStorage): software GL draws a frame per pointer step. */
async function fastPreview(page: Page): Promise<void> {
  await page.addInitScript(() => window.localStorage.setItem("roomcode.quality", JSON.stringify("low")));
}

// One scene and one editor page for the file: building and loading it again would double the file's time.
let page: Page;
let editor: EditorPage;
let sceneId = "";

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await fastPreview(page);
  editor = new EditorPage(page, TEST_HOOK_QUERY);
  sceneId = (await editor.createBuilt(PROMPT)).id;
});

test.afterAll(async () => {
  await page?.close();
});

/** The scene as stored now and its object of `category`, selected in the editor. */
async function subject(category: string): Promise<{ scene: Scene; subject: SceneObject }> {
  const scene = await editor.fetchScene();
  const found = scene.objects.find((o) => o.category === category)!;
  await editor.selectObject(found.id);
  return { scene, subject: found };
}

test("the move gizmo lands on the grid, flush against a wall or where the pointer left it, with live distances; a drop through a wall snaps back", async () => {
  const tools = new EditorTools(page);
  const gizmo = new GizmoView(page);
  const { scene, subject: table } = await subject("coffee_table");
  const look = (await gizmo.camera()).look;
  const by = async (p: Placement, q: Placement) => {
    const [a, b] = [await gizmo.toScreen(p.x, p.y), await gizmo.toScreen(q.x, q.y)];
    return [b.x - a.x, b.y - a.y] as const;
  };

  // Snapping off: the table follows the floor point under the pointer (the camera does not take the press).
  await gizmo.snapping(false, false);
  const spot = freeSpot(scene, table);
  const free = await gizmo.dragHandle("XZ", ...(await by(table.placement, spot)));
  const [a, b] = [await gizmo.floorAt(free.from), await gizmo.floorAt(free.to)];
  const expected = { x: table.placement.x + b[0] - a[0], y: table.placement.y + b[1] - a[1] };
  let at = await storedAfter(tools, sceneId, table.id, table.placement);
  expect((await gizmo.camera()).look).toEqual(look);
  expect(Math.hypot(at.x - expected.x, at.y - expected.y)).toBeLessThan(0.01);
  expect(onGrid(at.x) && onGrid(at.y)).toBe(false);

  // Grid on: on the 0.1 m grid, one grid cell at most from the pointer; the live gaps shown while dragging are the drop's.
  await gizmo.snapping(true, false);
  const aim = { ...at, x: at.x + 0.237, y: at.y - 0.163 };
  await gizmo.dragHandle("XZ", ...(await by(at, aim)), { hold: true });
  await expect(gizmo.readout()).toBeVisible();
  const lines = (await gizmo.readoutSettled()).split("\n").map((l) => l.trim()).filter(Boolean);
  await editor.screenshot("snap-grid-readout");
  await gizmo.release();
  await expect(gizmo.readout()).toHaveCount(0);
  const before = at;
  at = await storedAfter(tools, sceneId, table.id, before);
  expect(onGrid(at.x) && onGrid(at.y)).toBe(true);
  expect(Math.hypot(at.x - aim.x, at.y - aim.y)).toBeLessThan(0.071);
  const wallLines = lines.map((l) => /^(\d+\.\d\d) m to the (\w+) wall$/.exec(l)).filter((m) => m !== null);
  const objectLines = lines.map((l) => /^(\d+\.\d\d) m to (.+)$/.exec(l)).filter((m) => m !== null && !/ wall$/.test(m[2]));
  expect(wallLines.length, lines.join(" | ")).toBeGreaterThan(0);
  expect(objectLines.length, lines.join(" | ")).toBeGreaterThan(0);
  const latest = await tools.scene(sceneId);
  const placed = rectAt(table, at);
  for (const m of wallLines) expect(Math.abs(Number(m[1]) - walls(latest).find((w) => w.name === m[2])!.gapOf(placed))).toBeLessThan(0.011);
  for (const m of objectLines) expect(obstacles(latest, table).some((o) => Math.abs(gap(placed, rectAt(o)) - Number(m![1])) < 0.011), m![0]).toBe(true);

  // Walls and edges on: 6 cm short of a wall with room along it, the table ends flush (within 1 cm).
  await gizmo.snapping(false, true);
  const target = walls(latest)
    .map((w) => {
      const g = w.gapOf(placed);
      const flush = { ...at, x: at.x - w.inward[0] * g, y: at.y - w.inward[1] * g };
      return { w, flush, near: { ...flush, x: flush.x + w.inward[0] * 0.06, y: flush.y + w.inward[1] * 0.06 } };
    })
    .sort((p, q) => p.w.gapOf(placed) - q.w.gapOf(placed))
    .find((t) => clear(latest, table, t.flush, -0.001, 0.2));
  expect(target, "a wall with room along it").toBeDefined();
  await gizmo.dragHandle("XZ", ...(await by(at, target!.near)), { hold: true });
  await expect(page.getByTestId("drag-snapped")).toContainText(`the ${target!.w.name} wall`);
  await gizmo.release();
  at = await storedAfter(tools, sceneId, table.id, at);
  expect(Math.abs(target!.w.gapOf(rectAt(table, at)))).toBeLessThan(0.01);

  // Through that wall: the warning while dragging, the choice after the drop; snapped back, the stored scene is unchanged and clean.
  await gizmo.snapping(false, false);
  const history = (await tools.history(sceneId)).length;
  const out = { ...at, x: at.x - target!.w.inward[0] * 0.3, y: at.y - target!.w.inward[1] * 0.3 };
  await gizmo.dragHandle("XZ", ...(await by(at, out)), { hold: true });
  await expect(page.getByTestId("placement-warning")).toContainText(/into a wall|outside the room/);
  await gizmo.release();
  await expect(page.getByTestId("placement-pending")).toBeVisible();
  await page.getByTestId("placement-snap-back").click();
  await expect(page.getByTestId("placement-pending")).toHaveCount(0);
  const stored = (await tools.scene(sceneId)).objects.find((o) => o.id === table.id)! as SceneObject & { issues?: unknown[] };
  expect(stored.placement).toEqual(at);
  expect(stored.issues ?? []).toEqual([]);
  expect((await tools.history(sceneId)).length).toBe(history);
});

test("the rotate ring turns in 15 degree steps with the grid on or Shift held, freely otherwise, in the orthographic plan view", async () => {
  const tools = new EditorTools(page);
  const gizmo = new GizmoView(page);
  const plan = new PlanView(page);
  const { scene, subject: table } = await subject("coffee_table");
  await plan.open();
  // A true orthographic camera looking straight down.
  const cam = await gizmo.camera();
  expect(cam.type).toBe("OrthographicCamera");
  expect(cam.orthographic).toBe(true);
  expect([cam.projection[3], cam.projection[7], cam.projection[11], cam.projection[15]]).toEqual([0, 0, 0, 1]);
  expect(cam.look[2]).toBeLessThan(-0.9999);

  // Somewhere it turns freely.
  await gizmo.snapping(false, false);
  const spot = freeSpot(scene, table);
  await plan.drag([table.placement.x, table.placement.y], [spot.x, spot.y]);
  let at = await storedAfter(tools, sceneId, table.id, table.placement);
  // Its dimension lines went with it: the width label sits 10 cm out from the middle of its front edge.
  const { min, max } = table.build.stats!.bbox;
  const [c, s] = [Math.cos((at.yawDeg * Math.PI) / 180), Math.sin((at.yawDeg * Math.PI) / 180)];
  const [lx, ly] = [(min[0] + max[0]) / 2, min[1] - 0.1];
  const label = await plan.toScreen(at.x + c * lx - s * ly, at.y + s * lx + c * ly);
  await expect
    .poll(async () => {
      const b = (await page.getByTestId("dim-width").boundingBox())!;
      return Math.hypot(b.x + b.width / 2 - label.sx, b.y + b.height / 2 - label.sy);
    })
    .toBeLessThan(6);
  await expect(page.getByTestId("dim-width")).toHaveText(`${(max[0] - min[0]).toFixed(2)} m`);
  await gizmo.tool("Rotate");
  const view = await plan.view();
  const turn = async (dx: number, opts: { grid: boolean; shift?: boolean }) => {
    await gizmo.snapping(opts.grid, false);
    await gizmo.dragHandle("Y", dx, 0, { shift: opts.shift });
    at = await storedAfter(tools, sceneId, table.id, at);
    // The ring took the press: the plan view did not pan, and the table is still the selection.
    expect(await plan.view()).toEqual(view);
    await expect(page.getByTestId("code-pane")).toHaveAttribute("data-object", table.id);
    return at.yawDeg;
  };
  const off15 = (yaw: number) => Math.abs(yaw / 15 - Math.round(yaw / 15)) * 15;

  expect(off15(await turn(55, { grid: true }))).toBeLessThan(1e-6);
  expect(off15(await turn(-23, { grid: false }))).toBeGreaterThan(0.5);
  expect(off15(await turn(61, { grid: false, shift: true }))).toBeLessThan(1e-6);
});
