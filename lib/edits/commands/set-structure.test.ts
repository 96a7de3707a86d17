import { describe, expect, it } from "vitest";
import { StructureSpec } from "../../scene/schema";
import { bedroom } from "../testing/scenes";
import { describeCommand, perform } from "./index";

const spec = (w: number) => StructureSpec.parse({ roomType: "bedroom", roomSize: { w, d: 3, h: 2.7 }, objects: [], relations: [] });

describe("set-structure", () => {
  it("replaces the structure of a scene in review and its inverse restores the previous one", () => {
    const before = { ...bedroom(), status: "needs_review" as const, structure: spec(4) };
    const done = perform(before, { name: "set-structure", args: { structure: spec(5), label: "set the scale" } });
    expect(done.scene.structure?.roomSize.w).toBe(5);
    expect(before.structure.roomSize.w).toBe(4);
    const undone = perform(done.scene, done.inverse);
    expect(undone.scene).toEqual(before);
    expect(describeCommand(done.inverse)).toBe("set the scale");
  });

  it("refuses once the room was generated from the structure, or when there is none", () => {
    expect(() => perform({ ...bedroom(), status: "completed", structure: spec(4) }, { name: "set-structure", args: { structure: spec(5), label: "x" } })).toThrow(/no longer change/);
    expect(() => perform({ ...bedroom(), status: "needs_review", structure: null }, { name: "set-structure", args: { structure: spec(5), label: "x" } })).toThrow(/no detected structure/);
  });
});
