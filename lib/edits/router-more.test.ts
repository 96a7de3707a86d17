import { describe, expect, it } from "vitest";
import type { Scene } from "../scene/schema";
import type { EditPlan } from "./plan";
import { stepIds, stepOf } from "./testing/steps";
import { planEdit } from "./router";
import { bedroom, livingRoom } from "./testing/scenes";
import { nextRedo, nextUndo, shouldMerge, type HistoryEntry } from "./history";

function plan(scene: Scene, text: string, selection: string[] = []): EditPlan {
  const r = planEdit(scene, text, { selection, now: "2026-01-02T00:00:00.000Z" });
  if (!r.ok) throw new Error(`refused: ${r.error.code}: ${r.error.message}`);
  return r.value;
}
const placement = (p: EditPlan, id: string) => {
  const s = stepOf(p, "set-placement", id)!;
  return { ...s.command.args, move: s.move, label: s.label };
};
const ids = stepIds;

describe("more designer phrasings", () => {
  it("two objects in one reference: move the desk and the office chair to the window", () => {
    const p = plan(bedroom(), "move the desk and the office chair to the window");
    expect(ids(p)).toEqual(["desk-1", "office_chair-1"]);
    expect(p.notes.filter((n) => n.includes("overlaps"))).toEqual([]);
  });
  it("different targets per clause: make the sofa navy and the armchair red", () => {
    const p = plan(livingRoom(), "make the sofa navy and the armchair red");
    expect(p.ops).toMatchObject([
      { command: { name: "set-params", args: { objectId: "sofa-1", params: { color: "#1f2a44" } } } },
      { command: { name: "set-params", args: { objectId: "armchair-1", params: { color: "#b22222" } } } },
    ]);
  });
  it("the lamp on the left nightstand", () => {
    expect(ids(plan(bedroom(), "make the lamp on the left nightstand white"))).toEqual(["table_lamp-1"]);
  });
  it("rotate it 90 degrees clockwise (selection)", () => {
    expect(placement(plan(livingRoom(), "rotate it 90 degrees clockwise", ["sofa-1"]), "sofa-1").placement.yawDeg).toBe(-90);
  });
  it("put the lamp on the desk: onto, support and height", () => {
    const op = placement(plan(bedroom(), "put the table lamp on the desk"), "table_lamp-1");
    expect(op.support).toBe("on:desk-1");
    expect(op.placement.z).toBeCloseTo(0.75, 3);
  });
  it("move the wardrobe into the north-east corner", () => {
    const op = placement(plan(bedroom(), "move the wardrobe into the north-east corner"), "wardrobe-1");
    expect(op.placement.x).toBeGreaterThan(1);
    expect(op.placement.y).toBeGreaterThan(1.5);
  });
  it("add a rug in the center of the room", () => {
    const p = plan(livingRoom(), "add a rug in the center of the room");
    const add = p.ops[0].command;
    expect(add.name === "add-object" && add.args.object.category).toBe("rug");
  });
  it("turn the armchair around", () => {
    expect(placement(plan(livingRoom(), "turn the armchair around"), "armchair-1").placement.yawDeg).toBe(90);
  });
  it("the last chair / the rightmost chair", () => {
    expect(ids(plan(livingRoom(), "make the rightmost chair blue"))).toEqual(["chair-3"]);
    expect(ids(plan(livingRoom(), "make the last chair blue"))).toEqual(["chair-3"]);
  });
  it("scale by a number: make the coffee table 1.5 times as wide", () => {
    expect(plan(livingRoom(), "make the coffee table 1.5 times as wide").ops[0]).toMatchObject({ command: { args: { params: { width: 1.65 } } } });
  });
  it("move the sofa a bit to the right", () => {
    expect(placement(plan(livingRoom(), "move the sofa a bit to the right"), "sofa-1").placement.x).toBeCloseTo(0.2, 3);
  });
  it("put the armchair in front of the sofa, facing the same way", () => {
    const op = placement(plan(livingRoom(), "put the armchair in front of the sofa"), "armchair-1");
    expect(op.placement.y).toBeLessThan(1.5);
    expect(op.move).toMatchObject({ type: "near", anchor: "sofa-1", relation: "front" });
  });
});

describe("pure history", () => {
  const e = (id: number, undone: boolean, kind = "instruction", at = "2026-01-02T00:00:00.000Z"): HistoryEntry => ({
    id, sceneId: "s", kind, label: `e${id}`, actor: "designer", at, undone,
    commands: [{ name: "set-placement", args: { objectId: "bed-1", placement: { x: id, y: 0, z: 0, yawDeg: 0 } } }],
    inverses: [],
  });
  it("undo takes the latest done entry, redo the earliest undone one", () => {
    const list = [e(1, false), e(2, true), e(3, true)];
    expect(nextUndo(list)?.id).toBe(1);
    expect(nextRedo(list)?.id).toBe(2);
    expect(nextUndo([])).toBeNull();
    expect(nextRedo([e(1, false)])).toBeNull();
  });
  it("drags merge within the window only", () => {
    const prev = e(1, false, "placement");
    expect(shouldMerge(prev, { commands: prev.commands, actor: "designer", at: "2026-01-02T00:00:01.000Z", kind: "placement" })).toBe(true);
    expect(shouldMerge(prev, { commands: prev.commands, actor: "designer", at: "2026-01-02T00:00:05.000Z", kind: "placement" })).toBe(false);
    expect(shouldMerge(prev, { commands: prev.commands, actor: "other", at: "2026-01-02T00:00:01.000Z", kind: "placement" })).toBe(false);
  });
});
