import { describe, expect, it } from "vitest";
import { AppError, APP_ERROR_STATUS, err, isAppError, ok } from "./errors";

describe("AppError", () => {
  it("maps codes to HTTP statuses and serialises without leaking a stack", () => {
    const e = new AppError("not_found", "Scene abc does not exist", { id: "abc" });
    expect(e.status).toBe(404);
    expect(isAppError(e)).toBe(true);
    expect(isAppError(new Error("x"))).toBe(false);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ error: { code: "not_found", message: "Scene abc does not exist", details: { id: "abc" } } });
  });

  it("gives every code a 4xx or 5xx status", () => {
    for (const status of Object.values(APP_ERROR_STATUS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it("builds results", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err("bad")).toEqual({ ok: false, error: "bad" });
  });
});
