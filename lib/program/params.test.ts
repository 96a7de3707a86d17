import { describe, expect, it } from "vitest";
import { formatParamValue, parseParams, replaceParams, type ParamValue } from "./params";

const PROGRAM = `"""Nightstand: PARAMS = {"fake": 1} inside a docstring is ignored."""
import bpy, math

# PARAMS = {"commented": True}
PARAMS = {
    "width": 0.5,  # meters
    "depth": 0.4,
    "height": 0.55,
    "drawers": 2,
    "wood": "#8a5a33",
    'label': 'it\\'s {braced} "quoted" # not a comment',
    "headboard": True,
    "frame": None,
    "legs": [0.1, -2e-3, (1, 2,)],
    "pose": (0, 0, 90),
    "scale": 1.0,
}

def build(p):
    return []  # {"not": "params"}

if __name__ == "__main__":
    build(PARAMS)
`;

function parsed(src: string): Record<string, ParamValue> {
  const r = parseParams(src);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe("parseParams", () => {
  it("reads numbers, strings with braces/quotes/hashes, booleans, None, nested lists and tuples", () => {
    expect(parsed(PROGRAM)).toEqual({
      width: 0.5,
      depth: 0.4,
      height: 0.55,
      drawers: 2,
      wood: "#8a5a33",
      label: `it's {braced} "quoted" # not a comment`,
      headboard: true,
      frame: null,
      legs: [0.1, -0.002, [1, 2]],
      pose: [0, 0, 90],
      scale: 1,
    });
  });

  it("reads a one-line dict, escapes and raw strings", () => {
    expect(parsed(`PARAMS = {"a": 'x\\ny', "b": r"c:\\d", "c": "\\u00e9", "d": 0x10, "e": -.5, "f": 1_000}\n`)).toEqual({
      a: "x\ny",
      b: "c:\\d",
      c: "é",
      d: 16,
      e: -0.5,
      f: 1000,
    });
  });

  it("rejects non-literals, nested dicts, duplicates, f-strings and a missing PARAMS with the line", () => {
    expect(parseParams("x = 1\n")).toEqual({ ok: false, error: expect.stringContaining("no module-level") });
    expect(parseParams(`PARAMS = {\n  "a": width * 2,\n}\n`)).toEqual({ ok: false, error: expect.stringContaining("line 2") });
    expect(parseParams(`PARAMS = {"a": {"b": 1}}`).ok).toBe(false);
    expect(parseParams(`PARAMS = {"a": 1, "a": 2}`)).toEqual({ ok: false, error: expect.stringContaining("duplicate") });
    expect(parseParams(`PARAMS = {"a": f"x{y}"}`).ok).toBe(false);
    expect(parseParams(`PARAMS = {"a": 1,\n`).ok).toBe(false);
    expect(parseParams(`    PARAMS = {"a": 1}\n`).ok).toBe(false);
  });

  it("ignores PARAMS inside strings and comments, and `PARAMS ==` comparisons", () => {
    const src = `s = """\nPARAMS = {"no": 1}\n"""\n# PARAMS = {"no": 2}\nPARAMS == {}\nPARAMS = {"yes": 3}\n`;
    expect(parsed(src)).toEqual({ yes: 3 });
  });
});

describe("replaceParams", () => {
  it("returns the source byte-identical when nothing changes", () => {
    expect(replaceParams(PROGRAM, parsed(PROGRAM))).toBe(PROGRAM);
  });

  it("round-trips: parse(replace(src, p)) equals p for changed values of every type", () => {
    const next: Record<string, ParamValue> = {
      ...parsed(PROGRAM),
      width: 0.75,
      drawers: 3,
      wood: "#1f2a44",
      label: `new "label" with {braces} and 'quotes' \\ and \n newline`,
      headboard: false,
      frame: "thin",
      legs: [[1, [2, 3]], "x", null, true],
      pose: [1, 2, 3],
      scale: 2,
    };
    const out = replaceParams(PROGRAM, next);
    expect(parsed(out)).toEqual(next);
    expect(out).toContain(`"width": 0.75,  # meters`);
    expect(out).toContain(`"pose": (1, 2, 3),`);
    expect(out).toContain(`"scale": 2.0,`);
  });

  it("keeps everything outside the changed values byte-identical", () => {
    const out = replaceParams(PROGRAM, { ...parsed(PROGRAM), depth: 0.45 });
    expect(out).toBe(PROGRAM.replace(`"depth": 0.4,`, `"depth": 0.45,`));
  });

  it("removes keys with their line and appends new keys in the dict's indentation", () => {
    const p = parsed(PROGRAM);
    delete p.frame;
    const out = replaceParams(PROGRAM, { ...p, shelves: 4, style: "modern" });
    expect(out).not.toContain(`"frame"`);
    expect(out).toContain(`    "scale": 1.0,\n    "shelves": 4,\n    "style": "modern",\n}`);
    expect(parsed(out)).toEqual({ ...p, shelves: 4, style: "modern" });
    const head = PROGRAM.slice(0, PROGRAM.indexOf("PARAMS = {"));
    const tail = PROGRAM.slice(PROGRAM.indexOf("\ndef build"));
    expect(out.startsWith(head)).toBe(true);
    expect(out.endsWith(tail)).toBe(true);
  });

  it("edits one-line dicts, adding the missing comma and a trailing-comment-safe comma", () => {
    expect(replaceParams(`PARAMS = {"a": 1, "b": 2}\nx = 1\n`, { a: 1, b: 5, c: "z" })).toBe(`PARAMS = {"a": 1, "b": 5, "c": "z"}\nx = 1\n`);
    expect(replaceParams(`PARAMS = {"a": 1, "b": 2}\n`, { b: 2 })).toBe(`PARAMS = {"b": 2}\n`);
    const src = `PARAMS = {\n    "a": 1  # last, no comma\n}\n`;
    const out = replaceParams(src, { a: 1, b: 2 });
    expect(out).toBe(`PARAMS = {\n    "a": 1,  # last, no comma\n    "b": 2,\n}\n`);
    expect(parsed(out)).toEqual({ a: 1, b: 2 });
  });

  it("throws with the program tag when there is no PARAMS literal or a number is not finite", () => {
    expect(() => replaceParams("x = 1\n", { a: 1 })).toThrow(/^program: /);
    expect(() => replaceParams(`PARAMS = {"a": 1}`, { a: Number.NaN })).toThrow(/finite/);
  });
});

describe("formatParamValue", () => {
  it("writes Python literals", () => {
    expect(formatParamValue(0.1 + 0.2)).toBe("0.3");
    expect(formatParamValue([true, null, "a"])).toBe(`[True, None, "a"]`);
    expect(formatParamValue([1], { tuple: true })).toBe("(1,)");
    expect(formatParamValue(3, { float: true })).toBe("3.0");
  });
});
