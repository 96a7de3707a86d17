import { describe, expect, it } from "vitest";
import type { Scene } from "../scene/schema";
import type { EditPlan } from "./plan";
import { planEdit } from "./router";
import { bedroom, livingRoom } from "./testing/scenes";
import { stepIds, stepOf, stepsOf } from "./testing/steps";

function plan(scene: Scene, text: string, selection: string[] = []): EditPlan {
  const r = planEdit(scene, text, { selection, now: "2026-01-02T00:00:00.000Z" });
  if (!r.ok) throw new Error(`refused: ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal(scene: Scene, text: string, selection: string[] = []) {
  const r = planEdit(scene, text, { selection });
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value.ops)}`);
  return r.error;
}
function params(p: EditPlan, id: string): Record<string, unknown> {
  const op = stepOf(p, "set-params", id);
  if (!op) throw new Error(`no params op for ${id}: ${JSON.stringify(p.ops)}`);
  return op.command.args.params;
}
function placement(p: EditPlan, id: string) {
  const op = stepOf(p, "set-placement", id);
  if (!op) throw new Error(`no placement op for ${id}: ${JSON.stringify(p.ops)}`);
  return { ...op.command.args, move: op.move, label: op.label };
}
const ids = stepIds;

describe("colours and materials", () => {
  it("make the sofa navy", () => {
    const p = plan(livingRoom(), "Make the sofa navy");
    expect(params(p, "sofa-1")).toEqual({ color: "#1f2a44" });
    expect(ids(p)).toEqual(["sofa-1"]);
  });
  it("a hex colour on the coffee table", () => {
    expect(params(plan(livingRoom(), "coffee table in #334455"), "coffee_table-1")).toEqual({ color: "#334455" });
  });
  it("walnut desk sets material and wood colour", () => {
    expect(params(plan(bedroom(), "I'd like the desk in walnut please"), "desk-1")).toEqual({ material: "walnut", color: "#5d3a1f" });
  });
  it("brushed steel floor lamp", () => {
    expect(params(plan(livingRoom(), "make the floor lamp brushed steel"), "floor_lamp-1")).toMatchObject({ material: "brushed_steel" });
  });
  it("leather keeps the colour unless one is given; sage green with a colour", () => {
    expect(params(plan(livingRoom(), "make the armchair velvet"), "armchair-1")).toEqual({ material: "velvet" });
    expect(params(plan(livingRoom(), "armchair in sage velvet"), "armchair-1")).toEqual({ material: "velvet", color: "#9caf88" });
  });
});

describe("part colours", () => {
  it("brass knobs colour the knob_color PARAM, not the material", () => {
    const scene = bedroom();
    const desk = scene.objects.find((o) => o.id === "desk-1")!;
    desk.program!.params = { ...desk.program!.params, knob_color: "#9a9a9a" };
    expect(params(plan(scene, "give the desk brass knobs"), "desk-1")).toEqual({ knob_color: "#c9a34a" });
    expect(params(plan(scene, "black knobs on the desk"), "desk-1")).toEqual({ knob_color: "#1c1c1c" });
  });
});

describe("sizes", () => {
  it("wider: +20% width only", () => {
    expect(params(plan(bedroom(), "make the bed wider"), "bed-1")).toEqual({ width: 1.92 });
  });
  it("20% taller", () => {
    expect(params(plan(livingRoom(), "make the bookshelf 20% taller"), "bookshelf-1")).toEqual({ height: 2.28 });
  });
  it("1.8 m long sets the longer horizontal side", () => {
    expect(params(plan(livingRoom(), "the sofa should be 1.8 m long"), "sofa-1")).toEqual({ width: 1.8 });
    expect(params(plan(bedroom(), "make the bed 2.1 m long"), "bed-1")).toEqual({ depth: 2.1 });
  });
  it("twice as deep", () => {
    expect(params(plan(livingRoom(), "make the coffee table twice as deep"), "coffee_table-1")).toEqual({ depth: 1.2 });
  });
  it("a bit smaller scales all three by 1/1.1", () => {
    const p = params(plan(livingRoom(), "make the armchair a bit smaller"), "armchair-1");
    expect(p.width).toBeCloseTo(0.85 / 1.1, 3);
    expect(p.height).toBeCloseTo(0.9 / 1.1, 3);
  });
  it("10 cm lower desk", () => {
    expect(params(plan(bedroom(), "make the desk 10 cm lower"), "desk-1")).toEqual({ height: 0.65 });
  });
  it("navy and a bit longer: two clauses, one params op", () => {
    const p = plan(livingRoom(), "make the sofa navy and a bit longer");
    expect(p.ops).toHaveLength(1);
    expect(params(p, "sofa-1")).toEqual({ color: "#1f2a44", width: 2.31 });
  });
  it("raising a nightstand lifts the lamp on it", () => {
    const p = plan(bedroom(), "make the left nightstand 10 cm taller");
    expect(params(p, "nightstand-1")).toEqual({ height: 0.65 });
    expect(placement(p, "table_lamp-1").placement.z).toBeCloseTo(0.65, 3);
  });
  it("refuses a size out of range", () => {
    expect(refusal(livingRoom(), "make the sofa 50 m long").code).toBe("unsupported_edit");
  });
});

describe("counts and parts", () => {
  it("add a drawer to the desk", () => {
    expect(params(plan(bedroom(), "add a drawer to the desk"), "desk-1")).toEqual({ drawers: 3 });
  });
  it("three shelves", () => {
    expect(params(plan(livingRoom(), "give the bookshelf three shelves"), "bookshelf-1")).toEqual({ shelves: 3 });
  });
  it("remove the armrests from the sofa", () => {
    expect(params(plan(livingRoom(), "remove the armrests from the sofa"), "sofa-1")).toEqual({ armrests: false });
  });
  it("remove the armrests with the selection", () => {
    expect(params(plan(bedroom(), "remove the armrests", ["office_chair-1"]), "office_chair-1")).toEqual({ armrests: false });
  });
  it("a part without a target goes to the one object that has it, or asks which", () => {
    expect(params(plan(bedroom(), "remove the headboard"), "bed-1")).toEqual({ headboard: false });
    const e = refusal(bedroom(), "add a drawer");
    expect(e.code).toBe("ambiguous");
    expect(e.details.candidates?.map((c) => c.id)).toEqual(["nightstand-1", "nightstand-2", "desk-1"]);
  });
  it("a part the program lacks is refused with its PARAMS", () => {
    const e = refusal(livingRoom(), "add a drawer to the coffee table");
    expect(e.code).toBe("unsupported_edit");
    expect(e.message).toMatch(/no drawer parameter/);
  });
});

describe("moves", () => {
  it("move the desk to the window: back to the north wall under window-1", () => {
    const p = plan(bedroom(), "move the desk to the window");
    const op = placement(p, "desk-1");
    expect(op.move).toEqual({ type: "to_window", openingId: "window-1" });
    expect(op.placement.yawDeg).toBe(0);
    expect(op.placement.y + 0.3).toBeLessThanOrEqual(2.5);
    // The bed stands under the window, so the desk is nudged to the nearest free spot.
    expect(Math.hypot(op.placement.x, op.placement.y - 2.5)).toBeLessThan(2.5);
    expect(p.notes.some((n) => n.includes("to avoid a collision"))).toBe(true);
    expect(p.notes.filter((n) => n.includes("overlaps"))).toEqual([]);
  });
  it("50 cm to the left is -x in the room frame", () => {
    const op = placement(plan(livingRoom(), "move the armchair 50 cm to the left"), "armchair-1");
    expect(op.placement.x).toBeCloseTo(-2.5, 3);
    expect(op.placement.y).toBeCloseTo(0.3, 3);
  });
  it("rotate 90 degrees (counter-clockwise) and clockwise", () => {
    expect(placement(plan(livingRoom(), "rotate the armchair 90 degrees"), "armchair-1").placement.yawDeg).toBe(0);
    expect(placement(plan(livingRoom(), "turn the sofa 45 degrees clockwise"), "sofa-1").placement.yawDeg).toBe(-45);
  });
  it("face the bed", () => {
    const op = placement(plan(bedroom(), "turn the office chair to face the bed"), "office_chair-1");
    const rad = (op.placement.yawDeg * Math.PI) / 180;
    const front = [Math.sin(rad), -Math.cos(rad)];
    const to = [0 - 0.7, 1.48 + 1.0];
    const n = Math.hypot(to[0], to[1]);
    expect(front[0] * (to[0] / n) + front[1] * (to[1] / n)).toBeGreaterThan(0.999);
  });
  it("moving a nightstand carries its lamp", () => {
    const p = plan(bedroom(), "move the left nightstand 30 cm to the right");
    expect(placement(p, "nightstand-1").placement.x).toBeCloseTo(-0.8, 3);
    expect(placement(p, "table_lamp-1").placement.x).toBeCloseTo(-0.8, 3);
  });
  it("push the armchair against the north wall", () => {
    const op = placement(plan(livingRoom(), "push the armchair against the north wall"), "armchair-1");
    expect(op.placement.yawDeg).toBe(0);
    expect(op.placement.y).toBeCloseTo(2.5 - 0.425 - 0.02, 2);
  });
  it("swap the bed and the desk", () => {
    const p = plan(bedroom(), "swap the bed and the desk");
    expect(placement(p, "bed-1").placement).toMatchObject({ x: 1.35, y: -1.0, yawDeg: 90 });
    expect(placement(p, "desk-1").placement).toMatchObject({ x: 0, y: 1.48, yawDeg: 0 });
  });
  it("put the floor lamp next to the armchair, without collisions", () => {
    const p = plan(livingRoom(), "put the floor lamp next to the armchair");
    const op = placement(p, "floor_lamp-1");
    expect(Math.hypot(op.placement.x + 2.0, op.placement.y - 0.3)).toBeLessThan(1.2);
    expect(p.notes.filter((n) => n.includes("overlaps"))).toEqual([]);
  });
  it("move the coffee table to the centre", () => {
    expect(placement(plan(livingRoom(), "move the coffee table to the center of the room"), "coffee_table-1").placement).toMatchObject({ x: 0, y: 0 });
  });
});

describe("references", () => {
  it("the left nightstand is the smaller x", () => {
    expect(ids(plan(bedroom(), "make the left nightstand white"))).toEqual(["nightstand-1"]);
    expect(ids(plan(bedroom(), "paint the right nightstand black"))).toEqual(["nightstand-2"]);
  });
  it("both nightstands / all chairs", () => {
    expect(ids(plan(bedroom(), "make both nightstands walnut"))).toEqual(["nightstand-1", "nightstand-2"]);
    expect(ids(plan(livingRoom(), "paint all chairs black"))).toEqual(["chair-1", "chair-2", "chair-3"]);
    expect(ids(plan(livingRoom(), "make the chairs red"))).toEqual(["chair-1", "chair-2", "chair-3"]);
  });
  it("ordinal from an object: the second chair from the sofa", () => {
    const p = plan(livingRoom(), "make the chair closest to the armchair green");
    expect(ids(p)).toEqual(["chair-1"]);
    expect(ids(plan(livingRoom(), "make the second chair from the left blue"))).toEqual(["chair-2"]);
  });
  it("the second chair from the window", () => {
    const scene = livingRoom();
    scene.objects.find((o) => o.id === "chair-3")!.placement.y = 1.0;
    expect(ids(plan(scene, "make the second chair from the window yellow"))).toEqual(["chair-2"]);
  });
  it("relation: the lamp next to the bed", () => {
    expect(ids(plan(bedroom(), "make the lamp next to the bed navy"))).toEqual(["table_lamp-1"]);
  });
  it("the selection: make it bigger", () => {
    const p = plan(livingRoom(), "make it bigger", ["coffee_table-1"]);
    expect(params(p, "coffee_table-1")).toEqual({ width: 1.32, depth: 0.72, height: 0.504 });
  });
  it("synonyms: the couch is the sofa", () => {
    expect(ids(plan(livingRoom(), "make the couch beige"))).toEqual(["sofa-1"]);
  });
  it("ambiguity asks which", () => {
    const e = refusal(bedroom(), "make the nightstand white");
    expect(e.code).toBe("ambiguous");
    expect(e.details.question).toBe("Which of the 2 nightstands?");
    expect(e.details.candidates?.map((c) => c.id)).toEqual(["nightstand-1", "nightstand-2"]);
  });
  it("a missing object is named back with what exists", () => {
    const e = refusal(bedroom(), "make the piano red");
    expect(e.code).toBe("unsupported_edit");
    expect(e.message).toMatch(/no piano/);
    expect(e.details.reason).toBe("no_such_object");
  });
  it("make it bigger with no selection asks which object", () => {
    expect(refusal(bedroom(), "make it bigger").code).toBe("ambiguous");
  });
});

describe("add, remove, room", () => {
  it("add a floor lamp next to the sofa", () => {
    const p = plan(livingRoom(), "add a floor lamp next to the sofa");
    const add = stepsOf(p, "add-object")[0]?.command.args.object;
    expect(add?.id).toBe("floor_lamp-2");
    expect(add?.build.status).toBe("pending");
    expect(add && Math.abs(add.placement.y - 1.5) < 1).toBe(true);
  });
  it("add two navy chairs", () => {
    const p = plan(livingRoom(), "add two navy chairs");
    const adds = stepsOf(p, "add-object").map((a) => a.command.args.object);
    expect(adds.map((a) => a.id)).toEqual(["chair-4", "chair-5"]);
    expect(adds.every((a) => a.attributes.color === "#1f2a44")).toBe(true);
  });
  it("remove the wardrobe", () => {
    expect(plan(bedroom(), "remove the wardrobe").ops).toEqual([{ command: { name: "remove-object", args: { objectId: "wardrobe-1" } }, label: "remove wardrobe" }]);
  });
  it("removing a nightstand puts its lamp on the floor", () => {
    const p = plan(bedroom(), "delete the left nightstand");
    const op = placement(p, "table_lamp-1");
    expect(op.support).toBe("floor");
    expect(op.placement.z).toBe(0);
  });
  it("paint the walls sage", () => {
    const p = plan(bedroom(), "paint the walls sage");
    expect(p.ops[0]).toMatchObject({ command: { name: "set-room", args: { room: { wallMaterial: { color: "#9caf88" } } } } });
  });
  it("oak floor -> marble floor", () => {
    expect(plan(bedroom(), "make the floor marble").ops[0]).toMatchObject({ command: { name: "set-room", args: { room: { floorMaterial: { name: "marble", color: "#e8e6e1" } } } } });
  });
  it("make the room 5 m wide", () => {
    const room = stepOf(plan(bedroom(), "make the room 5 m wide"), "set-room", null)!.command.args.room;
    const xs = room.footprint!.map((p) => p[0]);
    const ys = room.footprint!.map((p) => p[1]);
    expect([Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)].map((v) => Number(v.toFixed(3)))).toEqual([5, 5]);
    expect(room.program).toBeUndefined();
  });
  it("add a window on the east wall", () => {
    expect(plan(bedroom(), "add a window on the east wall").ops[0].command).toMatchObject({ name: "set-room", args: { room: { openings: expect.arrayContaining([expect.objectContaining({ kind: "window", wall: 1 })]) } } });
  });
});

describe("bad input", () => {
  it("empty and whitespace", () => {
    expect(refusal(bedroom(), "   ").details.reason).toBe("empty");
  });
  it("not understood answers with what it can do", () => {
    const e = refusal(bedroom(), "make it feel more cosy", ["bed-1"]);
    expect(e.code).toBe("unsupported_edit");
    expect(e.details.capabilities?.length).toBeGreaterThan(3);
  });
  it("both with three candidates is ambiguous", () => {
    expect(refusal(livingRoom(), "make both chairs red").code).toBe("ambiguous");
  });
});
