import { describe, expect, it } from "vitest";
import { parseParams } from "../../program/params";
import { bedroom } from "../testing/scenes";
import { canMerge, commandObjectId, perform, performAll, type Command } from "./index";

const AT = "2026-01-02T00:00:00.000Z";

function roundTrip(cmd: Command) {
  const before = bedroom();
  const snapshot = structuredClone(before);
  const done = perform(before, cmd);
  expect(before).toEqual(snapshot);
  expect(done.scene).not.toEqual(before);
  const undone = perform(done.scene, done.inverse);
  expect(undone.scene).toEqual(snapshot);
  const redone = perform(undone.scene, undone.inverse);
  expect(redone.scene).toEqual(done.scene);
  return done.scene;
}

describe("commands: undo/redo restore the exact prior state", () => {
  it("set-placement", () => {
    const s = roundTrip({ name: "set-placement", args: { objectId: "desk-1", placement: { x: 0, y: 0, z: 0, yawDeg: 45 } } });
    expect(s.objects.find((o) => o.id === "desk-1")!.placement.yawDeg).toBe(45);
  });
  it("set-params rewrites only the PARAMS literal and bumps the revision", () => {
    const s = roundTrip({ name: "set-params", args: { objectId: "bed-1", params: { width: 1.8, color: "#1f2a44" }, at: AT, origin: "edit" } });
    const bed = s.objects.find((o) => o.id === "bed-1")!;
    const prev = bedroom().objects.find((o) => o.id === "bed-1")!;
    expect(bed.program!.rev).toBe(2);
    expect(bed.build.status).toBe("pending");
    expect(bed.targetSize.w).toBe(1.8);
    expect(bed.attributes.color).toBe("#1f2a44");
    const parsed = parseParams(bed.program!.source);
    expect(parsed.ok && parsed.value.width).toBe(1.8);
    const tail = (src: string) => src.slice(src.indexOf("\n}\n"));
    expect(tail(bed.program!.source)).toBe(tail(prev.program!.source));
  });
  it("set-program", () => {
    const prog = { rev: 7, source: "PARAMS = {}\n", params: {}, origin: "code", createdAt: AT };
    roundTrip({ name: "set-program", args: { objectId: "wardrobe-1", program: prog, build: { status: "built", glbRev: 7, stats: null, error: null, attempts: 1 } } });
  });
  it("set-hidden", () => {
    roundTrip({ name: "set-hidden", args: { objectId: "bed-1", hidden: true } });
  });
  it("remove-object restores the object at its index", () => {
    const s = roundTrip({ name: "remove-object", args: { objectId: "nightstand-1" } });
    expect(s.objects.map((o) => o.id)).not.toContain("nightstand-1");
  });
  it("add-object", () => {
    const extra = { ...bedroom().objects[0], id: "bed-2" };
    roundTrip({ name: "add-object", args: { object: extra } });
  });
  it("set-room", () => {
    roundTrip({ name: "set-room", args: { room: { wallMaterial: { name: "paint", color: "#9caf88", roughness: 0.6, metallic: 0 } } } });
  });
  it("set-shell replaces the whole room shell and clears it", () => {
    const room = bedroom().room!;
    const s = roundTrip({ name: "set-shell", args: { room: { ...room, wallHeight: 3.1, glbRev: null } } });
    expect(s.room!.wallHeight).toBe(3.1);
    expect(roundTrip({ name: "set-shell", args: { room: null } }).room).toBeNull();
  });
  it("set-plan sets route and ObjectPlan only", () => {
    const plan = { parts: [{ name: "seat", primitive: "box" as const, localPose: { x: 0, y: 0, z: 0.2, yawDeg: 0 }, size: { w: 1, d: 1, h: 0.1 }, material: "wood", symmetry: "none" as const, movable: false }] };
    const s = roundTrip({ name: "set-plan", args: { objectId: "bed-1", route: "articulated", plan } });
    const bed = s.objects.find((o) => o.id === "bed-1")!;
    expect(bed.route).toBe("articulated");
    expect(bed.placement).toEqual(bedroom().objects.find((o) => o.id === "bed-1")!.placement);
  });
  it("set-decor and detect-structure replace their scene field", () => {
    const decor = { floorMaterial: { name: "oak", color: "#b48a5a", roughness: 0.6, metallic: 0 }, wallMaterial: { name: "paint", color: "#ffffff", roughness: 0.9, metallic: 0 }, lights: [], notes: ["test"] };
    expect(roundTrip({ name: "set-decor", args: { decor: decor as never } }).decor).toMatchObject({ notes: ["test"] });
    expect(roundTrip({ name: "detect-structure", args: { structure: { roomType: "bedroom" } as never } }).structure).toEqual({ roomType: "bedroom" });
  });
  it("commandObjectId names the changed object, or null for scene-level commands", () => {
    expect(commandObjectId({ name: "set-hidden", args: { objectId: "bed-1", hidden: true } })).toBe("bed-1");
    expect(commandObjectId({ name: "add-object", args: { object: bedroom().objects[0] } })).toBe(bedroom().objects[0].id);
    expect(commandObjectId({ name: "set-decor", args: { decor: null } })).toBeNull();
    expect(commandObjectId({ name: "set-room", args: { room: { wallHeight: 3 } } })).toBeNull();
  });
  it("performAll returns inverses in undo order", () => {
    const before = bedroom();
    const cmds: Command[] = [
      { name: "set-placement", args: { objectId: "desk-1", placement: { x: 0, y: 0, z: 0, yawDeg: 0 } } },
      { name: "remove-object", args: { objectId: "desk-1" } },
    ];
    const r = performAll(before, cmds);
    expect(performAll(r.scene, r.inverses).scene).toEqual(before);
  });
  it("unknown objects throw an edits: error", () => {
    expect(() => perform(bedroom(), { name: "set-hidden", args: { objectId: "sofa-9", hidden: true } })).toThrow(/^edits:/);
  });
  it("drags on the same object merge; different objects do not", () => {
    const a: Command = { name: "set-placement", args: { objectId: "desk-1", placement: { x: 0, y: 0, z: 0, yawDeg: 0 } } };
    const b: Command = { name: "set-placement", args: { objectId: "desk-1", placement: { x: 1, y: 0, z: 0, yawDeg: 0 } } };
    const c: Command = { name: "set-placement", args: { objectId: "bed-1", placement: { x: 1, y: 0, z: 0, yawDeg: 0 } } };
    expect(canMerge([a], [b])).toBe(true);
    expect(canMerge([a], [c])).toBe(false);
  });
});

describe("commands: history's compact form", () => {
  it("a set-program that names its revision by number is refused until hydrated", () => {
    const bed = bedroom().objects.find((o) => o.id === "bed-1")!;
    expect(() => perform(bedroom(), { name: "set-program", args: { objectId: "bed-1", program: null, programRev: 1, build: bed.build } })).toThrow(/hydrate it before performing it/);
  });
});
