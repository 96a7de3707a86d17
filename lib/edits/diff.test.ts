import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./diff";

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n")).toBe("");
  });
  it("shows a changed PARAMS line with context", () => {
    const a = ["x", "PARAMS = {", '    "width": 1.6,', "}", "y"].join("\n");
    const b = ["x", "PARAMS = {", '    "width": 1.8,', "}", "y"].join("\n");
    expect(unifiedDiff(a, b, "r1", "r2")).toBe(
      ["--- r1", "+++ r2", "@@ -1,5 +1,5 @@", " x", " PARAMS = {", '-    "width": 1.6,', '+    "width": 1.8,', " }", " y", ""].join("\n"),
    );
  });
});
