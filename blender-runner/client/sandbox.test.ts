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
    const args = bwrapArgs("/tmp/rc/w0-1", { keepReadable: [] });
    expect(args).toEqual(expect.arrayContaining(["--unshare-all", "--die-with-parent", "--clearenv"]));
    const bind = args.indexOf("--bind");
    expect(args.slice(bind, bind + 3)).toEqual(["--bind", "/tmp/rc/w0-1", "/tmp/rc/w0-1"]);
    expect(args.filter((a) => a === "--bind")).toHaveLength(1);
    expect(args.join(" ")).not.toContain("OPENAI");
  });

  it("shows /usr and the kept paths only: no /etc/passwd, no home, no checkout beyond the worker", () => {
    const worker = "/srv/roomcode/blender-runner/roomcode_worker";
    const args = bwrapArgs("/tmp/rc/w0-1", { keepReadable: [worker, "/usr/bin/blender"], hide: ["/srv/roomcode", "/usr/local/roomcode-data"], seccompFd: 5 });
    const roBinds = args.flatMap((a, i) => (a === "--ro-bind" || a === "--ro-bind-try" ? [args[i + 1]] : []));
    expect(roBinds).toContain("/usr");
    expect(roBinds).toContain(worker);
    expect(roBinds).not.toContain("/");
    expect(roBinds).not.toContain("/etc");
    expect(roBinds.filter((p) => p.startsWith("/etc/"))).toEqual(["/etc/ld.so.cache", "/etc/alternatives"]);
    expect(roBinds).not.toContain("/usr/bin/blender");
    // A data dir inside /usr is masked; the checkout is not bound at all, so it needs no mask.
    const tmpfs = args.flatMap((a, i) => (a === "--tmpfs" ? [args[i + 1]] : []));
    expect(tmpfs).toContain("/usr/local/roomcode-data");
    expect(tmpfs).not.toContain("/srv/roomcode");
    expect(args.slice(-2)).toEqual(["--seccomp", "5"]);
  });

  it("masks a checkout under /usr but binds the worker package again on top", () => {
    const worker = "/usr/src/roomcode/blender-runner/roomcode_worker";
    const args = bwrapArgs("/tmp/rc/w0-1", { keepReadable: [worker], hide: ["/usr/src/roomcode"] });
    const mask = args.indexOf("/usr/src/roomcode");
    expect(args[mask - 1]).toBe("--tmpfs");
    expect(args.lastIndexOf(worker)).toBeGreaterThan(mask);
  });

  it("passes the seccomp program as fd 5 when the sandbox has one", () => {
    const spec = buildLaunch({ blender: "/usr/bin/blender", blenderArgs: ["-b"], scratch: "/tmp/rc/w0-1", slot: 0, sandbox: { ...on, seccomp: "/tmp/rc/seccomp.bpf" }, limits: DEFAULT_LIMITS, keepReadable: [] });
    expect(spec.inheritFiles).toEqual(["/tmp/rc/seccomp.bpf"]);
    expect(spec.args).toEqual(expect.arrayContaining(["--seccomp", "5"]));
  });

  it("runs blender directly without bwrap, still capped and with a clean environment", () => {
    const off: SandboxState = { enabled: false, reason: "off", bwrap: null, prlimit: "/usr/bin/prlimit", dropUid: false };
    const spec = buildLaunch({ blender: "/b/blender", blenderArgs: ["-b"], scratch: "/s", slot: 0, sandbox: off, limits: DEFAULT_LIMITS, keepReadable: [] });
    expect(spec.args).toEqual([...prlimitArgs(DEFAULT_LIMITS, false), "--", "/b/blender", "-b"]);
    expect(spec.uid).toBeUndefined();
    expect(spec.env.HOME).toBe("/s");
  });
});
