import { describe, expect, it } from "vitest";
import type { Scene } from "../scene/schema";
import { planEdit } from "./router";
import { bedroom, livingRoom } from "./testing/scenes";
import { stepOf } from "./testing/steps";
import { COLOR_PHRASES } from "./words";
import { colorOf } from "../prompt/attributes";

/** The living room with current-template PARAMS on the sofa and coffee table (layout, shape, base). */
function scene(): Scene {
  const s = livingRoom();
  for (const o of s.objects) {
    if (!o.program) continue;
    if (o.category === "sofa") o.program.params = { ...o.program.params, layout: "straight", corner_side: "right" };
    if (o.category === "coffee_table") o.program.params = { ...o.program.params, shape: "rectangular", base: "legs", glass_top: false };
  }
  return s;
}

function paramsOf(text: string, id: string): Record<string, unknown> {
  const r = planEdit(scene(), text, { selection: [], now: "2026-01-02T00:00:00.000Z" });
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  const op = stepOf(r.value, "set-params", id);
  if (!op) throw new Error(`no params op: ${JSON.stringify(r.value.ops)}`);
  return op.command.args.params;
}

describe("shape and size variants by edit", () => {
  it("make the sofa L-shaped sets the layout and grows it to a sectional's footprint", () => {
    const p = paramsOf("make the sofa L-shaped", "sofa-1");
    expect(p.layout).toBe("l_shaped");
    expect(p.width).toBeGreaterThanOrEqual(2.6);
    expect(p.depth).toBeGreaterThanOrEqual(1.6);
  });
  it("make the desk L-shaped sets its layout and grows it to a corner desk's footprint", () => {
    const s = bedroom();
    const desk = s.objects.find((o) => o.id === "desk-1")!;
    desk.program!.params = { ...desk.program!.params, layout: "straight", run_depth: 0.6 };
    const r = planEdit(s, "make the desk L-shaped", { selection: [], now: "2026-01-02T00:00:00.000Z" });
    if (!r.ok) throw new Error(r.error.message);
    const params = stepOf(r.value, "set-params", "desk-1")?.command.args.params;
    expect(params ?? null).toMatchObject({ layout: "l_shaped" });
    expect(params?.width).toBeGreaterThanOrEqual(1.4);
    expect(params?.depth).toBeGreaterThanOrEqual(1.3);
  });
  it("make the coffee table round squares the top", () => {
    const p = paramsOf("make the coffee table round", "coffee_table-1");
    expect(p.shape).toBe("round");
    expect(p.depth).toBe(1.1);
  });
  it("a glass top and a pedestal base", () => {
    expect(paramsOf("make the coffee table glass-top", "coffee_table-1")).toMatchObject({ glass_top: true });
    expect(paramsOf("turn the coffee table into a pedestal table", "coffee_table-1")).toMatchObject({ base: "pedestal" });
  });
  it("move to the corner stays a move", () => {
    const r = planEdit(scene(), "move the sofa to the corner", { selection: [] });
    expect(r.ok && r.value.ops.every((o) => o.command.name !== "set-params")).toBe(true);
  });
});

describe("one colour table", () => {
  it("pastel pink is the same hex in prompts and edits", () => {
    const edit = COLOR_PHRASES.find(([p]) => p === "pastel pink")![1];
    expect(colorOf("pastel_pink")).toBe(edit);
  });
});
