/**
 * Bad programs against real Blender: each ends in a structured error, the pool stays healthy and the
 * next job on the same pool succeeds. Unrestricted jobs skip the static policy and restricted builtins
 * to exercise the OS layer (bubblewrap, prlimit, timeout) on its own.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner } from "../client";
import type { Runner } from "../client/types";
import { CUBE_PROGRAM, TEN_PART_PROGRAM } from "./programs";

const SECRET = "sk-roomcode-test-secret-do-not-leak";
/** prlimit caps (address space) are in place: the memory bombs are safe to run. */
const HAS_PRLIMIT = (process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter).some((d) => d && existsSync(path.join(d, "prlimit")));
/** A per-worker RLIMIT_NPROC is in place (root drops each slot to its own uid): the fork bomb is safe to run. */
const NPROC_CAPPED = HAS_PRLIMIT && process.getuid?.() === 0;
let runner: Runner;
let out: string;
let n = 0;

beforeAll(async () => {
  process.env.OPENAI_API_KEY = SECRET;
  out = mkdtempSync(path.join(os.tmpdir(), "roomcode-bad-"));
  runner = createRunner({ workers: 1, jobTimeoutMs: 20_000, allowUnrestricted: true });
  expect(await runner.ready!(120_000)).toBe(true);
});

afterAll(async () => {
  await runner?.close();
  rmSync(out, { recursive: true, force: true });
  delete process.env.OPENAI_API_KEY;
});

function glb(): string {
  return path.join(out, `o${++n}.glb`);
}

async function build(source: string, extra: { unrestricted?: boolean; timeoutMs?: number } = {}) {
  return runner.buildObject({ objectId: "bad-1", source, outGlb: glb(), ...extra });
}

async function expectHealthyAfter(): Promise<void> {
  const good = await build(CUBE_PROGRAM);
  expect(good.ok, JSON.stringify(good)).toBe(true);
  if (good.ok) expect(good.value.stats.parts).toEqual(["body"]);
  const h = runner.health();
  expect(h.pool.alive).toBe(1);
}

const withCube = (code: string) => `${code}\nbpy.ops.mesh.primitive_cube_add()\n`;

describe("policy layer (static ast + restricted builtins)", () => {
  const cases: [string, string, string | string[]][] = [
    ["import os", "import os\nos.system('true')", "import"],
    ["import subprocess", "import subprocess\nsubprocess.run(['ls'])", "import"],
    ["import socket", "import socket\nsocket.socket()", "import"],
    ["import ctypes", "from ctypes import CDLL", "import"],
    ["__import__ escape", "m = __import__('os')", "builtin"],
    ["getattr(__builtins__) escape", "f = getattr(__builtins__, '__import__')", ["builtin", "private_attribute"]],
    ["dunder attribute walk", "x = ().__class__.__base__.__subclasses__()", "private_attribute"],
    ["open('/etc/passwd')", "print(open('/etc/passwd').read())", "builtin"],
    ["write outside the scratch dir", "with open('/tmp/roomcode-pwned.txt', 'w') as f:\n    f.write('x')", "builtin"],
    ["bpy.ops.wm.open_mainfile", "import bpy\nbpy.ops.wm.open_mainfile(filepath='/tmp/x.blend')", "operator"],
    ["bpy.ops.wm.quit_blender", "import bpy\nbpy.ops.wm.quit_blender()", "operator"],
    ["bpy.utils.execfile", "import bpy\nbpy.utils.execfile('/tmp/x.py')", "attribute"],
    ["bpy.app.handlers", "import bpy\nbpy.app.handlers.depsgraph_update_post.append(print)", "attribute"],
    ["bpy.data.libraries.load", "import bpy\nwith bpy.data.libraries.load('/tmp/x.blend') as (a, b):\n    pass", "attribute"],
    ["eval", "x = eval('1+1')", "builtin"],
    ["Text.as_module", "import bpy\nt = bpy.data.texts.new('x')\nt.as_module()", "attribute"],
  ];
  for (const [name, source, rule] of cases) {
    it(`rejects ${name} with its rule and line`, async () => {
      const res = await build(`import bpy\n${source}\n`);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.type).toBe("PolicyError");
      expect(Array.isArray(rule) ? rule : [rule]).toContain(res.error.rule);
      expect(res.error.line).toBeGreaterThanOrEqual(2);
      const check = await runner.check(`import bpy\n${source}\n`);
      expect(check.ok).toBe(false);
    });
  }

  it("blocks denied operators at run time too (name built at run time)", async () => {
    const res = await build("import bpy\nops = getattr(bpy.ops, 'wm')\nops.quit_blender()\n");
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.type).toBe("PolicyError");
      expect(res.error.rule).toBe("operator");
      expect(res.error.line).toBe(3);
    }
  });

  it("keeps the pool healthy after policy errors", expectHealthyAfter);
});

describe("runtime containment", () => {
  it("stops an infinite loop at the wall-clock timeout and respawns the worker", async () => {
    const res = await build("while True:\n    pass\n", { timeoutMs: 3000 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.type).toBe("Timeout");
    await expectHealthyAfter();
    expect(runner.health().pool.restarts).toBeGreaterThanOrEqual(1);
  });

  it.runIf(HAS_PRLIMIT)("turns a memory bomb into a MemoryError (address-space cap)", async () => {
    const res = await build("blob = bytearray(16 * 1024 ** 3)\n");
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(["MemoryError", "WorkerCrashed"]).toContain(res.error.type);
      expect(res.error.line).toBe(res.error.type === "MemoryError" ? 1 : null);
    }
    await expectHealthyAfter();
  });

  it.runIf(HAS_PRLIMIT)("turns a growing-list memory bomb into a structured error", async () => {
    const res = await build("chunks = []\nwhile True:\n    chunks.append(bytearray(64 * 1024 * 1024))\n");
    expect(res.ok).toBe(false);
    if (!res.ok) expect(["MemoryError", "WorkerCrashed"]).toContain(res.error.type);
    await expectHealthyAfter();
  });

  it("caps 200 MB of printed output and keeps the first 64 KB", async () => {
    const res = await build(withCube("import bpy\nfor i in range(200):\n    print('x' * 1000000)"));
    expect(res.ok, JSON.stringify(res).slice(0, 500)).toBe(true);
    expect(res.prints.length).toBeLessThan(70 * 1024);
    expect(res.prints).toMatch(/more characters of output dropped/);
    await expectHealthyAfter();
  });

  it("reports a program that creates nothing", async () => {
    const res = await build("import bpy\nPARAMS = {}\n\ndef build(p):\n    return []\n");
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.type).toBe("NothingCreated");
    await expectHealthyAfter();
  });

  it("reports SystemExit from a program as an error without stopping the worker", async () => {
    const res = await build("raise SystemExit(3)\n");
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.type).toBe("SystemExit");
      expect(res.error.line).toBe(1);
    }
    await expectHealthyAfter();
  });
});

describe("host side", () => {
  it.runIf(process.getuid?.() === 0)("reports a full host disk as DiskFull, not as the program's fault", async () => {
    const small = mkdtempSync(path.join(os.tmpdir(), "roomcode-full-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8k", "tmpfs", small]);
    try {
      const res = await runner.buildObject({ objectId: "bad-1", source: TEN_PART_PROGRAM, outGlb: path.join(small, "o.glb") });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.type).toBe("DiskFull");
    } finally {
      execFileSync("umount", [small]);
      rmSync(small, { recursive: true, force: true });
    }
    await expectHealthyAfter();
  });
});

describe("OS layer with the policy skipped (unrestricted jobs)", () => {
  it("reports whether the sandbox is on", () => {
    const h = runner.health();
    expect(typeof h.sandbox.enabled).toBe("boolean");
    if (!h.sandbox.enabled) expect(h.sandbox.reason).toBeTruthy();
  });

  it.runIf(NPROC_CAPPED)("contains a fork bomb (seccomp denies the first fork; RLIMIT_NPROC behind it)", async () => {
    const res = await build("import os\nwhile True:\n    os.fork()\n", { unrestricted: true, timeoutMs: 10_000 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(runner.health().sandbox.seccomp ? "PermissionError" : "BlockingIOError").toBe(res.error.type);
    await expectHealthyAfter();
  });

  it("hides the server environment (no OPENAI_API_KEY)", async () => {
    const res = await build(withCube("import bpy, os\nprint('KEY=%s' % os.environ.get('OPENAI_API_KEY'))"), { unrestricted: true });
    expect(res.ok).toBe(true);
    expect(res.prints).toContain("KEY=None");
    expect(res.prints).not.toContain(SECRET);
    await expectHealthyAfter();
  });

  it("cannot write outside the scratch dir", async (ctx) => {
    if (!runner.health().sandbox.enabled) ctx.skip();
    // A path on the read-only system: the checkout itself may sit under /tmp, which the sandbox replaces
    // with a throwaway tmpfs (a write there vanishes rather than failing).
    const target = "/var/lib/roomcode-sandbox-escape.txt";
    const res = await build(`with open(${JSON.stringify(target)}, 'w') as f:\n    f.write('x')\n`, { unrestricted: true });
    expect(existsSync(target)).toBe(false);
    expect(res.ok).toBe(false);
    // /var is not in the sandbox at all (FileNotFoundError); /usr is there read-only (OSError: EROFS).
    if (!res.ok) expect(["OSError", "PermissionError", "FileNotFoundError"]).toContain(res.error.type);
    const usr = await build(`with open('/usr/roomcode-sandbox-escape.txt', 'w') as f:\n    f.write('x')\n`, { unrestricted: true });
    expect(existsSync("/usr/roomcode-sandbox-escape.txt")).toBe(false);
    expect(usr.ok).toBe(false);
    if (!usr.ok) expect(usr.error.message).toMatch(/Read-only file system|Permission denied/);
    await expectHealthyAfter();
  });

  it("has no network", async () => {
    const res = await build("import socket\ns = socket.create_connection(('1.1.1.1', 80), timeout=2)\n", { unrestricted: true });
    expect(res.ok).toBe(false);
    if (!res.ok && runner.health().sandbox.enabled) expect(res.error.type).toMatch(/PermissionError|OSError|gaierror|TimeoutError|ConnectionRefusedError/);
    await expectHealthyAfter();
  });

  it("survives bpy.ops.wm.quit_blender()", async () => {
    const res = await build("import bpy\nbpy.ops.wm.quit_blender()\n", { unrestricted: true, timeoutMs: 10_000 });
    expect(res.ok).toBe(false);
    await expectHealthyAfter();
  });

  it("survives os._exit", async () => {
    const res = await build("import os\nos._exit(7)\n", { unrestricted: true });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.type).toBe("WorkerCrashed");
      expect(res.error.message).toMatch(/exit code 7/);
    }
    await expectHealthyAfter();
  });

  it("survives a segfault", async () => {
    const res = await build("import ctypes\nctypes.string_at(0)\n", { unrestricted: true });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.type).toBe("WorkerCrashed");
      expect(res.error.message).toMatch(/SIGSEGV/);
    }
    await expectHealthyAfter();
  });
});
