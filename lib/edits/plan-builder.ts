/** The edit plan builder: ops accumulated over a working copy of the scene, one parsed intent at a time. */
import { err, type Result } from "../errors";
import { normalizeYaw } from "../frames";
import type { Placement, Scene, SceneObject, Support } from "../scene/schema";
import { perform } from "./commands";
import { conflictsFor } from "./conflicts";
import { objectSize, roundPlacement, yawFacing } from "./geometry";
import type { Destination, Intent } from "./parse";
import type { Change } from "./parse-changes";
import { paramsFor, paramKeyFor } from "./params-rules";
import { CAPABILITIES, type EditOp, type EditRefusal, type MoveSpec } from "./plan";
import { addObjects, placeAtDefaultSpot } from "./plan-add";
import { roomEdit } from "./plan-room";
import { DONE, unsupported, type StepResult as R } from "./plan-step";
import { carried, clampInside, findFreeSpot } from "./placement";
import { resolveAnchor, resolveReference, summarize } from "./resolve";
import { destinationOf, type Target } from "./destination";
import type { RefSpec } from "./reference";
import { newWindow, roomPatchFor } from "./room";

/** Accumulates ops over a working copy of the scene so that later clauses see earlier changes. */
export class PlanBuilder {
  work: Scene;
  ops: EditOp[] = [];
  notes: string[] = [];
  touched = new Set<string>();

  constructor(
    readonly scene: Scene,
    readonly selection: readonly string[],
    readonly now: string,
  ) {
    this.work = scene;
  }

  obj(id: string): SceneObject {
    return this.work.objects.find((o) => o.id === id)!;
  }

  targets(ref: RefSpec | null): Result<string[], EditRefusal> {
    const r = ref ?? { text: "", pronoun: true, quantity: "one" as const, noun: null, plural: false, ordinal: null, side: null, color: null, relation: null, list: null };
    return resolveReference(this.work, r, this.selection);
  }

  apply(intent: Intent): R {
    switch (intent.type) {
      case "change":
        return this.change(intent.target, intent.changes);
      case "move":
        return this.move(intent.target, intent.dest);
      case "rotate":
        return this.eachTarget(intent.target, (o) => {
          const p = { ...o.placement, yawDeg: normalizeYaw(o.placement.yawDeg + intent.deg) };
          return this.place(o, p, { type: "rotate", deg: intent.deg }, undefined, `rotate ${o.name} by ${intent.deg}°`, false);
        });
      case "face":
        return this.eachTarget(intent.target, (o) => {
          const a = resolveAnchor(this.work, intent.anchor, this.selection, [o.placement.x, o.placement.y]);
          if (!a.ok) return a;
          if (a.value.object?.id === o.id) return err(unsupported(`${o.name} cannot face itself.`, "self"));
          const yaw = yawFacing(a.value.point[0] - o.placement.x, a.value.point[1] - o.placement.y);
          const name = a.value.object ? a.value.object.id : intent.anchor.kind === "arch" ? intent.anchor.what : "";
          return this.place(o, { ...o.placement, yawDeg: yaw }, { type: "face", anchor: name }, undefined, `turn ${o.name} to face the ${a.value.object?.name ?? name}`, false);
        });
      case "swap":
        return this.swap(intent.a, intent.b);
      case "add":
        return this.add(intent);
      case "remove":
        return this.remove(intent.target);
      case "room":
        return this.room(intent.target, intent.changes);
      case "add_window": {
        const room = this.work.room;
        if (!room) return err(unsupported("The room shell is not built yet.", "no_room"));
        const w = newWindow(room, intent.side);
        if (!w) return err(unsupported(`No wall${intent.side ? ` on the ${intent.side}` : ""} has space for a ${1.2} m window.`, "no_space"));
        return this.roomOp({ addOpening: w }, `add a window on wall ${w.wall} at ${w.offset} m`);
      }
      case "unknown":
        return err(unsupported(`I can't carry out "${intent.text}". I can change: ${CAPABILITIES.join("; ")}.`, "not_understood"));
    }
  }

  eachTarget(ref: RefSpec | null, f: (o: SceneObject) => R): R {
    const t = this.targets(ref);
    if (!t.ok) return t;
    for (const id of t.value) {
      const r = f(this.obj(id));
      if (!r.ok) return r;
    }
    return DONE;
  }

  change(ref: RefSpec | null, changes: Change[]): R {
    if (ref === null && !this.selection.length && changes.length && changes.every((c) => c.kind === "count" || c.kind === "toggle")) {
      // "remove the armrests" with nothing selected: the objects whose programs have that part.
      const part = (changes[0] as { part: string }).part;
      const owners = this.work.objects.filter((o) => paramKeyFor(o.program?.params ?? {}, part) !== null);
      if (owners.length === 1) ref = { text: owners[0].id, pronoun: false, quantity: "one", noun: [owners[0].id], plural: false, ordinal: null, side: null, color: null, relation: null, list: null };
      else if (owners.length > 1) {
        return err({
          code: "ambiguous",
          message: `Which object's ${part}s? ${owners.map((o) => o.id).join(", ")} have them. Name it or select it.`,
          details: { question: `Which object's ${part}s?`, candidates: owners.map((o) => ({ id: o.id, name: o.name })) },
        });
      }
    }
    return this.eachTarget(ref, (o) => {
      const p = paramsFor(o, changes);
      if (!p.ok) return err(unsupported(p.error, "no_such_param"));
      if (!Object.keys(p.value).length) return err(unsupported(`Nothing to change on ${o.name}: it already has those values.`, "no_change"));
      const oldH = objectSize(o).h;
      const prev = this.ops.find((x): x is Extract<EditOp, { kind: "params" }> => x.kind === "params" && x.objectId === o.id);
      const merged = { ...(prev?.params ?? {}), ...p.value };
      const labelText = `change ${o.name}: ${Object.entries(merged).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ")}`;
      if (prev) {
        prev.params = merged;
        prev.label = labelText;
      } else {
        this.ops.push({ kind: "params", objectId: o.id, params: merged, label: labelText });
      }
      this.work = perform(this.work, { name: "set-params", args: { objectId: o.id, params: p.value, at: this.now, origin: "edit" } }).scene;
      this.touched.add(o.id);
      const newH = this.obj(o.id).targetSize.h;
      if (Math.abs(newH - oldH) > 1e-6) {
        for (const c of this.work.objects.filter((x) => x.support === `on:${o.id}`)) {
          const pl = roundPlacement({ ...c.placement, z: c.placement.z + (newH - oldH) });
          this.setPlacement(c, pl, { type: "carried", by: o.id }, undefined, `lift ${c.name} with ${o.name}`);
        }
      }
      return DONE;
    });
  }

  move(ref: RefSpec | null, dest: Destination): R {
    const t = this.targets(ref);
    if (!t.ok) return t;
    for (const id of t.value) {
      const o = this.obj(id);
      const r = this.destination(o, dest, t.value);
      if (!r.ok) return r;
      const { placement, support, move, label } = r.value;
      const res = this.place(o, placement, move, support, label, move.type !== "offset");
      if (!res.ok) return res;
    }
    return DONE;
  }

  destination(o: SceneObject, dest: Destination, group: readonly string[]): Result<Target, EditRefusal> {
    return destinationOf(this, o, dest, group);
  }

  /** Records a placement for `o` (clamped, nudged off collisions when `resolve`), carrying what stands on it. */
  place(o: SceneObject, target: Placement, move: MoveSpec, support: Support | undefined, label: string, resolve: boolean): R {
    let p = roundPlacement(target);
    const sup = support ?? o.support;
    const probe = { ...o, support: sup };
    if (resolve && !sup.startsWith("on:")) {
      p = roundPlacement(clampInside(this.work, probe, p));
      const free = findFreeSpot(this.work, probe, p);
      if (free.placement !== p) this.notes.push(`${o.name}: moved ${Math.hypot(free.placement.x - p.x, free.placement.y - p.y).toFixed(2)} m from the exact spot to avoid a collision.`);
      p = free.placement;
    }
    const from = o.placement;
    this.setPlacement(o, p, move, support, label);
    for (const c of carried(this.work, o, from, p)) {
      this.setPlacement(this.obj(c.id), c.placement, { type: "carried", by: o.id }, undefined, `move ${this.obj(c.id).name} with ${o.name}`);
    }
    return DONE;
  }

  setPlacement(o: SceneObject, p: Placement, move: MoveSpec, support: Support | undefined, label: string): void {
    const i = this.ops.findIndex((x) => x.kind === "placement" && x.objectId === o.id);
    const op: EditOp = { kind: "placement", objectId: o.id, move, placement: p, ...(support && support !== o.support ? { support } : {}), label };
    if (i >= 0) {
      const prev = this.ops[i] as Extract<EditOp, { kind: "placement" }>;
      this.ops[i] = { ...op, support: op.support ?? prev.support };
    } else {
      const added = this.ops.find((x) => x.kind === "add" && x.object.id === o.id);
      if (added && added.kind === "add") {
        added.object.placement = p;
        if (support) added.object.support = support;
      } else this.ops.push(op);
    }
    this.work = perform(this.work, { name: "set-placement", args: { objectId: o.id, placement: p, support } }).scene;
    this.touched.add(o.id);
  }

  swap(a: RefSpec, b: RefSpec): R {
    const ra = this.targets(a);
    if (!ra.ok) return ra;
    const rb = this.targets(b);
    if (!rb.ok) return rb;
    if (ra.value.length !== 1 || rb.value.length !== 1 || ra.value[0] === rb.value[0]) {
      return err(unsupported("Swap needs exactly two different objects, for example \"swap the bed and the desk\".", "swap_needs_two"));
    }
    const oa = this.obj(ra.value[0]);
    const ob = this.obj(rb.value[0]);
    const pa = { ...ob.placement, z: oa.placement.z };
    const pb = { ...oa.placement, z: ob.placement.z };
    this.place(oa, pa, { type: "swap", with: ob.id }, undefined, `swap ${oa.name} and ${ob.name}`, false);
    return this.place(this.obj(ob.id), pb, { type: "swap", with: oa.id }, undefined, `swap ${ob.name} and ${oa.name}`, false);
  }

  add(intent: Extract<Intent, { type: "add" }>): R {
    return addObjects(this, intent);
  }

  /** A new object without a destination: against the nearest free wall spot for wall objects, else the free spot nearest the centre. */
  defaultSpot(o: SceneObject): R {
    return placeAtDefaultSpot(this, o);
  }

  nextId(category: string): string {
    let n = 0;
    for (const o of this.work.objects) {
      const m = /^(.*)-(\d+)$/.exec(o.id);
      if (m && m[1] === category) n = Math.max(n, Number(m[2]));
    }
    return `${category}-${n + 1}`;
  }

  remove(ref: RefSpec): R {
    if (!ref.noun && !ref.pronoun) return err(unsupported("Remove what? Name the object.", "no_noun"));
    const t = this.targets(ref);
    if (!t.ok) return t;
    for (const id of t.value) {
      const o = this.obj(id);
      for (const c of this.work.objects.filter((x) => x.support === `on:${id}` && !t.value.includes(x.id))) {
        this.setPlacement(c, { ...c.placement, z: 0 }, { type: "set" }, "floor", `put ${c.name} on the floor (its support is removed)`);
        this.notes.push(`${c.name} stood on ${o.name}; it now stands on the floor.`);
      }
      this.ops = this.ops.filter((x) => !(("objectId" in x && x.objectId === id) || (x.kind === "add" && x.object.id === id)));
      this.ops.push({ kind: "remove", objectId: id, label: `remove ${o.name}` });
      this.work = perform(this.work, { name: "remove-object", args: { objectId: id } }).scene;
      this.touched.delete(id);
    }
    return DONE;
  }

  room(target: "walls" | "floor" | "room", changes: Change[]): R {
    return roomEdit(this, target, changes);
  }

  roomOp(change: Extract<EditOp, { kind: "room" }>["change"], label: string): R {
    const prev = this.ops.find((x): x is Extract<EditOp, { kind: "room" }> => x.kind === "room");
    if (prev) {
      prev.change = { ...prev.change, ...change };
      prev.label = `${prev.label}; ${label}`;
    } else this.ops.push({ kind: "room", change, label });
    const patch = roomPatchFor(this.work.room!, change);
    this.work = perform(this.work, { name: "set-room", args: { room: patch } }).scene;
    return DONE;
  }

  finish(): EditOp[] {
    const ids = [...this.touched].filter((id) => this.work.objects.some((o) => o.id === id));
    if (ids.length && this.work.room) {
      const c = conflictsFor(this.work, ids);
      for (const [a, b] of c.collisions) this.notes.push(`${a} overlaps ${b}.`);
      for (const id of c.outOfBounds) this.notes.push(`${id} is partly outside the room.`);
    }
    if (!this.ops.length) this.notes.push(`Nothing to change (scene: ${summarize(this.scene.objects)}).`);
    return this.ops;
  }
}
