import "server-only";
/**
 * The one check every change goes through: after an edit's own commands, objects with placement problems move
 * to the nearest valid spot and what stood on changed objects rests again on their built surfaces
 * (lib/layout/settle.ts), as `set-placement` commands of the same history entry; the notes say what moved and
 * why, and which problems remain.
 */
import type { Command } from "../../lib/edits/commands";
import { issuesOf } from "../../lib/layout/issues";
import { settleMoves } from "../../lib/layout/settle";
import type { Scene } from "../../lib/scene/schema";

/**
 * Applies the moves that keep `cur()` valid after `changed` ids changed (`orphans`: objects whose support was
 * removed; `fixChanged: false` leaves the changed objects themselves in place; `before`: the scene before the
 * change, so that only problems the change made move an object) and appends their reasons and the
 * remaining problems of the changed objects to `notes`.
 */
export function keepValid(cur: () => Scene, apply: (c: Command) => void, notes: string[], changed: readonly string[], opts: { orphans?: readonly string[]; fixChanged?: boolean; before?: Scene } = {}): void {
  const scene = cur();
  if (!scene.room) return;
  const present = changed.filter((id) => scene.objects.some((o) => o.id === id));
  for (const m of settleMoves(scene, present, opts)) {
    apply({ name: "set-placement", args: { objectId: m.id, placement: m.placement, ...(m.support ? { support: m.support } : {}) } });
    if (!notes.includes(m.reason)) notes.push(m.reason);
  }
  const after = cur();
  const visible = after.objects.filter((o) => !o.hidden);
  for (const id of present) {
    const o = visible.find((x) => x.id === id);
    if (!o) continue;
    for (const i of issuesOf(o, o.placement, visible.filter((x) => x.id !== id), after.room)) if (!notes.includes(i.message)) notes.push(i.message);
  }
}
