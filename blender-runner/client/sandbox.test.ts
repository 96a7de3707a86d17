import { describe, expect, it } from "vitest";
import { allocateUidBase, BASE_UID, buildLaunch, bwrapArgs, DEFAULT_LIMITS, prlimitArgs, type SandboxState } from "./sandbox";

const on: SandboxState = { enabled: true, reason: null, bwrap: "/usr/bin/bwrap", prlimit: "/usr/bin/prlimit", dropUid: true };

describe("sandbox launch", () => {
  it("wraps blender in prlimit and bwrap with argument arrays", () => {
    const spec = buildLaunch({ blender: "/usr/bin/blender", blenderArgs: ["-b"], scratch: "/tmp/rc/w0-1", slot: 1, sandbox: on, limits: DEFAULT_LIMITS, keepReadable: [], uidBase: BASE_UID });
    expect(spec.command).toBe("/usr/bin/prlimit");
    const dash = spec.args.indexOf("--");
    expect(spec.args.slice(0, dash)).toEqual(prlimitArgs(DEFAULT_LIMITS, true));
    expect(spec.args[dash + 1]).toBe("/usr/bin/bwrap");
    expect(spec.args.slice(-3)).toEqual(["--", "/usr/bin/blender", "-b"]);
    expect(spec.uid).toBe(BASE_UID + 1);
    expect(spec.env).toEqual({ HOME: "/tmp/rc/w0-1", TMPDIR: "/tmp/rc/w0-1", PATH: "/usr/local/bin:/usr/bin:/bin", LANG: "C.UTF-8" });
  });

  it("gives every pool its own block of uids", () => {
    const a = allocateUidBase();
    const b = allocateUidBase();
    expect(a).not.toBe(b);
    expect(Math.abs(a - b) % 16).toBe(0);
    expect(Math.min(a, b)).toBeGreaterThanOrEqual(BASE_UID);
  });

  it("binds only the scratch dir writable, unshares everything and clears the environment", () => {
    const args = bwrapArgs("/tmp/rc/w0-1", []);
    expect(args).toEqual(expect.arrayContaining(["--unshare-all", "--die-with-parent", "--clearenv"]));
    const bind = args.indexOf("--bind");
    expect(args.slice(bind, bind + 3)).toEqual(["--bind", "/tmp/rc/w0-1", "/tmp/rc/w0-1"]);
    expect(args.filter((a) => a === "--bind")).toHaveLength(1);
    expect(args.join(" ")).not.toContain("OPENAI");
  });

  it("runs blender directly without bwrap, still capped and with a clean environment", () => {
    const off: SandboxState = { enabled: false, reason: "off", bwrap: null, prlimit: "/usr/bin/prlimit", dropUid: false };
    const spec = buildLaunch({ blender: "/b/blender", blenderArgs: ["-b"], scratch: "/s", slot: 0, sandbox: off, limits: DEFAULT_LIMITS, keepReadable: [] });
    expect(spec.args).toEqual([...prlimitArgs(DEFAULT_LIMITS, false), "--", "/b/blender", "-b"]);
    expect(spec.uid).toBeUndefined();
    expect(spec.env.HOME).toBe("/s");
  });
});
