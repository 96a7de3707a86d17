/**
 * Model edit ops -> EditPlan ops over the hand-made bedroom (lib/edits/testing/scenes.ts): each op kind maps
 * onto the plan kinds the applier runs, rewrites become `program` ops from the rewrite callback, and plans that
 * name what the scene lacks are rejected as `model_error`. Also which rule refusals go to the model.
 */
import { describe, expect, it } from "vitest";
import { PlanBuilder } from "@/lib/edits/plan-builder";
import { commandObjectId } from "@/lib/edits/commands";
import { bedroom } from "@/lib/edits/testing/scenes";
import { stepOf } from "@/lib/edits/testing/steps";
import { isAppError } from "@/lib/errors";
import type { SceneObject } from "@/lib/scene/schema";
import type { ModelEditOp } from "@/server/engines/openai/schemas";
import { addModelOps, type RewriteFn } from "./model-ops";
import { wantsModel } from "./model-plan";

const NOW = "2026-01-01T00:00:00.000Z";
const none = { move: null, params: null, rewrite: null, add: null, room: null };
const op = (o: Partial<ModelEditOp> & Pick<ModelEditOp, "kind">): ModelEditOp => ({ objectId: null, label: `${o.kind} op`, ...none, ...o });
const noRewrite: RewriteFn = async () => {
  throw new Error("no rewrite expected");
};

async function plan(ops: ModelEditOp[], rewrite: RewriteFn = noRewrite) {
  const b = new PlanBuilder(bedroom(), [], NOW);
  await addModelOps(b, ops, rewrite);
  return { ops: b.finish(), work: b.work };
}

async function failure(ops: ModelEditOp[]): Promise<{ code: string; message: string }> {
  try {
    await plan(ops);
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a failure");
}

describe("addModelOps", () => {
  it("maps a params op onto a params plan op and lifts what stands on a taller object", async () => {
    const { ops } = await plan([op({ kind: "params", objectId: "nightstand-1", params: [{ name: "height", value: 0.7 }, { name: "color", value: "#223344" }] })]);
    expect(ops[0].command).toMatchObject({ name: "set-params", args: { objectId: "nightstand-1", params: { height: 0.7, color: "#223344" } } });
    const lift = stepOf({ ops }, "set-placement", "table_lamp-1");
    expect(lift?.command.args.placement.z).toBeCloseTo(0.7, 6);
  });

  it("maps offset, rotate, to_wall and near moves onto placement ops", async () => {
    const move = (m: Partial<NonNullable<ModelEditOp["move"]>> & { type: NonNullable<ModelEditOp["move"]>["type"] }) => ({ dx: null, dy: null, deg: null, anchor: null, wall: null, ...m });
    const { ops, work } = await plan([
      op({ kind: "placement", objectId: "wardrobe-1", move: move({ type: "rotate", deg: 90 }) }),
      op({ kind: "placement", objectId: "desk-1", move: move({ type: "to_wall", wall: 3 }) }),
    ]);
    expect(ops.map((o) => [o.command.name, commandObjectId(o.command), o.move?.type ?? null])).toEqual([
      ["set-placement", "wardrobe-1", "rotate"],
      ["set-placement", "desk-1", "to_wall"],
    ]);
    expect(work.objects.find((o) => o.id === "wardrobe-1")!.placement.yawDeg).toBe(0);
    // West wall (x = -2): the desk's back is against it.
    expect(work.objects.find((o) => o.id === "desk-1")!.placement.x).toBeLessThan(-1.4);
    const off = await plan([op({ kind: "placement", objectId: "office_chair-1", move: move({ type: "offset", dx: 0, dy: 0.3 }) })]);
    expect(off.ops[0]).toMatchObject({ command: { name: "set-placement", args: { objectId: "office_chair-1" } }, move: { type: "offset" } });
  });

  it("turns a rewrite into a program op with the callback's source, and maps add, remove and room ops", async () => {
    const seen: [string, string][] = [];
    const rewrite = async (o: SceneObject, text: string) => {
      seen.push([o.id, text]);
      return `${o.program!.source}\n# ${text}\n`;
    };
    const { ops } = await plan(
      [
        op({ kind: "rewrite", objectId: "bed-1", rewrite: "add a carved crest" }),
        op({ kind: "add", add: { category: "floor_lamp", description: "a brass floor lamp", near: "desk-1" } }),
        op({ kind: "remove", objectId: "wardrobe-1" }),
        op({ kind: "room", room: { wallColor: "sage", floorMaterial: null, widthM: null, depthM: null } }),
      ],
      rewrite,
    );
    expect(seen).toEqual([["bed-1", "add a carved crest"]]);
    expect(ops.map((o) => o.command.name)).toEqual(["set-program", "add-object", "remove-object", "set-room"]);
    const prog = ops[0].command;
    expect(prog.name === "set-program" && prog.args.program?.source).toContain("# add a carved crest");
    expect(prog.name === "set-program" && prog.args.build.status).toBe("pending");
    const add = ops[1].command;
    expect(add.name === "add-object" && [add.args.object.id, add.args.object.category, add.args.object.description]).toEqual(["floor_lamp-1", "floor_lamp", "a brass floor lamp"]);
    const room = ops[3].command;
    expect(room.name === "set-room" && room.args.room.wallMaterial?.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("rejects unknown objects, unknown PARAMS and empty ops as model_error", async () => {
    expect(await failure([op({ kind: "remove", objectId: "sofa-9" })])).toMatchObject({ code: "model_error", message: expect.stringMatching(/sofa-9, which is not in the scene/) });
    expect(await failure([op({ kind: "params", objectId: "bed-1", params: [{ name: "canopy", value: true }] })])).toMatchObject({ code: "model_error", message: expect.stringMatching(/no such parameter/) });
    expect(await failure([op({ kind: "params", objectId: "bed-1", params: [] })])).toMatchObject({ code: "model_error" });
    expect(await failure([op({ kind: "placement", objectId: "bed-1" })])).toMatchObject({ code: "model_error", message: expect.stringMatching(/has no move/) });
  });
});

describe("wantsModel", () => {
  const refusal = (code: "ambiguous" | "unsupported_edit", reason: string) => ({ code, message: "m", details: { reason } });
  it("asks the model only for openai scenes and non-final unsupported_edit refusals", () => {
    expect(wantsModel({ engine: "openai" }, refusal("unsupported_edit", "not_understood"))).toBe(true);
    expect(wantsModel({ engine: "openai" }, refusal("unsupported_edit", "no_such_param"))).toBe(true);
    expect(wantsModel({ engine: "offline" }, refusal("unsupported_edit", "not_understood"))).toBe(false);
    expect(wantsModel({ engine: "openai" }, refusal("ambiguous", "not_understood"))).toBe(false);
    for (const reason of ["empty", "too_long", "no_change", "swap_needs_two"]) expect(wantsModel({ engine: "openai" }, refusal("unsupported_edit", reason))).toBe(false);
  });
});
