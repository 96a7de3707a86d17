/** Adding objects in an edit plan: the new object, its size, colour and material, and where it goes. */
import { err } from "../errors";
import { materialPreset } from "../program/materials";
import type { Placement, SceneObject, Support } from "../scene/schema";
import { canonicalCategory, categoryInfo } from "../vocab";
import { boundsOf } from "./geometry";
import type { Intent } from "./parse";
import type { Change } from "./parse-changes";
import { dimsOf } from "./params-rules";
import type { PlanBuilder } from "./plan-builder";
import { DONE, round3, unsupported, type StepResult as R } from "./plan-step";
import { againstWall, pickWall } from "./placement";

/** A new object with no program yet (build pending), as an `add-object` plan step carries it; its route comes from the vocabulary. */
export function pendingObject(o: Pick<SceneObject, "id" | "category" | "name" | "description" | "attributes" | "targetSize" | "support" | "placement">): SceneObject {
  return {
    ...o,
    route: categoryInfo(o.category).route,
    plan: null,
    program: null,
    build: { status: "pending", glbRev: null, stats: null, error: null, attempts: 0 },
    hidden: false,
  };
}

/** Adds the objects of an `add` intent to the plan, each at its destination or a default spot. */
export function addObjects(b: PlanBuilder, intent: Extract<Intent, { type: "add" }>): R {
  if (!intent.noun.length) return err(unsupported("Add what? Name the object, for example \"add a floor lamp next to the sofa\".", "no_noun"));
  if (intent.count > 6) return err(unsupported("Add at most 6 objects at once.", "too_many"));
  const category = canonicalCategory(intent.noun.join(" "));
  const info = categoryInfo(category);
  for (let k = 0; k < intent.count; k++) {
    const id = b.nextId(category);
    const size = { ...info.defaultSize };
    for (const c of intent.changes) {
      if (c.kind === "absolute" || c.kind === "scale" || c.kind === "delta") {
        for (const d of dimsOf(c.dim, size)) size[d] = c.kind === "absolute" ? c.meters : c.kind === "scale" ? size[d] * c.factor : size[d] + c.meters;
      }
    }
    const color = intent.changes.find((c): c is Extract<Change, { kind: "color" }> => c.kind === "color");
    const material = intent.changes.find((c): c is Extract<Change, { kind: "material" }> => c.kind === "material");
    const words = [color?.name?.replace(/_/g, " "), material?.name.replace(/_/g, " "), category.replace(/_/g, " ")].filter(Boolean).join(" ");
    const support: Support = info.support === "floor" ? "floor" : info.support;
    const z = support === "wall" ? Math.max(0.9, 1.5 - size.h / 2) : support === "ceiling" ? Math.max(0, (b.work.room?.wallHeight ?? 2.7) - size.h) : 0;
    const object = pendingObject({
      id,
      name: category.replace(/_/g, " "),
      category,
      description: `${intent.count > 1 ? "a " : ""}${words}`.trim(),
      targetSize: { w: round3(size.w), d: round3(size.d), h: round3(size.h) },
      placement: { x: 0, y: 0, z, yawDeg: 0 },
      support,
      attributes: { color: color?.hex ?? (material ? materialPreset(material.name).color : null), colorName: color?.name ?? null, material: material?.name ?? null, size: null, style: [], tags: [] },
    });
    b.addStep(object, `add ${words}`);
    let r: R;
    if (intent.dest) {
      r = b.move({ text: id, pronoun: false, quantity: "one", noun: [id], plural: false, ordinal: null, side: null, color: null, relation: null, list: null }, intent.dest);
    } else if (info.surface) {
      const host = b.work.objects.find((o) => /(desk|table|nightstand|dresser|sideboard|counter|shelf|cabinet)$/.test(o.category));
      r = host
        ? b.move({ text: id, pronoun: false, quantity: "one", noun: [id], plural: false, ordinal: null, side: null, color: null, relation: null, list: null }, { type: "onto", anchor: { text: host.id, pronoun: false, quantity: "one", noun: [host.id], plural: false, ordinal: null, side: null, color: null, relation: null, list: null } })
        : b.defaultSpot(b.obj(id));
    } else {
      r = b.defaultSpot(b.obj(id));
    }
    if (!r.ok) return r;
  }
  return DONE;
}

/** A new object without a destination: against the nearest free wall spot for wall objects, else the free spot nearest the centre. */
export function placeAtDefaultSpot(b: PlanBuilder, o: SceneObject): R {
  const room = b.work.room;
  if (!room) return DONE;
  const bb = boundsOf(room.footprint);
  const c: Placement = { x: (bb.minX + bb.maxX) / 2, y: (bb.minY + bb.maxY) / 2, z: o.placement.z, yawDeg: 0 };
  if (o.support === "wall") {
    const w = pickWall(room.footprint, "north", [c.x, c.y]);
    return b.place(o, againstWall(o, w, [(w.a[0] + w.b[0]) / 2, (w.a[1] + w.b[1]) / 2]), { type: "to_wall", wall: w.index }, undefined, `hang ${o.name} on the ${w.side} wall`, true);
  }
  return b.place(o, c, { type: "to_centre" }, undefined, `place ${o.name} near the centre`, true);
}
