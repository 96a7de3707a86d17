/**
 * One step of a drag in the preview: the raw position from the pointer or gizmo, snapped (grid, walls, edges), then
 * checked part by part against the other objects and the room, with the live gaps to the nearest walls and objects.
 */
import { rectOf, placeBox, type OrientedBox } from "@/lib/placement/boxes";
import { checkPlacement, type CheckedObject } from "@/lib/placement/check";
import { placedRect, rectGap, snapPosition, snapYaw, wallGaps } from "@/lib/placement/snap";
import type { Placement, SceneObject } from "@/lib/scene";
import type { EditorStore } from "../editor/editor-store";
import { partRegistry, placementStore, type DragState } from "./placement-store";

/** The parts of an object as the preview has loaded them, else one box of its target size (local frame, m). */
export function partsOf(editor: EditorStore, o: SceneObject): OrientedBox[] {
  const loaded = partRegistry(editor).get(o.id);
  if (loaded && loaded.length) return loaded;
  return [{ cx: 0, cy: 0, hx: o.targetSize.w / 2, hy: o.targetSize.d / 2, yawDeg: 0, z0: 0, z1: o.targetSize.h }];
}

function checked(editor: EditorStore, o: SceneObject): CheckedObject {
  return { id: o.id, parts: partsOf(editor, o), placement: o.placement, support: o.support, route: o.route };
}

/**
 * Evaluate `raw` for object `id`: snapped when `snap` is set (moves; turns keep their position), its yaw snapped to
 * multiples of `turnStepDeg` (deg) when that is set (turns), then checked. Returns null when the object is not in the scene.
 */
export function evaluateDrag(editor: EditorStore, id: string, raw: Placement, snap: boolean, turnStepDeg: number | null = null): DragState | null {
  const scene = editor.getState().scene;
  const obj = scene?.objects.find((o) => o.id === id);
  if (!scene || !obj) return null;
  const opts = placementStore(editor).getState();
  const others = scene.objects.filter((o) => o.id !== id && !o.hidden);
  const subject = checked(editor, obj);
  const local = rectOf(subject.parts) ?? { minX: -0.25, minY: -0.25, maxX: 0.25, maxY: 0.25 };
  const footprint = scene.room?.footprint ?? null;
  // Objects resting on this one move with it: they are neither obstacles nor snap targets.
  const obstacles = others.filter((o) => o.support !== `on:${id}`).map((o) => checked(editor, o));
  const rects = obstacles.map((o) => ({ id: o.id, rect: rectOf(o.parts.map((b) => placeBox(b, o.placement)))! }));
  let placement = turnStepDeg ? { ...raw, yawDeg: snapYaw(raw.yawDeg, turnStepDeg) } : raw;
  let guides: DragState["readout"]["guides"] = [];
  if (snap) {
    const s = snapPosition({ x: raw.x, y: raw.y, yawDeg: placement.yawDeg, local, footprint, others: rects, grid: opts.grid, smart: opts.smart });
    placement = { ...placement, x: s.x, y: s.y };
    guides = s.guides;
  }
  const room = scene.room ? { footprint: scene.room.footprint, wallThickness: scene.room.wallThickness } : null;
  const problems = checkPlacement(subject, placement, obstacles, room);
  const walls: DragState["readout"]["walls"] = [];
  if (footprint) {
    const seen: [number, number][] = [];
    for (const g of wallGaps(placement.x, placement.y, placement.yawDeg, local, footprint)) {
      if (seen.some((n) => Math.abs(n[0] * g.wall.normal[0] + n[1] * g.wall.normal[1]) > 0.5)) continue;
      seen.push(g.wall.normal);
      walls.push({ name: g.wall.name, gap: g.gap });
      if (walls.length === 2) break;
    }
  }
  const mine = placedRect(local, placement.x, placement.y, placement.yawDeg);
  const covers = new Set(obstacles.filter((o) => o.route === "thin_cover").map((o) => o.id));
  const objects = rects
    .filter((r) => !covers.has(r.id))
    .map((r) => ({ id: r.id, gap: rectGap(mine, r.rect) }))
    .sort((a, b) => a.gap - b.gap)
    .slice(0, 2);
  return { id, placement, problems, readout: { walls, objects, guides } };
}
