/** Things placed relative to each other on one surface, on sentences written for these tests (not from the SceneEval prompts). */
import { describe, expect, it } from "vitest";
import { boxOf } from "../geometry/box";
import { relationHolds } from "../geometry/relation-check";
import { isCenterOf, isOn } from "../geometry/relations";
import { parsePrompt } from "../prompt/parse";
import { categoryInfo } from "../vocab";
import { findConflicts } from "./check";
import { solveLayout } from "./solve";

function solved(text: string) {
  const spec = parsePrompt(text);
  const L = solveLayout(spec);
  const boxes = new Map(spec.objects.map((o) => [o.id, boxOf(L.placements[o.id], o.targetSize)]));
  const room = { footprint: L.footprint, wallHeight: L.wallHeight, openings: L.openings };
  const conflicts = findConflicts(
    spec.objects.map((o) => ({ id: o.id, placement: L.placements[o.id], size: o.targetSize, support: L.supports[o.id], thin: categoryInfo(o.category).route === "thin_cover" })),
    L.footprint,
  );
  const failed = spec.relations.filter((r) => relationHolds(r, boxes, room) === false).map((r) => `${r.type}(${r.subject},${r.anchor})`);
  return { spec, L, boxes, conflicts, failed };
}

describe("things on one surface", () => {
  it("an anchor on a desk leaves room on the sides its neighbours are said to be on", () => {
    const { L, boxes, conflicts, failed } = solved("A pine desk stands against the wall. On the desk, a ceramic jar stands to the right of a small notebook, and a pencil cup sits to the left of the notebook.");
    expect(L.supports["jar-1"]).toBe("on:desk-1");
    expect(L.supports["pencil_cup-1"]).toBe("on:desk-1");
    expect(isOn(boxes.get("notebook-1")!, boxes.get("desk-1")!)).toBe(true);
    expect(failed).toEqual([]);
    expect(conflicts).toEqual({ collisions: [], outOfBounds: [] });
  });
  it("something at the centre of a table stands at the centre of its top, and its neighbours around it", () => {
    const { spec, boxes, failed, conflicts } = solved("A round walnut dining table holds four plates, two candles and a glass bowl at its center.");
    expect(spec.relations).toContainEqual({ type: "middle", subject: "bowl-1", anchor: "dining_table-1" });
    expect(isCenterOf(boxes.get("bowl-1")!, boxes.get("dining_table-1")!)).toBe(true);
    expect(failed).toEqual([]);
    expect(conflicts).toEqual({ collisions: [], outOfBounds: [] });
  });
  it("'centered on' a console puts the TV on it at its centre", () => {
    const { spec, boxes, failed } = solved("A flat TV sits centered on a low oak media console, with a small speaker beside it.");
    expect(spec.relations).toContainEqual({ type: "middle", subject: "tv-1", anchor: "media_console-1" });
    expect(isCenterOf(boxes.get("tv-1")!, boxes.get("media_console-1")!)).toBe(true);
    expect(failed).toEqual([]);
  });
});

describe("beside and on flat things", () => {
  it("an anchor on the floor leaves room on both sides for the two things said to flank it", () => {
    const { spec, failed, conflicts } = solved("A reading room with a tall bookcase against the far wall, a desk under the window, and a long gray sofa against the side wall; two small side tables flank the sofa.");
    expect(spec.relations.filter((r) => r.type === "left" || r.type === "right").length).toBe(2);
    expect(failed).toEqual([]);
    expect(conflicts).toEqual({ collisions: [], outOfBounds: [] });
  });
  it("a runner or a mat put on a table or counter top lies on it; a bath mat by the tub lies on the floor", () => {
    expect(solved("A linen runner lies on the oak dining table.").L.supports["runner-1"]).toBe("on:dining_table-1");
    expect(solved("A kitchen counter stands by the wall. On the countertop, a bamboo mat lies beside a knife.").L.supports["mat-1"]).toBe("on:kitchen_counter-1");
    expect(solved("A white bathtub with a bath mat on its edge.").L.supports["bath_mat-1"]).toBe("floor");
  });
  it("a rug grows to carry what is said to stand on it", () => {
    const { spec, boxes } = solved("A cozy den with a plush armchair on the rug, a round coffee table on the rug and a floor lamp in the corner.");
    const rug = boxes.get("rug-1")!;
    expect(spec.objects.find((o) => o.id === "rug-1")!.targetSize.w).toBeGreaterThan(2);
    expect(isOn(boxes.get("armchair-1")!, rug)).toBe(true);
    expect(isOn(boxes.get("coffee_table-1")!, rug)).toBe(true);
  });
});
