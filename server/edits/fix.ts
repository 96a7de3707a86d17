import "server-only";
/**
 * Fix placement: moves one object to the nearest valid spot (lib/layout/rest.ts, judged on the built parts)
 * as one undoable edit; what stands on it moves with it and rests again on its surfaces.
 */
import type { Command } from "../../lib/edits/commands";
import { carried } from "../../lib/edits/placement";
import { AppError } from "../../lib/errors";
import { nearestValidPlacement } from "../../lib/layout/rest";
import { issuesOf, withIssues } from "../../lib/layout/issues";
import type { Scene } from "../../lib/scene/schema";
import { appendEvent } from "../events/bus";
import { assertSceneIdle } from "../pipeline";
import { getStore } from "../store";
import { DEFAULT_ACTOR } from "./apply";
import { recordChange, type HistoryItem } from "./history";
import { withObjectLocks } from "./lock";
import { persistCommand } from "./persist";
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
    const done: Command[] = [];
    const inverses: Command[] = [];
    const apply = (cmd: Command) => {
      const res = persistCommand(store, cur, cmd);
      cur = res.scene;
      done.push(cmd);
      inverses.unshift(res.inverse);
    };
    const from = o.placement;
    const d = Math.hypot(r.placement.x - from.x, r.placement.y - from.y);
    apply({ name: "set-placement", args: { objectId, placement: r.placement, ...(r.support !== o.support ? { support: r.support } : {}) } });
    notes.push(`${o.name} moved ${d.toFixed(2)} m${r.support !== o.support ? " to the floor" : ""}${Math.abs(r.placement.yawDeg - from.yawDeg) > 0.05 ? `, turned to ${r.placement.yawDeg.toFixed(0)} deg` : ""}: ${problems.map((p) => p.message.replace(/\.$/, "")).join("; ")}.`);
    for (const c of carried(cur, { ...o, placement: from }, from, r.placement)) apply({ name: "set-placement", args: { objectId: c.id, placement: c.placement } });
    keepValid(() => cur, apply, notes, [objectId], { fixChanged: false });
    const entry = recordChange(sceneId, { kind: "placement", label: `fix the placement of ${objectId}`, actor, commands: done, inverses });
    appendEvent(sceneId, "edit.applied", { objectId, data: { kind: "placement", label: entry.label, notes, historySeq: entry.seq } });
    return { scene: withIssues(cur), entry, notes };
  });
}
