/** The edit plan builder: ops accumulated over a working copy of the scene, one parsed intent at a time. */
import { err, type Result } from "../errors";
import { normalizeYaw } from "../frames";
import type { Placement, Scene, SceneObject, Support } from "../scene/schema";
import { commandObjectId, perform, type Command, type CommandArgs, type ParamLike } from "./commands";
import { conflictsFor } from "./conflicts";
import { objectSize, roundPlacement, yawFacing } from "./geometry";
import type { Destination, Intent } from "./parse";
import type { Change } from "./parse-changes";
import { paramsFor, paramKeyFor } from "./params-rules";
import { CAPABILITIES, type EditRefusal, type MoveSpec, type PlanStep, type RoomChange } from "./plan";
import { addObjects, placeAtDefaultSpot } from "./plan-add";
import { roomEdit } from "./plan-room";
import { DONE, unsupported, type StepResult as R } from "./plan-step";
import { carried, clampInside, findFreeSpot } from "./placement";
import { resolveAnchor, resolveReference, summarize } from "./resolve";
import { destinationOf, type Target } from "./destination";
import type { RefSpec } from "./reference";
import { newWindow, roomPatchFor } from "./room";

type StepOf<N extends Command["name"]> = PlanStep & { command: Extract<Command, { name: N }> };

/** Accumulates plan steps (commands with labels) over a working copy of the scene so that later clauses see earlier changes. */
export class PlanBuilder {
  work: Scene;
  ops: PlanStep[] = [];
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

  /** The plan's step running command `name` on object `id`, if any. */
  stepFor<N extends Command["name"]>(name: N, id: string | null): StepOf<N> | undefined {
    return this.ops.find((x): x is StepOf<N> => x.command.name === name && commandObjectId(x.command) === id);
  }

  /**
   * Adds PARAMS values of `o` to the plan (merged into its earlier `set-params` step, if any) and applies them to
   * the working copy; what stands on `o` is lifted with it when its height changes. Throws `edits:` when `o` has no program.
   */
  paramsStep(o: SceneObject, values: Record<string, ParamLike>, label: (merged: Record<string, ParamLike>) => string): void {
    const oldH = objectSize(o).h;
    const prev = this.stepFor("set-params", o.id);
    const merged = { ...(prev?.command.args.params ?? {}), ...values };
    if (prev) {
      prev.command.args.params = merged;
      prev.label = label(merged);
    } else {
      this.ops.push({ command: { name: "set-params", args: { objectId: o.id, params: merged, at: this.now, origin: "edit" } }, label: label(merged) });
    }
    this.work = perform(this.work, { name: "set-params", args: { objectId: o.id, params: values, at: this.now, origin: "edit" } }).scene;
    this.touched.add(o.id);
    const newH = this.obj(o.id).targetSize.h;
    if (Math.abs(newH - oldH) > 1e-6) {
      for (const c of this.work.objects.filter((x) => x.support === `on:${o.id}`)) {
        this.setPlacement(c, roundPlacement({ ...c.placement, z: c.placement.z + (newH - oldH) }), { type: "carried", by: o.id }, undefined, `lift ${c.name} with ${o.name}`);
      }
    }
  }

  /** Adds a new program for `o` to the plan: a `set-program` step whose build is pending (the executor builds `source`). */
  programStep(o: SceneObject, source: string, params: Record<string, unknown>, label: string): void {
    const args: CommandArgs<"set-program"> = {
      objectId: o.id,
      program: { rev: (o.program?.rev ?? 0) + 1, source, params, origin: "edit", createdAt: this.now },
      build: { ...o.build, status: "pending", error: null },
    };
    this.ops.push({ command: { name: "set-program", args }, label });
    this.work = perform(this.work, { name: "set-program", args }).scene;
    this.touched.add(o.id);
  }

  /** Adds a new object (build pending) to the plan and the working copy; its step follows later moves of it. */
  addStep(object: SceneObject, label: string): void {
    this.work = perform(this.work, { name: "add-object", args: { object } }).scene;
    this.ops.push({ command: { name: "add-object", args: { object } }, label });
    this.touched.add(object.id);
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
      this.paramsStep(o, p.value, (merged) => `change ${o.name}: ${Object.entries(merged).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ")}`);
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

  /** Records a placement step for `o` (replacing its earlier one; a new object's `add-object` step takes it instead). */
  setPlacement(o: SceneObject, p: Placement, move: MoveSpec, support: Support | undefined, label: string): void {
    this.work = perform(this.work, { name: "set-placement", args: { objectId: o.id, placement: p, support } }).scene;
    this.touched.add(o.id);
    const added = this.stepFor("add-object", o.id);
    if (added) {
      added.command.args.object = this.obj(o.id);
      return;
    }
    const prev = this.stepFor("set-placement", o.id);
    const sup = support && support !== o.support ? support : prev?.command.args.support;
    const step: StepOf<"set-placement"> = { command: { name: "set-placement", args: { objectId: o.id, placement: p, ...(sup ? { support: sup } : {}) } }, label, move };
    if (prev) this.ops[this.ops.indexOf(prev)] = step;
    else this.ops.push(step);
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
      const wasAdded = !!this.stepFor("add-object", id);
      this.ops = this.ops.filter((x) => commandObjectId(x.command) !== id);
      if (!wasAdded) this.ops.push({ command: { name: "remove-object", args: { objectId: id } }, label: `remove ${o.name}` });
      this.work = perform(this.work, { name: "remove-object", args: { objectId: id } }).scene;
      this.touched.delete(id);
    }
    return DONE;
  }

  room(target: "walls" | "floor" | "room", changes: Change[]): R {
    return roomEdit(this, target, changes);
  }

  /** Adds a room change as a `set-room` step without a program (merged into the plan's earlier one): the executor rebuilds the shell. */
  roomOp(change: RoomChange, label: string): R {
    const patch = roomPatchFor(this.work.room!, change);
    const prev = this.stepFor("set-room", null);
    if (prev) {
      prev.command.args.room = { ...prev.command.args.room, ...patch };
      prev.label = `${prev.label}; ${label}`;
    } else this.ops.push({ command: { name: "set-room", args: { room: patch } }, label });
    this.work = perform(this.work, { name: "set-room", args: { room: patch } }).scene;
    return DONE;
  }

  finish(): PlanStep[] {
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
