/**
 * Keeping a room valid after a change: the changed objects with a placement problem move to the nearest
 * valid spot, objects standing on a changed (rebuilt, moved) object rest again on its surfaces, and objects
 * whose support is gone go to the floor. Each move carries the reason, for the edit's message.
 */
import type { Placement, PlacementIssue, Scene, SceneObject, Support } from "../scene/schema";
import { issuesOf, type IssueRoom } from "./issues";
import { placeOne } from "./place";
import { nearestValidPlacement, restOnSupport } from "./rest";

/** The scene as settling sees it. */
export interface SettleScene {
  objects: readonly SceneObject[];
  room: IssueRoom | null;
}

/** One placement change made to keep the room valid. */
export interface SettleMove {
  id: string;
  placement: Placement;
  support?: Support;
  /** Why it moved, as a sentence naming the objects. */
  reason: string;
}

const moved = (a: Placement, b: Placement) => Math.hypot(a.x - b.x, a.y - b.y) > 0.004 || Math.abs(a.z - b.z) > 0.004 || Math.abs(a.yawDeg - b.yawDeg) > 0.05;
const dist = (a: Placement, b: Placement) => Math.hypot(a.x - b.x, a.y - b.y);

function describe(issues: readonly PlacementIssue[]): string {
  const first = issues.find((i) => i.kind !== "floating") ?? issues[0];
  return first ? first.message.replace(/\.$/, "") : "it was not placed validly";
}

/**
 * Moves that make `scene` valid again after `changed` ids changed (and `removed` supports left, with the ids of
 * the objects that stood on them). `fixChanged: false` keeps the changed objects where they are (a direct drag:
 * the editor shows the problem and offers the fix) and only re-rests what stands on them. Pure; apply the moves
 * in order.
 */
export function settleMoves(
  scene: SettleScene,
  changed: readonly string[],
  opts: { orphans?: readonly string[]; fixChanged?: boolean; before?: SettleScene } = {},
): SettleMove[] {
  let work: SettleScene = { objects: scene.objects.slice(), room: scene.room };
  const out: SettleMove[] = [];
  const set = (m: SettleMove) => {
    out.push(m);
    work = { ...work, objects: work.objects.map((o) => (o.id === m.id ? { ...o, placement: m.placement, support: m.support ?? o.support } : o)) };
  };
  const get = (id: string) => work.objects.find((o) => o.id === id);
  for (const id of opts.orphans ?? []) {
    const o = get(id);
    if (!o) continue;
    const r = nearestValidPlacement(work, { ...o, support: "floor" }, { ...o.placement, z: 0 });
    set({ id, placement: r.placement, support: "floor", reason: `${o.name} moved to the floor: ${o.support.slice(3)}, which held it, was removed.` });
  }
  const queue = [...changed];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const o = get(id);
    if (!o || o.hidden) continue;
    if (opts.fixChanged !== false || !changed.includes(id)) {
      const others = work.objects.filter((x) => !x.hidden && x.id !== id);
      const issues = issuesOf(o, o.placement, others, work.room);
      // With the scene before the change known, a changed object moves only for problems the change made.
      const prior = opts.before && changed.includes(id) ? priorIssues(opts.before, id) : null;
      const fresh = prior ? issues.filter((i) => !prior.has(`${i.kind}|${i.with ?? ""}`)) : issues;
      if (fresh.length) {
        let r = nearestValidPlacement(work, o);
        if (!r.found && makeRoom(() => work, o, fresh, changed, set)) r = nearestValidPlacement(work, get(id)!);
        if (r.found && moved(r.placement, o.placement)) {
          const d = dist(r.placement, o.placement);
          const how = d > 0.004 ? `moved ${d.toFixed(2)} m` : Math.abs(r.placement.z - o.placement.z) > 0.004 ? `${r.placement.z > o.placement.z ? "raised" : "lowered"} ${Math.abs(r.placement.z - o.placement.z).toFixed(2)} m` : "turned";
          const onto = r.support !== o.support ? ` to the floor` : o.support.startsWith("on:") ? ` to rest on ${o.support.slice(3)}` : "";
          set({ id, placement: r.placement, ...(r.support !== o.support ? { support: r.support } : {}), reason: `${o.name} ${how}${onto}: ${describe(fresh)}.` });
          for (const c of carry(work.objects, id, o.placement, r.placement)) set({ ...c, reason: `${get(c.id)!.name} moved with ${o.name}.` });
        }
      }
    }
    // What stands on this object rests again on its (possibly rebuilt or moved) surfaces.
    for (const dep of work.objects.filter((x) => x.support === `on:${id}` && !x.hidden)) {
      if (!issuesOf(dep, dep.placement, work.objects.filter((x) => !x.hidden && x.id !== dep.id), work.room).length) continue;
      const q = restOnSupport(work, dep);
      if (q && moved(q, dep.placement)) {
        const dz = q.z - dep.placement.z;
        const how = Math.abs(dz) > 0.004 ? `${dz > 0 ? "raised" : "lowered"} ${Math.abs(dz).toFixed(2)} m` : `moved ${dist(q, dep.placement).toFixed(2)} m`;
        set({ id: dep.id, placement: q, reason: `${dep.name} ${how} to rest on ${o.name}.` });
      }
      queue.push(dep.id);
    }
  }
  return out;
}

/**
 * When `o` has no valid spot in reach (a bed grown too large for its corner), the floor and wall objects it runs
 * into that did not change themselves move to the layout solver's best valid spot for them (lib/layout/place.ts),
 * carrying what stands on them. True when any of them moved.
 */
function makeRoom(cur: () => SettleScene, o: SceneObject, issues: readonly PlacementIssue[], changed: readonly string[], set: (m: SettleMove) => void): boolean {
  let any = false;
  const blockers = [...new Set(issues.filter((i) => i.kind === "collision" && i.with).map((i) => i.with!))];
  for (const bid of blockers) {
    const work = cur();
    const b = work.objects.find((x) => x.id === bid);
    // What `o` stands on is never moved out of its way (it collides only with parts rising from its own surface).
    if (!b || b.hidden || changed.includes(bid) || o.support === `on:${bid}` || (b.support !== "floor" && b.support !== "wall")) continue;
    const r = placeOne(work, b, { want: b.placement });
    if (!r.found || !moved(r.placement, b.placement)) continue;
    const objects = work.objects;
    set({ id: bid, placement: r.placement, reason: `${b.name} moved ${dist(r.placement, b.placement).toFixed(2)} m to make room for ${o.name}.` });
    for (const c of carry(objects, bid, b.placement, r.placement)) set({ ...c, reason: `${objects.find((x) => x.id === c.id)!.name} moved with ${b.name}.` });
    any = true;
  }
  return any;
}

/** Rigid moves (room frame) of the objects standing on `id` (transitively) when it moves from `from` to `to`. */
function carry(objects: readonly SceneObject[], id: string, from: Placement, to: Placement): { id: string; placement: Placement }[] {
  const out: { id: string; placement: Placement }[] = [];
  const r = ((to.yawDeg - from.yawDeg) * Math.PI) / 180;
  const ids = new Set([id]);
  for (let k = 0; k < 8; k++) {
    for (const o of objects) {
      if (ids.has(o.id) || !o.support.startsWith("on:") || !ids.has(o.support.slice(3))) continue;
      ids.add(o.id);
      const dx = o.placement.x - from.x;
      const dy = o.placement.y - from.y;
      const x = to.x + dx * Math.cos(r) - dy * Math.sin(r);
      const y = to.y + dx * Math.sin(r) + dy * Math.cos(r);
      const yaw = o.placement.yawDeg + (to.yawDeg - from.yawDeg);
      out.push({ id: o.id, placement: { x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000, z: Math.round((o.placement.z + to.z - from.z) * 1000) / 1000, yawDeg: Math.round((((yaw % 360) + 360) % 360) * 1000) / 1000 } });
    }
  }
  return out;
}

/** Issue keys (`kind|with`) of `id` in `scene`; empty when it is absent or hidden. */
function priorIssues(scene: SettleScene, id: string): Set<string> {
  const o = scene.objects.find((x) => x.id === id);
  if (!o || o.hidden) return new Set();
  return new Set(issuesOf(o, o.placement, scene.objects.filter((x) => !x.hidden && x.id !== id), scene.room).map((i) => `${i.kind}|${i.with ?? ""}`));
}

/** Objects of `scene` that stand on `id`. */
export function standingOn(scene: Pick<Scene, "objects">, id: string): SceneObject[] {
  return scene.objects.filter((o) => o.support === `on:${id}`);
}
