/** Room edits in an edit plan: resizing the room, the wall colour and material, the floor material. */
import { err } from "../errors";
import { materialPreset } from "../program/materials";
import type { Material } from "../scene/schema";
import { boundsOf, roundPlacement } from "./geometry";
import type { Change } from "./parse-changes";
import { dimsOf } from "./params-rules";
import type { PlanBuilder } from "./plan-builder";
import { DONE, round3, unsupported, type StepResult as R } from "./plan-step";
import { clampInside } from "./placement";

/** Applies room changes: size (keeping objects inside), or the colour and material of the walls or the floor. */
export function roomEdit(b: PlanBuilder, target: "walls" | "floor" | "room", changes: Change[]): R {
  const room = b.work.room;
  if (!room) return err(unsupported("The room shell is not built yet.", "no_room"));
  if (target === "room") {
    const bb = boundsOf(room.footprint);
    const s = { w: bb.maxX - bb.minX, d: bb.maxY - bb.minY, h: room.wallHeight };
    let sized = false;
    for (const c of changes) {
      if (c.kind !== "scale" && c.kind !== "delta" && c.kind !== "absolute") continue;
      sized = true;
      const dims = c.dim === "all" ? (["w", "d"] as const) : dimsOf(c.dim, s);
      for (const d of dims) s[d] = c.kind === "absolute" ? c.meters : c.kind === "scale" ? s[d] * c.factor : s[d] + c.meters;
    }
    if (!sized) return err(unsupported("For the room I can change its size, the wall colour and the floor material.", "room_change"));
    if (s.w < 1.5 || s.d < 1.5 || s.w > 40 || s.d > 40) return err(unsupported(`A ${s.w.toFixed(2)} x ${s.d.toFixed(2)} m room is outside 1.5..40 m.`, "room_size"));
    const size = { w: round3(s.w), d: round3(s.d) };
    const r = b.roomOp({ size }, `resize the room to ${size.w} x ${size.d} m`);
    if (!r.ok) return r;
    // Objects now outside the smaller room move inside.
    for (const o of b.work.objects.filter((x) => !x.support.startsWith("on:"))) {
      const q = roundPlacement(clampInside(b.work, o, o.placement));
      if (q.x !== o.placement.x || q.y !== o.placement.y) b.place(o, q, { type: "set" }, undefined, `keep ${o.name} inside the resized room`, true);
    }
    return DONE;
  }
  const key = target === "walls" ? "wallMaterial" : "floorMaterial";
  const cur: Material = room[key];
  let next: Material = { ...cur };
  for (const c of changes) {
    if (c.kind === "color") next = { ...next, color: c.hex };
    else if (c.kind === "material") {
      const p = materialPreset(c.name);
      next = { name: c.name, color: changes.some((x) => x.kind === "color") ? next.color : p.color, roughness: p.roughness, metallic: p.metallic };
    } else return err(unsupported(`For the ${target} I can change the colour or the material.`, "room_change"));
  }
  if (target === "walls" && !changes.some((c) => c.kind === "material")) next = { ...next, name: cur.name || "paint" };
  return b.roomOp({ [key]: next }, `${target === "walls" ? "paint the walls" : "change the floor to"} ${next.name} ${next.color}`);
}
