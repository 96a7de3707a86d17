/**
 * The OS sandbox alone against hostile object programs, through the real routes. The server's runner here skips
 * the static policy and the restricted builtins (`policy: "skip"`), as if every program had found a way past
 * them, and runs workers as the server's own user (`dedicatedUids: false`), as a server that is not root does.
 * Each probe raises with what it found, so the designer-facing error carries the verdict: "contained: ..." or
 * "ESCAPED: ...". After every attack: the object keeps its last good GLB, the other scene's files are
 * byte-identical, nothing appeared on the host, and the pool builds again. One worker, so that a program's
 * leftovers would meet the next scene's build if anything carried them across.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scene } from "@/lib/scene/schema";
import { setTempDataDir } from "@/test/support/env";
import { buildAttackScenes, BYSTANDER_PROMPT, closeServer, createScene, GOOD_PROGRAM, hashTree, health, program, putProgram, servedGlb, type ServerModules } from "./harness";

const dataDir = setTempDataDir("roomcode-os-attacks-");
const SECRET = "sk-roomcode-containment-secret";
process.env.OPENAI_API_KEY = SECRET;
process.env.ROOMCODE_ENGINE = "offline";
process.env.ROOMCODE_WORKERS = "1";
const { createRunner } = await import("@/blender-runner/client");
// The process-wide runner of server/runner.ts, installed before any server module asks for it.
(globalThis as Record<symbol, unknown>)[Symbol.for("roomcode.runner")] = createRunner({
  workers: 1,
  jobTimeoutMs: 20_000,
  allowUnrestricted: true,
  policy: "skip",
  dedicatedUids: false,
  hide: [dataDir, process.cwd()],
});
const server: ServerModules = { pipeline: await import("@/server/pipeline"), getRunner: (await import("@/server/runner")).getRunner, getStore: (await import("@/server/store")).getStore };
const { pipeline, getRunner, getStore } = server;

const HOST_TMP_MARK = `/tmp/roomcode-escape-${process.pid}.txt`;
let victim: Scene;
let bystander: Scene;
let target: string;
let bystanderFiles: Record<string, string>;

beforeAll(async () => {
  ({ victim, bystander, target, bystanderFiles } = await buildAttackScenes(server));
});

afterAll(async () => {
  await closeServer(server, dataDir);
  delete process.env.OPENAI_API_KEY;
});

/**
 * A probe body: `attempt` (Python statements) raises an Exception when the sandbox stops it ("contained: ..."),
 * or falls through to "ESCAPED"; it may also raise `Escaped(...)` (not an Exception, so never taken for contained).
 */
function probe(attempt: string): string {
  const lines = attempt.trim().split("\n").map((l) => `    ${l}`).join("\n");
  return `class Escaped(BaseException):\n    pass\ntry:\n${lines}\nexcept Exception as exc:\n    raise RuntimeError("contained: %s: %s" % (type(exc).__name__, exc))\nraise Escaped("ESCAPED: it worked")`;
}

/** Replace the worker's GLB export for this job (the program reaches the worker's own module, as a bypass would). */
function replaceExport(pythonBody: string): string {
  const lines = pythonBody.trim().split("\n").map((l) => `    ${l}`).join("\n");
  return `import sys, os\ndef evil(path, lights=False):\n${lines}\nsys.modules["roomcode_worker.jobs"]._export_glb = evil`;
}

const checkout = process.cwd();
const bystanderGlb = () => {
  const o = getStore().getScene(bystander.id).objects[0];
  return path.join(getStore().dataDir, "scenes", bystander.id, "objects", o.id, `r${o.build.glbRev!}.glb`);
};

/** [name, build() body, module header] for probes that must end "contained". */
const PROBES: [string, () => string, string][] = [
  ["read /etc/shadow", () => probe("open('/etc/shadow').read()"), ""],
  ["read /etc/passwd", () => probe("open('/etc/passwd').read()"), ""],
  ["read the checkout's sources", () => probe(`open(${JSON.stringify(path.join(checkout, "package.json"))}).read()`), ""],
  ["read another scene's GLB in the data dir", () => probe(`open(${JSON.stringify(bystanderGlb())}, 'rb').read()`), ""],
  ["load /etc/passwd as a Blender text", () => probe("t = bpy.data.texts.load('/etc/passwd')\nprint(t.as_string()[:80])"), ""],
  ["load the checkout and the data dir through bpy.data loaders", () => probe(`for f in (${JSON.stringify(path.join(checkout, "package.json"))}, ${JSON.stringify(path.join(dataDir, "roomcode.sqlite"))}):\n    try:\n        bpy.data.texts.load(f)\n    except RuntimeError:\n        continue\n    raise Escaped('ESCAPED: loaded ' + f)\nbpy.data.images.load(${JSON.stringify(bystanderGlb())})`), ""],
  ["list /root and /home", () => probe("import os\nprint(os.listdir('/root'), os.listdir('/home'))"), ""],
  ["read the server's environment", () => probe(`import os\nif os.environ.get('OPENAI_API_KEY') or ${JSON.stringify(SECRET)} in open('/proc/1/environ').read():\n    raise Escaped('ESCAPED: the key is visible')\nraise PermissionError('no secret anywhere in the environment')`), ""],
  ["open a socket to the server", () => probe("import socket\nsocket.create_connection(('127.0.0.1', 3000), timeout=2)"), ""],
  ["resolve and reach the internet", () => probe("import urllib.request\nurllib.request.urlopen('http://example.com', timeout=3)"), ""],
  ["run a shell", () => probe("import subprocess\nsubprocess.run(['/bin/sh', '-c', 'id'], check=True)"), ""],
  ["fork bomb", () => probe("import os\nwhile True:\n    if os.fork() == 0:\n        os._exit(0)"), ""],
  ["thread bomb", () => probe("import threading, time\nts = []\nwhile len(ts) < 100000:\n    t = threading.Thread(target=time.sleep, args=(2,), daemon=True)\n    t.start()\n    ts.append(t)"), ""],
  ["ptrace, mount and unshare through ctypes", () => probe("import ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\nr = [libc.ptrace(16, 1, 0, 0), libc.unshare(0x20000000), libc.mount(b'none', b'/usr', b'tmpfs', 0, None)]\nif all(v == -1 for v in r):\n    raise PermissionError('all three refused, errno %d' % ctypes.get_errno())"), ""],
  ["write to the read-only system", () => probe("open('/usr/roomcode-escape.txt', 'w').write('x')"), ""],
  ["write to the host's /tmp", () => probe(`open(${JSON.stringify(HOST_TMP_MARK)}, 'w').write('x')\nraise FileExistsError('wrote only into the sandbox tmpfs')`), ""],
  ["see other workers' scratch dirs and host processes", () => probe("import os\nsib = os.listdir(os.path.dirname(os.getcwd()))\npids = [p for p in os.listdir('/proc') if p.isdigit()]\nif len(sib) == 1 and len(pids) < 10:\n    raise PermissionError('alone: %s, %d pids' % (sib, len(pids)))"), ""],
  ["hard-link a host file into the output", () => probe("import os\nos.link('/usr/bin/blender', os.path.join(os.getcwd(), 'out', 'x.glb'))"), ""],
];

describe("the OS sandbox contains programs that got past the policy", () => {
  for (const [name, body, header] of PROBES) {
    it(name, async () => {
      const glbBefore = await servedGlb(victim.id, target);
      const r = await putProgram(victim.id, target, program(body(), header));
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.error?.code).toBe("build_failed");
      expect(r.error?.message).toMatch(/contained: /);
      expect(r.error?.message).not.toMatch(/ESCAPED/);
      expect((await servedGlb(victim.id, target)).equals(glbBefore)).toBe(true);
      expect(fs.existsSync("/usr/roomcode-escape.txt")).toBe(false);
      expect(fs.existsSync(HOST_TMP_MARK)).toBe(false);
    });
  }

  it("killing everything it can see ends only the worker; the pool respawns it", async () => {
    const r = await putProgram(victim.id, target, program("import os, signal\nfor pid in (-1, 1):\n    try:\n        os.kill(pid, signal.SIGKILL)\n    except OSError:\n        pass\nos.kill(os.getpid(), signal.SIGKILL)"));
    expect(r.status).toBe(422);
    expect(r.error?.details?.type).toBe("WorkerCrashed");
    expect(await getRunner().ready!(60_000)).toBe(true);
  });
});

describe("outputs are read without following what the program left", () => {
  const shadowHead = fs.existsSync("/etc/shadow") ? fs.readFileSync("/etc/shadow").subarray(0, 16) : Buffer.from("root:");
  const cases: [string, string, RegExp][] = [
    ["GLB replaced by a symlink to /etc/shadow", replaceExport("os.symlink('/etc/shadow', path)"), /replaced its output .* with a link/],
    ["GLB replaced by a FIFO", replaceExport("os.mkfifo(path)"), /is not a regular file/],
    ["output folder replaced by a link to /", replaceExport("d = os.path.dirname(path)\nos.rename(d, d + '.old')\nos.symlink('/', d)"), /output folder is gone or was replaced/],
    ["GLB replaced by garbage", replaceExport("open(path, 'wb').write(b'glTF' + os.urandom(4096))"), /not valid glTF/],
    ["no GLB at all", replaceExport("pass"), /wrote no/],
  ];
  for (const [name, header, message] of cases) {
    it(`${name}: refused, and model.glb still serves the last good build`, async () => {
      const glbBefore = await servedGlb(victim.id, target);
      const r = await putProgram(victim.id, target, program("pass", header));
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.error?.code).toBe("build_failed");
      expect(r.error?.details?.type).toBe("OutputError");
      expect(r.error?.message).toMatch(message);
      const served = await servedGlb(victim.id, target);
      expect(served.equals(glbBefore)).toBe(true);
      expect(served.includes(shadowHead)).toBe(false);
    });
  }
});

describe("no Python state crosses scenes", () => {
  it("a program that patches the worker changes nothing in another scene's builds", async () => {
    // Every later build in this worker gains a 50 m cube among its parts.
    const patch = [
      "import sys",
      "jobs = sys.modules['roomcode_worker.jobs']",
      "real_run = jobs._run_program",
      "def run(*args, **kwargs):",
      "    objects = real_run(*args, **kwargs)",
      "    bpy.ops.mesh.primitive_cube_add(size=50)",
      "    return objects + [bpy.context.active_object]",
      "jobs._run_program = run",
    ].join("\n");
    const r = await putProgram(victim.id, target, program(patch));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // Same scene, same worker: the patch is live (its own next build shows the 50 m cube).
    // A 50 m object fits nowhere in the room, so the save is refused (409) once built; its revision shows the cube.
    const again = await putProgram(victim.id, target, GOOD_PROGRAM);
    expect([200, 409]).toContain(again.status);
    const patched = getStore().revisions.latest(victim.id, target)!;
    expect(patched.stats?.size.w ?? 0).toBeGreaterThan(40);

    // Another scene rebuilt after it: identical stats to its own earlier build.
    const store = getStore();
    const o = store.getScene(bystander.id).objects.find((x) => x.program)!;
    const statsBefore = o.build.stats;
    const rebuilt = await putProgram(bystander.id, o.id, `${o.program!.source}\n# rebuilt\n`);
    expect(rebuilt.status, JSON.stringify(rebuilt.body)).toBe(200);
    const now = store.objects.get(bystander.id, o.id)!;
    expect(now.build.stats?.size).toEqual(statsBefore?.size);
    expect(now.build.stats?.parts).toEqual(statsBefore?.parts);

    // A scene created afterwards builds exactly like the same prompt did before the patch.
    const fresh = await createScene(BYSTANDER_PROMPT, pipeline.waitForScene);
    const sizes = (s: Scene) => s.objects.map((x) => [x.category, x.build.stats?.size, x.build.stats?.vertices]).sort();
    expect(sizes(fresh)).toEqual(sizes(store.getScene(bystander.id)));
    const roomSha = (s: Scene) => crypto.createHash("sha256").update(store.artifacts.get(s.id, `room/r${s.room!.glbRev!}.glb`)!).digest("hex");
    expect(roomSha(fresh)).toBe(roomSha(bystander));
  });
});

describe("after every attack", () => {
  it("left the other scene's files untouched (but for the deliberate rebuild) and the pool healthy", async () => {
    const now = hashTree(path.join(getStore().dataDir, "scenes", bystander.id));
    // The deliberate rebuild adds a revision and may refresh the thumbnail; every other file stays as it was.
    for (const [file, sha] of Object.entries(bystanderFiles)) if (file !== "thumb.png") expect(now[file], file).toBe(sha);
    expect(await getRunner().ready!(60_000)).toBe(true);
    const h = await health();
    expect(h.pool.alive).toBe(h.pool.size);
    const o = getStore().getScene(bystander.id).objects.find((x) => x.program)!;
    const ok = await putProgram(bystander.id, o.id, `${o.program!.source}\n# after the attacks\n`);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});
