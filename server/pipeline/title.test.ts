import { describe, expect, it } from "vitest";
import { titleFromImage, titleFromPrompt } from "./title";

describe("titleFromPrompt", () => {
  it("takes the first sentence without a leading article", () => {
    expect(titleFromPrompt("A bedroom with a queen-sized bed. There is a lamp.")).toBe("Bedroom with a queen-sized bed");
    expect(titleFromPrompt("Create an attic office")).toBe("Attic office");
  });
  it("cuts long titles at a word boundary with an ellipsis", () => {
    const t = titleFromPrompt("A living room with a sofa, " + "a coffee table, ".repeat(10));
    expect(t.length).toBeLessThanOrEqual(61);
    expect(t.endsWith("…")).toBe(true);
  });
  it("falls back for empty text and image scenes", () => {
    expect(titleFromPrompt("   ")).toBe("Untitled room");
    expect(titleFromImage(null)).toBe("Room from image");
    expect(titleFromImage("cozy loft")).toBe("Cozy loft");
  });
});
