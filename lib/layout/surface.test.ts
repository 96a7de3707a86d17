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
