import "server-only";
/**
 * Fix placement: moves one object to the nearest valid spot (lib/layout/rest.ts, judged on the built parts)
 * as one undoable edit; what stands on it moves with it and rests again on its surfaces.
 */
import { carried } from "../../lib/edits/placement";
import { AppError } from "../../lib/errors";
import { nearestValidPlacement } from "../../lib/layout/rest";
import { issuesOf, withIssues } from "../../lib/layout/issues";
import type { Scene } from "../../lib/scene/schema";
import { assertSceneIdle } from "../pipeline";
import { getStore } from "../store";
import { DEFAULT_ACTOR } from "./apply";
import type { HistoryItem } from "./history";
import { SceneChange } from "./executor";
import { withObjectLocks } from "./lock";
import { keepValid } from "./validity";

/**
 * Moves `objectId` to the nearest valid spot. Returns the scene (objects carry `issues`), the history entry
 * (null when the object was already valid) and notes saying what moved and why. Throws AppError `not_found`,
 * `busy`, `conflict` (no valid spot within reach: nothing changes).
 */
export async function fixPlacement(sceneId: string, objectId: string, actor = DEFAULT_ACTOR): Promise<{ scene: Scene; entry: HistoryItem | null; notes: string[] }> {
  const store = getStore();
  const scene = store.getScene(sceneId);
  const obj = scene.objects.find((o) => o.id === objectId);
  if (!obj) throw new AppError("not_found", `Object ${JSON.stringify(objectId.slice(0, 80))} does not exist in this scene.`, { objectId: objectId.slice(0, 80) });
  assertSceneIdle(sceneId);
  const ids = [objectId, ...scene.objects.filter((o) => o.support === `on:${objectId}`).map((o) => o.id)];
  return withObjectLocks(sceneId, ids, async () => {
    let cur = store.getScene(sceneId);
    const o = cur.objects.find((x) => x.id === objectId)!;
    const others = cur.objects.filter((x) => !x.hidden && x.id !== objectId);
    const problems = issuesOf(o, o.placement, others, cur.room);
    const notes: string[] = [];
    if (!problems.length) {
      notes.push(`${o.name} is already placed validly.`);
      return { scene: withIssues(cur), entry: null, notes };
    }
    const r = nearestValidPlacement(cur, o, o.placement, { turn: true });
    if (!r.found) throw new AppError("conflict", `No valid spot for ${o.name} within reach: ${problems.map((p) => p.message).join(" ")}`, { objectId, issues: problems });
    const change = new SceneChange(sceneId, cur);
    const apply = change.apply;
    const from = o.placement;
    const d = Math.hypot(r.placement.x - from.x, r.placement.y - from.y);
    apply({ name: "set-placement", args: { objectId, placement: r.placement, ...(r.support !== o.support ? { support: r.support } : {}) } });
    notes.push(`${o.name} moved ${d.toFixed(2)} m${r.support !== o.support ? " to the floor" : ""}${Math.abs(r.placement.yawDeg - from.yawDeg) > 0.05 ? `, turned to ${r.placement.yawDeg.toFixed(0)} deg` : ""}: ${problems.map((p) => p.message.replace(/\.$/, "")).join("; ")}.`);
    for (const c of carried(change.scene, { ...o, placement: from }, from, r.placement)) apply({ name: "set-placement", args: { objectId: c.id, placement: c.placement } });
    keepValid(() => change.scene, apply, notes, [objectId], { fixChanged: false });
    const label = `fix the placement of ${objectId}`;
    change.emit({ type: "edit.applied", objectId, data: (e) => ({ kind: "placement", label, notes, historySeq: e?.seq ?? null }) });
    const committed = change.commit({ kind: "placement", label, actor });
    cur = committed.scene;
    const entry = committed.entry;
    return { scene: withIssues(cur), entry, notes };
  });
}
