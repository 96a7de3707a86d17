import { describe, expect, it } from "vitest";
import { DROPPED_NOTE, parsePrompt } from "../prompt/parse";
import { phraseKind } from "./physical";

describe("only physical things become objects", () => {
  it("drops programmes, moods, arrangement words and abstractions, and lists them", () => {
    const s = parsePrompt("The TV shows an unsettling news program beside a juxtaposition of lamps. A touch of decor and a cozy mood complete the setup with a brass telescope and a sofa.");
    const cats = s.objects.map((o) => o.category);
    expect(cats).toEqual(expect.arrayContaining(["tv", "telescope", "sofa"]));
    for (const c of cats) expect(c).not.toMatch(/program|juxtaposition|touch|mood|setup|decor/);
    const dropped = s.notes.filter((n) => n.startsWith(DROPPED_NOTE)).map((n) => n.slice(DROPPED_NOTE.length));
    expect(dropped).toEqual(expect.arrayContaining(["an unsettling news program"]));
  });
  it("keeps concrete nouns the vocabulary does not know, and noun compounds of non-object heads", () => {
    expect(parsePrompt("A bathroom with a red toy boat in the bathtub.").objects.map((o) => o.category)).toContain("toy_boat");
    expect(phraseKind("workstation", "a workstation", false)).toBe("physical");
    expect(phraseKind("juxtaposition", "a juxtaposition", false)).toBe("abstract");
    expect(phraseKind("child", "a child", false)).toBe("person");
    expect(phraseKind("foot", "the foot", false)).toBe("part");
    expect(parsePrompt("A playroom with a wooden play kitchen and a puzzle piece on the rug.").objects.map((o) => o.category)).toEqual(expect.arrayContaining(["play_kitchen", "puzzle_piece", "rug"]));
  });
});
