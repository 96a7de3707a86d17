import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { StructureSpec } from "../scene/schema";
import { parsePrompt } from "./parse";

const cats = (text: string) => parsePrompt(text).objects.map((o) => o.category);
const rel = (text: string) => parsePrompt(text).relations.map((r) => `${r.type}(${r.subject},${r.anchor})`);

describe("parsePrompt", () => {
  it("extracts room type, categories and counts", () => {
    const s = parsePrompt("A bedroom with a queen-sized bed, two nightstands, a pair of lamps and four dining chairs.");
    expect(s.roomType).toBe("bedroom");
    expect(s.objects.filter((o) => o.category === "nightstand")).toHaveLength(2);
    expect(s.objects.filter((o) => o.category === "lamp")).toHaveLength(2);
    expect(s.objects.filter((o) => o.category === "dining_chair")).toHaveLength(4);
    expect(s.objects.map((o) => o.id)).toContain("nightstand-2");
    expect(StructureSpec.safeParse(s).success).toBe(true);
  });
  it("reads 'a few' and 'several' as three", () => {
    expect(cats("A den with a few cushions and several books on a shelf.").filter((c) => c === "cushion")).toHaveLength(3);
  });
  it("folds synonyms (couch -> sofa, bookcase -> bookshelf, TV -> tv)", () => {
    expect(cats("A living room with a couch, a bookcase and a TV.")).toEqual(["sofa", "bookshelf", "tv"]);
  });
  it("resolves colors to hex, materials and sizes", () => {
    const s = parsePrompt("A room with a navy velvet sofa and a king-size bed.");
    const sofa = s.objects.find((o) => o.category === "sofa")!;
    expect(sofa.attributes.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(sofa.attributes.colorName).toBe("navy");
    expect(sofa.attributes.material).toBe("velvet");
    const bed = s.objects.find((o) => o.category === "bed")!;
    expect(bed.attributes.size).toBe("king_size");
    expect(bed.targetSize.w).toBeCloseTo(1.93 + 0.06);
  });
  it("maps relations to the RelationType vocabulary", () => {
    expect(rel("A bedroom with a bed and a nightstand on the right side of the bed.")).toContain("right(nightstand-1,bed-1)");
    expect(rel("A wardrobe in the corner of the room.")).toContain("corner(wardrobe-1,room)");
    expect(rel("A sofa facing a coffee table.")).toContain("facing(sofa-1,coffee_table-1)");
    expect(rel("A desk under the window and a bed against the wall.")).toEqual(expect.arrayContaining(["under_window(desk-1,window)", "against_wall(bed-1,wall)"]));
    expect(rel("A rug in the middle of the room.")).toContain("middle(rug-1,room)");
    expect(rel("A plant near the door.")).toContain("near_door(plant-1,door)");
    expect(rel("A round table surrounded by four chairs.")).toContain("around(chair-1,round_table-1)");
    expect(rel("A lamp between the sofa and the armchair.").some((r) => r.startsWith("between(lamp-1"))).toBe(true);
  });
  it("sets on:<id> support for objects on top of others, and wall/ceiling supports", () => {
    const s = parsePrompt("A desk with a monitor on it. A painting hangs on the wall. A chandelier hangs from the ceiling.");
    const byCat = new Map(s.objects.map((o) => [o.category, o]));
    expect(byCat.get("monitor")!.support).toBe("on:desk-1");
    expect(byCat.get("painting")!.support).toBe("wall");
    expect(byCat.get("chandelier")!.support).toBe("ceiling");
  });
  it("applies a fronted 'On the X,' to the objects of the sentence", () => {
    const s = parsePrompt("A bedroom with a dresser. On the dresser, a vase stands next to a jewelry box.");
    expect(s.objects.find((o) => o.category === "vase")!.support).toBe("on:dresser-1");
    expect(s.objects.find((o) => o.category === "jewelry_box")!.support).toBe("on:dresser-1");
  });
  it("records negations and drops negated objects", () => {
    const s = parsePrompt("A living room with a sofa and an armchair. There is no TV.");
    expect(s.negations).toContain("tv");
    expect(s.objects.some((o) => o.category === "tv")).toBe(false);
  });
  it("uses plausible room sizes per type and honours explicit dimensions", () => {
    expect(parsePrompt("A bathroom with a toilet.").roomSize.w).toBeLessThan(parsePrompt("A living room with a sofa.").roomSize.w);
    const s = parsePrompt("A 6 x 4 m office with a desk.");
    expect([s.roomSize.w, s.roomSize.d]).toEqual([6, 4]);
  });
  it("lays out several rooms as zones", () => {
    const s = parsePrompt("A bedroom with a bed, next to a kitchen with a fridge.");
    expect(s.zones.map((z) => z.kind)).toEqual(["bedroom", "kitchen"]);
  });
  it("rejects empty and over-long prompts with typed errors", () => {
    for (const [text, code] of [["   ", "empty_prompt"], ["x".repeat(20_001), "prompt_too_long"]] as const) {
      try {
        parsePrompt(text);
        expect.unreachable();
      } catch (e) {
        expect(isAppError(e) && e.code).toBe(code);
      }
    }
  });
  it("returns zero objects and a note for text naming nothing known", () => {
    for (const text of ["Lorem ipsum dolor sit amet.", "Une chambre avec un lit.", "'; DROP TABLE scenes; --"]) {
      const s = parsePrompt(text);
      expect(s.objects).toHaveLength(0);
      expect(s.notes.join(" ")).toMatch(/no known objects/);
    }
  });
  it("reads a noun spelled like a verb as the head after a modifier, and as the verb after an object or a plural", () => {
    expect(cats("A music stand standing next to the piano.")).toEqual(["stand", "piano"]);
    expect(cats("A sturdy worktable holds a tool set.")).toEqual(["work_table", "tool_set"]);
    expect(cats("A large display case stands in the corner.")).toEqual(["display_case"]);
    expect(cats("A small night light glows on the shelf.")).toEqual(["night_light", "shelf"]);
    expect(cats("A lamp set on the desk.")).toEqual(["lamp", "desk"]);
    expect(rel("A lamp set on the desk.")).toEqual(["on_top(lamp-1,desk-1)"]);
    expect(cats("Two lamps stand by the bed.")).toEqual(["lamp", "lamp", "bed"]);
    expect(cats("Candles set the mood.")).toEqual(["candle", "candle"]);
    expect(cats("A toaster and a wooden knife block stand beside the microwave.").slice(0, 2)).toEqual(["toaster", "knife_block"]);
  });
  it("puts what a held tray carries on the tray, and a participle after a comma on the clause's subject", () => {
    expect(rel("A tray on the table carries two mugs.")).toEqual(["on_top(tray-1,table-1)", "on_top(mug-1,tray-1)", "on_top(mug-2,tray-1)"]);
    expect(rel("A slim table holds a silver tray with one teapot and a cup.")).toEqual(["on_top(tray-1,table-1)", "on_top(teapot-1,tray-1)", "on_top(cup-1,tray-1)"]);
    expect(rel("A side table sits next to one armchair, holding a mug.")).toEqual(["next_to(side_table-1,armchair-1)", "on_top(mug-1,side_table-1)"]);
  });
  it("stands seating placed by a rug on its edge, and leaves other furniture beside it", () => {
    expect(rel("Two club chairs face the sofa across a large wool rug.")).toContain("on_top(sofa-1,rug-1)");
    expect(rel("An armchair sits next to the rug.")).toContain("on_top(armchair-1,rug-1)");
    expect(rel("A bookshelf stands next to the rug.")).toEqual(["next_to(bookshelf-1,rug-1)"]);
  });
  it("reads 'beneath something that hangs' as that thing above, and a rug beneath furniture as carrying it", () => {
    expect(rel("A black media console sits beneath a wall-mounted TV.")).toContain("above(tv-1,media_console-1)");
    expect(rel("A floating vanity beneath a round mirror.")).toContain("above(mirror-1,vanity-1)");
    expect(rel("A bath mat lies under the mirror.")).not.toContain("on_top(mirror-1,bath_mat-1)");
    expect(rel("A rug beneath the sofa.")).toContain("on_top(sofa-1,rug-1)");
  });
  it("takes a state word after a posture verb as the object's attribute ('a magazine lies open')", () => {
    const tags = (t: string) => parsePrompt(t).objects.map((o) => o.attributes.tags);
    expect(tags("A magazine lies open on the sofa.")[0]).toContain("open");
    expect(tags("The bed stands in the corner.")[0]).toEqual([]);
  });
  it("centres in the room what 'stands centered' or 'occupies the center (of the room)', and not what is at a table's center", () => {
    expect(rel("In the den, a walnut desk stands centered.")).toEqual(["middle(desk-1,room)"]);
    expect(rel("A sofa and a glass coffee table occupy the center.")).toEqual(["middle(sofa-1,room)", "middle(coffee_table-1,room)"]);
    expect(rel("A play tent occupies the center of the playroom.")).toEqual(["middle(play_tent-1,room)"]);
    expect(rel("Two sculptures sit at the center of the table.")).not.toContain("middle(sculpture-1,room)");
  });
  it("puts seats a table seats, or seats beside a dining table, around it", () => {
    expect(rel("A long dining table seats two ladder-back chairs.")).toEqual(["around(chair-1,dining_table-1)", "around(chair-2,dining_table-1)"]);
    expect(rel("A chair stands next to the dining table.")).toContain("around(chair-1,dining_table-1)");
    expect(rel("A chair stands next to the desk.")).not.toContain("around(chair-1,desk-1)");
  });
  it("gives a thing held by a participle to the noun right before it, not to the list's holder", () => {
    expect(rel("A play tent near the window, with a small round table holding a plush bunny.")).toContain("on_top(bunny-1,round_table-1)");
  });
});
