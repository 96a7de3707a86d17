/** The Postgres adapter's statement rewriting and URL redaction (pure; the adapter itself runs in store.int.test.ts). */
import { describe, expect, it } from "vitest";
import { bindValues, compileSql, redactUrl } from "./postgres";

describe("compileSql", () => {
  it("numbers ? parameters in order and leaves literals, quoted identifiers and comments alone", () => {
    const c = compileSql(`SELECT '?', "a?", ? -- ?\n, /* ? @y */ ? FROM t WHERE x = 'it''s ?'`);
    expect(c.text).toBe(`SELECT '?', "a?", $1 -- ?\n, /* ? @y */ $2 FROM t WHERE x = 'it''s ?'`);
    expect(bindValues(c, [1, null])).toEqual([1, null]);
    expect(() => bindValues(c, [1])).toThrow(/^store: statement takes 2 parameters, got 1/);
  });

  it("maps each @name to one $n, binds from one object and refuses a missing name or mixed styles", () => {
    const c = compileSql("UPDATE scenes SET title = @title WHERE (CAST(@owner AS TEXT) IS NULL OR owner = @owner) AND id = @id");
    expect(c.text).toBe("UPDATE scenes SET title = $1 WHERE (CAST($2 AS TEXT) IS NULL OR owner = $2) AND id = $3");
    expect(bindValues(c, [{ id: "s", owner: null, title: "T", extra: 1 }])).toEqual(["T", null, "s"]);
    expect(() => bindValues(c, [{ id: "s", title: "T" }])).toThrow(/^store: missing named parameter @owner/);
    expect(() => compileSql("SELECT ? WHERE a = @a")).toThrow(/^store: a statement mixes/);
  });
});

describe("redactUrl", () => {
  it("hides the password and keeps the rest", () => {
    expect(redactUrl("postgres://app:s3cret@db.internal:5432/roomcode")).toBe("postgres://app:***@db.internal:5432/roomcode");
    expect(redactUrl("postgres://db/roomcode")).toBe("postgres://db/roomcode");
  });
});
