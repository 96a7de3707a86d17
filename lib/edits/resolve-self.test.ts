import { describe, expect, it } from "vitest";
import { planEdit } from "./router";
import { livingRoom, obj } from "./testing/scenes";

describe("a reference whose relation names the object itself", () => {
  it("'the ride on rocking unicorn' is refused with the scene's objects, not a crash", () => {
    const scene = livingRoom();
    scene.objects.push({ ...obj("ride_on_rocking_unicorn-1", "ride_on_rocking_unicorn", { x: 1, y: 1, z: 0, yawDeg: 0 }, { width: 0.8, depth: 0.3, height: 0.6 }), name: "Ride on rocking unicorn" });
    const r = planEdit(scene, "rotate the ride on rocking unicorn 90 degrees", { selection: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("unsupported_edit");
      expect(r.error.message).toMatch(/no ride other than the Ride on rocking unicorn/);
    }
  });
});
