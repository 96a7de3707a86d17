/**
 * Hostile object programs through the real routes with the server's own runner (static policy and restricted
 * builtins on, real Blender under bubblewrap): each is refused with a typed error a designer can act on (rule and
 * line for the policy, the exception otherwise), the object keeps its last good revision, the other scene stays
 * byte-identical, and the pool builds a plain program afterwards. The OS layer alone is proven in
 * os-containment.int.test.ts. Scenes come from SceneEval-style prompts (../shared/inputs/SOURCES.md).
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { setTempDataDir } from "@/test/support/env";
import { buildAttackScenes, closeServer, GOOD_PROGRAM, hashTree, health, program, putProgram, servedGlb, type ServerModules } from "./harness";

const dataDir = setTempDataDir("roomcode-policy-attacks-");
process.env.ROOMCODE_WORKERS = "2";
const server: ServerModules = { pipeline: await import("@/server/pipeline"), getRunner: (await import("@/server/runner")).getRunner, getStore: (await import("@/server/store")).getStore };
const { getRunner, getStore } = server;

let victim: Scene;
let bystander: Scene;
let target: string;
let bystanderFiles: Record<string, string>;

beforeAll(async () => {
  ({ victim, bystander, target, bystanderFiles } = await buildAttackScenes(server));
});

afterAll(() => closeServer(server, dataDir));

/** [name, build() body, optional module header, expected {code, rule | type}] */
const ATTACKS: [string, string, string, { code: "policy" | "build_failed"; rule?: string; type?: string; message?: RegExp }][] = [
  ["import os", "os.system('id')", "import os", { code: "policy", rule: "import" }],
  ["import subprocess", "subprocess.run(['id'])", "import subprocess", { code: "policy", rule: "import" }],
  ["import socket", "socket.create_connection(('127.0.0.1', 3000))", "import socket", { code: "policy", rule: "import" }],
  ["ctypes", "CDLL(None).system(b'id')", "from ctypes import CDLL", { code: "policy", rule: "import" }],
  ["__import__", "__import__('os').system('id')", "", { code: "policy", rule: "builtin" }],
  ["eval", "eval(\"1 + 1\")", "", { code: "policy", rule: "builtin" }],
  ["open /etc/shadow", "print(open('/etc/shadow').read())", "", { code: "policy", rule: "builtin" }],
  ["subclasses walk", "print(().__class__.__base__.__subclasses__())", "", { code: "policy", rule: "private_attribute" }],
  ["getattr with a name built at run time", "n = '_' + '_globals__'\nprint(getattr(build, n))", "", { code: "policy", rule: "builtin" }],
  ["typing.operator.attrgetter escape", "g = typing.operator.attrgetter('_' + '_globals__')(build)\nprint(g)", "import typing", { code: "build_failed", type: "AttributeError" }],
  ["typing.get_type_hints string eval", "print(typing.get_type_hints(build))", "import typing", { code: "build_failed", type: "AttributeError" }],
  ["from typing import sys", "print(sys)", "from typing import sys", { code: "policy", rule: "import" }],
  ["from typing import a module", "print(collections)", "from typing import collections", { code: "build_failed", type: "ImportError" }],
  ["bpy.data.texts.load", "t = bpy.data.texts.load('/etc/passwd')\nprint(t.as_string())", "", { code: "policy", rule: "attribute" }],
  ["bpy.data.images.load", "bpy.data.images.load('/etc/shadow')", "", { code: "policy", rule: "attribute" }],
  ["image filepath", "im = bpy.data.images.new('x', 4, 4)\nim.filepath = '/etc/shadow'", "", { code: "policy", rule: "attribute" }],
  ["bpy.data.libraries.load", "bpy.data.libraries.load('/etc/passwd')", "", { code: "policy", rule: "attribute" }],
  ["open another .blend", "bpy.ops.wm.open_mainfile(filepath='/etc/passwd')", "", { code: "policy", rule: "operator" }],
  ["run a script file", "bpy.ops.script.python_file_run(filepath='/etc/passwd')", "", { code: "policy", rule: "operator" }],
  ["persistent handler", "bpy.app.handlers.load_post.append(print)", "", { code: "policy", rule: "attribute" }],
  ["bpy.utils.execfile", "bpy.utils.execfile('/etc/passwd')", "", { code: "policy", rule: "attribute" }],
  ["modules_from_path", "bpy.utils.modules_from_path('/etc', set())", "", { code: "policy", rule: "attribute" }],
  ["quit Blender", "bpy.ops.wm.quit_blender()", "", { code: "policy", rule: "operator" }],
  ["infinite loop", "while True:\n    pass", "", { code: "build_failed", type: "Timeout" }],
  ["memory bomb", "x = [0] * (10 ** 10)", "", { code: "build_failed", type: "MemoryError" }],
  ["recursion bomb", "def f(n):\n    return f(n + 1)\nf(0)", "", { code: "build_failed", type: "RecursionError" }],
  ["SystemExit", "raise SystemExit(3)", "", { code: "build_failed", type: "SystemExit" }],
];

describe("hostile programs through PUT .../program (policy on)", () => {
  for (const [name, body, header, want] of ATTACKS) {
    it(`${name}: ${want.code}${want.rule ? ` (${want.rule})` : ""}${want.type ? ` (${want.type})` : ""}`, async () => {
      const before = getStore().objects.get(victim.id, target)!;
      const glbBefore = await servedGlb(victim.id, target);
      const source = program(body, header);
      const r = await putProgram(victim.id, target, source);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.error?.code).toBe(want.code);
      if (want.rule) {
        expect(r.error?.details?.rule).toBe(want.rule);
        // The line a designer is sent to is the offending one.
        const line = r.error?.details?.line;
        expect(line).toBeGreaterThan(0);
        expect(source.split("\n")[line! - 1]).toMatch(/\S/);
      }
      if (want.type) expect(r.error?.details?.type).toBe(want.type);
      const after = getStore().objects.get(victim.id, target)!;
      expect(after.program?.rev).toBe(before.program?.rev);
      expect(after.build.glbRev).toBe(before.build.glbRev);
      expect((await servedGlb(victim.id, target)).equals(glbBefore)).toBe(true);
    });
  }

  it("left the other scene byte-identical and the pool healthy", async () => {
    expect(hashTree(path.join(getStore().dataDir, "scenes", bystander.id))).toEqual(bystanderFiles);
    expect(await getRunner().ready!(60_000)).toBe(true);
    const h = await health();
    expect(h.pool.alive).toBe(h.pool.size);
    const ok = await putProgram(victim.id, target, GOOD_PROGRAM);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it("builds honest programs that use the helper modules", async () => {
    const source = program(
      "from collections import defaultdict\nfrom typing import List\nimport functools\nsizes: List[float] = [p['size']]\nd = defaultdict(int)\nd['a'] += functools.reduce(lambda a, b: a + b, [1, 2])\nprint(colorsys.rgb_to_hsv(1, 0, 0), d['a'], sizes)",
      "import colorsys",
    );
    const r = await putProgram(victim.id, target, source);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
});
