/**
 * Where a move goes: the placement (room frame, m, deg), support, move description and label for one object
 * and one parsed destination (offset, window, door, wall, centre, corner, onto or beside another object).
 */
import { err, ok, type Result } from "../errors";
import { placeOne } from "../layout/place";
import type { Placement, Relation, RelationType, Scene, SceneObject, Support } from "../scene/schema";
import { objectSize, type Vec2 } from "./geometry";
import type { Destination } from "./parse";
import { CAPABILITIES, type EditRefusal, type MoveSpec } from "./plan";
import { againstWall, atCentre, besideAnchor, clampInside, findFreeSpot, inCorner, ontoAnchor, pickWall } from "./placement";
import type { RefSpec } from "./reference";
import { openingPoints } from "./resolve";

/** What destination resolution needs from the plan being built: the working scene and reference resolution. */
export interface DestinationContext {
  work: Scene;
  targets(ref: RefSpec | null): Result<string[], EditRefusal>;
  obj(id: string): SceneObject;
}

/** A resolved destination. */
export interface Target {
  placement: Placement;
  support?: Support;
  move: MoveSpec;
  label: string;
}

function unsupported(message: string, reason: string): EditRefusal {
  return { code: "unsupported_edit", message, details: { reason, capabilities: [...CAPABILITIES] } };
}

/**
 * Relation types the layout solver scores for "to the left of", "next to", ... (lib/geometry/relation-check.ts).
 * WARNING: `besideAnchor` puts "left" on the anchor's local -X side (the left of someone facing it), which the
 * relation check calls the anchor's own "right"; the sides are swapped here so both mean the same spot.
 */
const NEAR_RELATIONS: Record<string, RelationType> = { left: "right", right: "left", front: "front", behind: "behind", near: "next_to", across: "across" };

/**
 * The spot the layout solver picks for `o` (as a floor or wall object of support `support`) near `p`, keeping
 * `relations` (lib/layout/place.ts), with a clause for the label saying how far from the exact spot and why;
 * `p` unchanged when it is valid or nothing valid is in reach (the room check then reports or fixes it).
 */
function solvedSpot(work: Scene, o: SceneObject, p: Placement, support: Support | undefined, relations: Relation[], group: readonly string[], keepYaw: boolean): { placement: Placement; why: string } {
  const probe = { ...o, support: support ?? o.support };
  if (!work.room || (probe.support !== "floor" && probe.support !== "wall")) return { placement: p, why: "" };
  const r = placeOne(work, probe, { want: p, relations, keepYaw, ignore: group.filter((id) => id !== o.id) });
  if (!r.found || (r.moved < 0.005 && r.placement.yawDeg === p.yawDeg)) return { placement: p, why: "" };
  const names = r.blockers.map((id) => work.objects.find((x) => x.id === id)?.name ?? id);
  const turned = Math.abs(r.placement.yawDeg - p.yawDeg) > 0.05 ? `, turned to ${r.placement.yawDeg.toFixed(0)} deg` : "";
  const cause = names.length ? `the exact spot runs into the ${names.join(" and the ")}` : (r.problems[0] ?? "the exact spot is not valid").replace(/\.$/, "");
  return { placement: r.placement, why: ` (${r.moved.toFixed(2)} m from the exact spot${turned}: ${cause})` };
}

/** Computes where `o` goes for `dest`; `group` holds the ids moving together. Refuses when the room lacks the element or the anchor is the object itself. */
export function destinationOf(
ctx: DestinationContext,
o: SceneObject,
dest: Destination,
group: readonly string[],
): Result<Target, EditRefusal> {
  const room = ctx.work.room;
  const here: Vec2 = [o.placement.x, o.placement.y];
  const floorZ = (s: Support | undefined) => (s && s.startsWith("on:") ? undefined : s);
  const toFloor = o.support.startsWith("on:") ? ({ support: "floor" as Support, z: 0 }) : null;
  const needRoom = () => err(unsupported("The room shell is not built yet.", "no_room"));
  switch (dest.type) {
    case "offset":
      return ok({ placement: { ...o.placement, x: o.placement.x + dest.dx, y: o.placement.y + dest.dy }, move: { type: "offset", dx: dest.dx, dy: dest.dy }, label: `move ${o.name} by (${dest.dx.toFixed(2)}, ${dest.dy.toFixed(2)}) m` });
    case "center":
      if (!room) return needRoom();
      return ok({ placement: { ...atCentre(ctx.work, o), z: toFloor ? 0 : o.placement.z }, support: toFloor?.support, move: { type: "to_centre" }, label: `move ${o.name} to the centre of the room` });
    case "corner": {
      if (!room) return needRoom();
      const c = inCorner(ctx.work, o, dest.side);
      const s = solvedSpot(ctx.work, o, { ...c, z: toFloor ? 0 : c.z }, toFloor?.support, [{ type: "corner", subject: o.id, anchor: "room" }], group, false);
      return ok({ placement: s.placement, support: toFloor?.support, move: { type: "to_corner", corner: 0 }, label: `move ${o.name} into the ${dest.side ?? "nearest"} corner${s.why}` });
    }
    case "wall": {
      if (!room) return needRoom();
      const w = pickWall(room.footprint, dest.side, here);
      const p = againstWall(o, w, here);
      return ok({ placement: { ...p, z: toFloor ? 0 : p.z }, support: floorZ(toFloor?.support), move: { type: "to_wall", wall: w.index }, label: `push ${o.name} against the ${w.side} wall` });
    }
    case "window":
    case "door": {
      if (!room) return needRoom();
      let pts = openingPoints(ctx.work, dest.type);
      if (dest.type === "window" && dest.side) {
        const side = pickWall(room.footprint, dest.side, here);
        const on = pts.filter((p) => p.wall === side.index);
        if (on.length) pts = on;
      }
      if (!pts.length) return err(unsupported(`This room has no ${dest.type}. Add one first ("add a window on the north wall") or name a wall.`, `no_${dest.type}`));
      pts.sort((a, b) => Math.hypot(a.point[0] - here[0], a.point[1] - here[1]) - Math.hypot(b.point[0] - here[0], b.point[1] - here[1]));
      const target = pts[0];
      const wall = pickWall(room.footprint, null, target.point);
      const opening = room.openings.find((x) => x.id === target.id)!;
      let along = target.point;
      if (dest.type === "door") {
        // Beside the door, never in front of it: shift along the wall by half the door plus half the object.
        const dir: Vec2 = [(wall.b[0] - wall.a[0]) / wall.length, (wall.b[1] - wall.a[1]) / wall.length];
        const shift = opening.width / 2 + objectSize(o).w / 2 + 0.15;
        const sign = opening.offset + shift < wall.length - objectSize(o).w / 2 ? 1 : -1;
        along = [along[0] + dir[0] * shift * sign, along[1] + dir[1] * shift * sign];
      }
      const p = againstWall(o, wall, along);
      const move: MoveSpec = dest.type === "window" ? { type: "to_window", openingId: target.id } : { type: "to_door", openingId: target.id };
      return ok({ placement: { ...p, z: toFloor ? 0 : p.z }, support: toFloor?.support, move, label: `move ${o.name} to the ${dest.type} (${target.id})` });
    }
    case "onto": {
      const a = ctx.targets(dest.anchor);
      if (!a.ok) return a;
      const anchor = ctx.obj(a.value[0]);
      if (anchor.id === o.id) return err(unsupported(`${o.name} cannot go on itself.`, "self"));
      const r = ontoAnchor(ctx.work, o, anchor);
      return ok({ placement: r.placement, support: r.support, move: { type: "onto", anchor: anchor.id }, label: `put ${o.name} on the ${anchor.name}` });
    }
    case "near": {
      const a = ctx.targets(dest.anchor);
      if (!a.ok) return a;
      const anchor = ctx.obj(a.value[0]);
      if (anchor.id === o.id || group.includes(anchor.id)) return err(unsupported(`${o.name} cannot be placed relative to itself.`, "self"));
      let p: Placement;
      if (dest.relation === "closer") {
        const dx = anchor.placement.x - o.placement.x;
        const dy = anchor.placement.y - o.placement.y;
        const d = Math.hypot(dx, dy) || 1;
        const sa = objectSize(anchor);
        const so = objectSize(o);
        const minGap = (Math.max(sa.w, sa.d) + Math.max(so.w, so.d)) / 2 + 0.05;
        const step = Math.max(0, Math.min(d * 0.4, d - minGap));
        p = { ...o.placement, x: o.placement.x + (dx / d) * step, y: o.placement.y + (dy / d) * step };
      } else if (dest.relation === "near") {
        const tries = (["right", "left", "front", "behind"] as const).map((rel) => clampInside(ctx.work, o, besideAnchor(o, anchor, rel)));
        p = tries.find((q) => findFreeSpot(ctx.work, o, q, [], { checkOnly: true }).free) ?? tries[0];
      } else {
        p = besideAnchor(o, anchor, dest.relation);
      }
      const support = o.support.startsWith("on:") && o.support !== `on:${anchor.id}` ? ("floor" as Support) : undefined;
      const word = dest.relation === "near" ? "next to" : dest.relation === "closer" ? "closer to" : dest.relation === "front" ? "in front of" : dest.relation === "behind" ? "behind" : dest.relation === "across" ? "across from" : `to the ${dest.relation} of`;
      const rel = NEAR_RELATIONS[dest.relation];
      const s = rel ? solvedSpot(ctx.work, o, { ...p, z: support ? 0 : p.z }, support, [{ type: rel, subject: o.id, anchor: anchor.id }], group, true) : { placement: { ...p, z: support ? 0 : p.z }, why: "" };
      return ok({ placement: s.placement, support, move: { type: "near", anchor: anchor.id, relation: dest.relation }, label: `move ${o.name} ${word} the ${anchor.name}${s.why}` });
    }
  }
}
