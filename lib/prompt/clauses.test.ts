/** Clause-level relation reading on sentences written for these tests (not from the SceneEval prompts). */
import { describe, expect, it } from "vitest";
import { parsePrompt } from "./parse";

const support = (text: string) => Object.fromEntries(parsePrompt(text).objects.map((o) => [o.id, o.support]));
const rel = (text: string) => parsePrompt(text).relations.map((r) => `${r.type}(${r.subject},${r.anchor})`);

describe("relations across clauses", () => {
  it("a definite reference finds the object of its own category and material before a nearer look-alike", () => {
    const s = support("A marble table stands beside a walnut console table. The marble table is set with four plates and a candle.");
    expect(s["plate-1"]).toBe("on:table-1");
    expect(s["candle-1"]).toBe("on:table-1");
  });
  it("'with A and B to its right' places the whole list beside the subject, on the subject's own surface", () => {
    const text = "A walnut counter holds a toaster. A kettle stands on the counter, with a mug and a small bowl to its left.";
    expect(rel(text)).toEqual(expect.arrayContaining(["left(mug-1,kettle-1)", "left(bowl-1,kettle-1)"]));
    const s = support(text);
    expect(s["mug-1"]).toBe("on:counter-1");
    expect(s["bowl-1"]).toBe("on:counter-1");
  });
  it("a room noun before an object noun qualifies it ('a bathroom cabinet'), and 'a nearby desk' is a desk", () => {
    expect(support("A pedestal sink stands beside a slim bathroom cabinet topped with a folded towel.")["towel-1"]).toBe("on:cabinet-1");
    expect(support("On a nearby desk, a lamp glows.")["lamp-1"]).toBe("on:desk-1");
  });
  it("a bare plural held by something names objects when its kind is buildable ('a bowl with ice cubes')", () => {
    const s = support("A glass bowl with ice cubes sits on the counter.");
    expect(s["ice_cube-1"]).toBe("on:bowl-1");
    expect(s["ice_cube-2"]).toBe("on:bowl-1");
    expect(Object.keys(support("The tall window offers sweeping views."))).toEqual([]);
  });
  it("an unknown -s word before a preposition after 'a' is the verb ('a tin robot wobbles on the shelf'), but 'a thermos on' stays a thermos", () => {
    expect(support("A pine shelf hangs by the door and a tin robot wobbles on the shelf.")["robot-1"]).toBe("on:shelf-1");
    expect(support("A low bookcase holds a coffee thermos on its top.")["coffee_thermos-1"]).toBe("on:bookshelf-1");
  });
  it("a manner adverb opening a noun phrase keeps the object ('a neatly folded blanket')", () => {
    const s = support("A pine bench holds a neatly folded blanket.");
    expect(s["blanket-1"]).toBe("on:bench-1");
  });
  it("'its surface' belongs to an object mentioned before the subject, never to the subject itself", () => {
    const s = support("A wide workbench holds a drill, with a jar next to a toy robot on its surface.");
    expect(s["toy_robot-1"]).toBe("on:workbench-1");
    expect(s["jar-1"]).toBe("on:workbench-1");
  });
  it("a possessive that opens a clause refers to the sentence's subject", () => {
    const s = support("A low coffee table stands in front of the sofa, its top holding a candle and a bowl.");
    expect(s["candle-1"]).toBe("on:coffee_table-1");
    expect(s["bowl-1"]).toBe("on:coffee_table-1");
  });
  it("a relation fronted after a clause boundary relates the clause's objects", () => {
    const text = "A dresser stands by the wall, a desk sits near the window, and on the dresser sit a jewelry box and a small vase.";
    expect(rel(text)).toEqual(expect.arrayContaining(["on_top(jewelry_box-1,dresser-1)", "on_top(vase-1,dresser-1)"]));
    expect(support(text)["vase-1"]).toBe("on:dresser-1");
  });
  it("every item of a holder's list is held when it is smaller than the holder", () => {
    const s = support("A tall sideboard supports a ceramic bowl and a potted fern.");
    expect(s["potted_fern-1"]).toBe("on:sideboard-1");
  });
  it("'topped by' is a holder, not 'by' (next to)", () => {
    const text = "A walnut console table topped by a brass lamp.";
    expect(rel(text)).toContain("on_top(lamp-1,console_table-1)");
    expect(rel(text)).not.toContain("next_to(console_table-1,lamp-1)");
  });
  it("a held thing that hangs on the wall is not put on the holder", () => {
    const s = support("A white vanity topped by a round mirror on the wall.");
    expect(s["mirror-1"]).toBe("wall");
  });
  it("a rug beneath an object carries it, and what is on a rug stands on the floor", () => {
    expect(rel("A striped rug lies beneath the armchair.")).toContain("on_top(armchair-1,rug-1)");
    const s = support("A bookshelf holds two vases, and a toy train sits on a round rug.");
    expect(s["toy_train-1"]).toBe("floor");
  });
  it("number agreement tells a verb from a compound's plural: 'a plant stands' vs 'two plant stands'", () => {
    expect(parsePrompt("A plant stands in the corner.").objects.map((o) => o.category)).toEqual(["plant"]);
    expect(rel("A plant stands in the room's corner.")).toContain("corner(plant-1,room)");
    expect(parsePrompt("Two plant stands flank the sofa.").objects.map((o) => o.category)).toEqual(["plant_stand", "plant_stand", "sofa"]);
  });
  it("flanking a doorway or window is beside it", () => {
    expect(rel("A bookcase flanks the doorway.")).toContain("near_door(bookshelf-1,door)");
    expect(rel("Two lamps flank the window.")).toEqual(["near_window(lamp-1,window)", "near_window(lamp-2,window)"]);
  });
  it("a second relation after a comma, or beside something the anchor dwarfs, still describes the first subject", () => {
    expect(rel("A desk lamp sits atop the writing desk, to the right of a stack of books.")).toContain("right(desk_lamp-1,book-1)");
    expect(rel("A laptop rests on the desk next to a mug.")).toContain("next_to(laptop-1,mug-1)");
    // A rug does not dwarf what is beside it: the phrase stays with the rug.
    expect(rel("A cozy armchair rests on a circular rug adjacent to a tall bookshelf.")).toContain("next_to(rug-1,bookshelf-1)");
  });
  it("reads locative inversion ('Under the table lies a rug', 'Behind the sofa stands a console')", () => {
    expect(rel("Under the coffee table lies a woven rug.")).toContain("under(rug-1,coffee_table-1)");
    expect(rel("Behind the sofa stands a narrow console table.")).toContain("behind(console_table-1,sofa-1)");
  });
  it("'with Y in front of it' relates Y to the holder spatially", () => {
    expect(rel("A sofa with a coffee table in front of it.")).toContain("front(coffee_table-1,sofa-1)");
  });
  it("textiles draped over furniture lie on it; a TV mounted above a fireplace hangs on the wall", () => {
    expect(support("A throw blanket is draped over the arm of the sofa.")["throw_blanket-1"]).toBe("on:sofa-1");
    expect(support("A television is mounted above the fireplace.")["tv-1"]).toBe("wall");
  });
  it("places seen through a window and skylights are not objects", () => {
    expect(parsePrompt("A reading chair by the window overlooking the garden.").objects.map((o) => o.category)).toEqual(["reading_chair"]);
    expect(parsePrompt("A bathtub sits beneath a skylight.").objects.map((o) => o.category)).toEqual(["bathtub"]);
    expect(rel("A floor lamp stands between the sofa and the window.")).toEqual(expect.arrayContaining(["near(floor_lamp-1,sofa-1)", "near_window(floor_lamp-1,window)"]));
  });
  it("the subject of a finite holding verb is the head of the noun phrase, not its preposition's object", () => {
    expect(support("Wall shelves above the desk hold books.")["book-1"]).toBe("on:wall_shelf-1");
  });
  it("things fixed or attached to the wall hang on it", () => {
    expect(support("A coat hook is fixed to the wall by the door.")["coat_hook-1"]).toBe("wall");
  });
});

describe("what a holder carries", () => {
  it("a holding verb puts on the holder anything that is not furniture and fits its top, however much of the top it takes", () => {
    expect(support("A slim nightstand supports a bedside lamp.")["bedside_lamp-1"]).toBe("on:nightstand-1");
    expect(support("A round side table by the armchair holds a potted fern.")["potted_fern-1"]).toBe("on:side_table-1");
    expect(support("A filing cabinet stands against the wall, topped by a potted plant.")["potted_plant-1"]).toBe("on:filing_cabinet-1");
    expect(support("A small stool holds a wide sofa.")["sofa-1"]).toBe("floor");
  });
  it("a thing of unknown kind held by something is a small thing on it, also on a holder of unknown kind", () => {
    expect(support("A white ceramic plate holds a single quince.")["quince-1"]).toBe("on:plate-1");
    expect(support("Near the door, a marble plinth displays a stone bust.")["bust-1"]).toBe("on:plinth-1");
  });
});

describe("the opposite wall", () => {
  it("'against the opposite wall' and 'in the opposite corner' are opposite the sentence's first object", () => {
    expect(rel("A study with a teak desk under the window, a reading lamp beside it, and a tall cabinet against the opposite wall.")).toContain("across(cabinet-1,desk-1)");
    expect(rel("A brass bed fills one corner of the room, with a laundry basket tucked into the opposite corner.")).toContain("across(laundry_basket-1,bed-1)");
  });
  it("a fronted 'across the room' or 'on the opposite wall' describes the object after it, opposite the previous sentence's first object", () => {
    expect(rel("A leather sofa faces the fireplace. Across the room, a walnut sideboard stands by the door.")).toContain("across(sideboard-1,sofa-1)");
    expect(rel("A pine bunk bed stands by the window. On the opposite wall, a small dresser holds a lamp.")).toContain("across(dresser-1,bunk_bed-1)");
  });
});

describe("the sides of a table", () => {
  it("seats on, along or lining the long or short sides of a table are around it, not on it", () => {
    expect(rel("A tall bar table with two bar chairs on the long side.")).toEqual(expect.arrayContaining(["around(bar_chair-1,bar_table-1)", "around(bar_chair-2,bar_table-1)"]));
    expect(support("A tall bar table with two bar chairs on the long side.")["bar_chair-1"]).toBe("floor");
    expect(rel("Three stools line the long sides of the kitchen island.")).toContain("around(stool-3,kitchen_island-1)");
  });
});

describe("centre words", () => {
  it("'X is centered, with Y ...' centres X on what it stands on; the centre word does not put X on Y", () => {
    const text = "A teak desk stands by the wall. On the desk a slim monitor is centered, with a ceramic mug to its right.";
    expect(rel(text)).toContain("middle(monitor-1,desk-1)");
    expect(support(text)["monitor-1"]).toBe("on:desk-1");
  });
});
