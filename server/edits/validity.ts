import "server-only";
/**
 * The one check every change goes through: after an edit's own commands, objects with placement problems move
 * to the nearest valid spot and what stood on changed objects rests again on their built surfaces
 * (lib/layout/settle.ts), as `set-placement` commands of the same history entry; the notes say what moved and
 * why, and which problems remain.
 */
import type { Command } from "../../lib/edits/commands";
import { AppError } from "../../lib/errors";
import { issuesOf } from "../../lib/layout/issues";
import { settleMoves } from "../../lib/layout/settle";
import type { Scene } from "../../lib/scene/schema";

/** Problems that make a room physically invalid: a change that leaves one of these where there was none is refused. */
const INVALID = new Set(["collision", "wall", "outside"]);

/**
 * Applies the moves that keep `cur()` valid after `changed` ids changed (`orphans`: objects whose support was
 * removed; `fixChanged: false` leaves the changed objects themselves in place; `before`: the scene before the
 * change, so that only problems the change made move an object) and appends their reasons and the
 * remaining problems of the changed objects to `notes`. Throws AppError `conflict` (nothing is applied: the
 * caller's change is not committed) when, with `before` given and the changed objects free to move, a changed
 * object still runs into another object, a wall or out of the room where it did not before and no valid spot
 * was found for it.
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
  const broken: string[] = [];
  for (const id of present) {
    const o = visible.find((x) => x.id === id);
    if (!o) continue;
    const issues = issuesOf(o, o.placement, visible.filter((x) => x.id !== id), after.room);
    for (const i of issues) if (!notes.includes(i.message)) notes.push(i.message);
    if (opts.before && opts.fixChanged !== false) {
      const prior = priorKeys(opts.before, id);
      for (const i of issues) if (INVALID.has(i.kind) && !prior.has(`${i.kind}|${i.with ?? ""}`)) broken.push(i.message.replace(/\.$/, ""));
    }
  }
  if (broken.length) throw new AppError("conflict", `No valid spot in this room after that change, so nothing was changed: ${broken.join("; ")}.`, { issues: broken });
}

/** Issue keys (`kind|with`) of `id` in `scene` (empty when it is absent or hidden there). */
function priorKeys(scene: Scene, id: string): Set<string> {
  const o = scene.objects.find((x) => x.id === id);
  if (!o || o.hidden) return new Set();
  const others = scene.objects.filter((x) => !x.hidden && x.id !== id);
  return new Set(issuesOf(o, o.placement, others, scene.room).map((i) => `${i.kind}|${i.with ?? ""}`));
}
