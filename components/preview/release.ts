/**
 * What happens when a drag ends: a clean spot is saved at once (PATCH .../objects/:oid {placement}); a spot with
 * problems is held, shown where it was dropped, until the designer snaps it back, has the server fix it (nearest
 * valid spot, one undoable edit) or keeps it. The scene on the server never changes without that choice.
 */
import { placementToThree } from "@/lib/frames";
import type { PlacementProblem } from "@/lib/placement/check";
import type { Placement, SceneObject } from "@/lib/scene";
import { patchObject, postFixPlacement, postHistory } from "../editor/api";
import type { EditorStore } from "../editor/editor-store";
import { displayName } from "../editor/messages";
import { placementStore } from "./placement-store";
import type { GroupRegistry } from "./object-node";

/** Placements closer than 0.1 mm and 0.001 degrees are the same. */
export function samePlacement(a: Placement, b: Placement): boolean {
  return Math.abs(a.x - b.x) < 1e-4 && Math.abs(a.y - b.y) < 1e-4 && Math.abs(a.z - b.z) < 1e-4 && Math.abs(a.yawDeg - b.yawDeg) < 1e-3;
}

/** One sentence for the designer per problem, naming objects by their display names. */
export function describeProblem(p: PlacementProblem, objects: readonly SceneObject[]): string {
  const cm = Math.round(p.depth * 100);
  if (p.kind === "collision") {
    const o = objects.find((x) => x.id === p.with);
    return `runs ${cm} cm into ${o ? displayName(o, objects) : p.with}`;
  }
  return p.kind === "wall" ? `runs ${cm} cm into a wall` : `stands ${cm} cm outside the room`;
}

function showAt(groups: GroupRegistry, id: string, p: Placement, invalidate: () => void): void {
  const g = groups.get(id);
  if (!g) return;
  const t = placementToThree(p);
  g.position.set(...t.position);
  g.rotation.set(0, t.rotationY, 0);
  invalidate();
}

/** Save a placement (optimistic; on failure the object goes back and the reason is shown). Returns true when saved. */
export async function saveMove(editor: EditorStore, id: string, placement: Placement): Promise<boolean> {
  const { sceneId, scene, upsertObject, notify } = editor.getState();
  const obj = scene?.objects.find((o) => o.id === id);
  if (!obj) return false;
  upsertObject({ ...obj, placement });
  const r = await patchObject(sceneId, id, { placement });
  if (r.ok) {
    upsertObject(r.value.object);
    return true;
  }
  upsertObject(obj);
  notify("error", r.missing ? "Moving objects is not available on this server yet." : `Could not move ${displayName(obj, scene?.objects)}: ${r.error.message}`);
  return false;
}

/** End of a drag from `from` to `to` with the problems found at `to`: save, or hold for the designer's choice. */
export async function releaseMove(editor: EditorStore, id: string, from: Placement, to: Placement, problems: PlacementProblem[]): Promise<void> {
  if (samePlacement(from, to)) return;
  if (problems.length === 0) {
    await saveMove(editor, id, to);
    return;
  }
  placementStore(editor).getState().setPending({ id, from, to, problems, note: null, busy: false });
}

/** Put the held object back where the drag started (nothing is saved). */
export function snapBack(editor: EditorStore, groups: GroupRegistry, invalidate: () => void): void {
  const ps = placementStore(editor).getState();
  const p = ps.pending;
  if (!p) return;
  ps.setPending(null);
  const stored = editor.getState().scene?.objects.find((o) => o.id === p.id)?.placement ?? p.from;
  showAt(groups, p.id, stored, invalidate);
}

/** Save the held spot as it is (the designer chose to keep it; the server's check reports its issues). */
export async function keepMove(editor: EditorStore, groups: GroupRegistry, invalidate: () => void): Promise<void> {
  const ps = placementStore(editor);
  const p = ps.getState().pending;
  if (!p || p.busy) return;
  ps.getState().setPending({ ...p, busy: true });
  const ok = await saveMove(editor, p.id, p.to);
  ps.getState().setPending(null);
  if (!ok) snapBackTo(editor, groups, p.id, invalidate);
}

function snapBackTo(editor: EditorStore, groups: GroupRegistry, id: string, invalidate: () => void): void {
  const stored = editor.getState().scene?.objects.find((o) => o.id === id)?.placement;
  if (stored) showAt(groups, id, stored, invalidate);
}

/**
 * Have the server move the object to the nearest valid spot from where it was dropped: the drop spot is saved, then
 * fixed by the server (two undo steps: the move and the fix). When the fix fails (no valid spot within reach, or
 * no such route on this server), the move is undone, the object goes back and the choice stays open with the reason.
 */
export async function fixMove(editor: EditorStore, groups: GroupRegistry, invalidate: () => void): Promise<void> {
  const ps = placementStore(editor);
  const p = ps.getState().pending;
  if (!p || p.busy) return;
  ps.getState().setPending({ ...p, busy: true, note: null });
  const st = editor.getState();
  if (!(await saveMove(editor, p.id, p.to))) {
    ps.getState().setPending({ ...p, busy: false, note: "The spot could not be saved to fix it from there." });
    return;
  }
  const r = await postFixPlacement(st.sceneId, p.id);
  if (!r.ok) {
    const undo = await postHistory(st.sceneId, "undo");
    if (undo.ok) editor.getState().setScene(undo.value.scene);
    const note = r.missing
      ? "This server cannot fix placements yet (no fix-placement route). Snap back, or keep the spot as it is."
      : `The server could not fix the placement: ${r.error.message}`;
    // Shown where it was dropped again, with the choice still open.
    showAt(groups, p.id, p.to, invalidate);
    ps.getState().setPending({ ...p, busy: false, note });
    return;
  }
  editor.getState().setScene(r.value.scene);
  ps.getState().setPending(null);
  if (r.value.notes?.length) editor.getState().notify("info", r.value.notes.join(" "));
  snapBackTo(editor, groups, p.id, invalidate);
}
