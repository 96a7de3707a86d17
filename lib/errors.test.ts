import { describe, expect, it } from "vitest";
import { AppError, APP_ERROR_STATUS, diskFullError, err, isAppError, ok } from "./errors";

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

  it("recognises an AppError from another copy of the module by its shape", () => {
    const foreign = Object.assign(new Error("Scene x does not exist"), { name: "AppError", code: "not_found" });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(Object.assign(new Error("x"), { name: "AppError", code: "no_such_code" }))).toBe(false);
    expect(isAppError({ name: "Error", code: "not_found" })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it("maps a full disk to disk_full (507), also as a cause", () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(diskFullError(enospc)?.code).toBe("disk_full");
    expect(diskFullError(new Error("wrapped", { cause: enospc }))?.status).toBe(507);
    expect(diskFullError(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))?.code).toBe("disk_full");
    expect(diskFullError(new Error("other"))).toBeNull();
  });
});
