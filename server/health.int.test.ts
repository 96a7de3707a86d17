/**
 * Health and the failure modes a new machine meets, with real processes: GET /api/health through the real route
 * with a real Blender (ok only once a worker answered its handshake, again after a worker crash), a missing
 * Blender, and a real Blender whose Python cannot import numpy (a BLENDER_PATH wrapper): health says ok:false
 * naming numpy and the fix, scene creation answers a typed 503, and scripts/ensure-system.sh and the setup smoke
 * step fail naming python3-numpy, also when the `python3` on PATH has numpy.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findBlender } from "../blender-runner/client/locate";
import { setTempDataDir } from "../test/support/env";
import { callRoute } from "../test/support/routes";

const RUNNER_KEY = Symbol.for("roomcode.runner");
const REPO = path.resolve(__dirname, "..");

async function loadHealthRoute(env: Record<string, string | undefined>) {
  vi.resetModules();
  // The runner is a process-wide singleton on globalThis: drop it so the new environment takes effect.
  const g = globalThis as { [RUNNER_KEY]?: { close(): Promise<void> } };
  await g[RUNNER_KEY]?.close();
  delete g[RUNNER_KEY];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const route = await import("../app/api/health/route");
  const runner = await import("./runner");
  return { route, runner };
}

async function health(route: { GET(): Promise<Response> }) {
  const res = await route.GET();
  expect(res.status).toBe(200);
  return res.json();
}

/** SIGKILL every worker process group this process started (bwrap or Blender, from /proc). */
function killWorkers(): number {
  let killed = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (ppid === process.pid && cmd.includes("worker.py")) {
        process.kill(-Number(pid), "SIGKILL");
        killed++;
      }
    } catch {
      /* process gone */
    }
  }
  return killed;
}

function run(cmd: string, args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(cmd, args, { cwd: REPO, env: { ...process.env, ...env } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 170_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe("GET /api/health", () => {
  const dataDir = setTempDataDir();
  afterAll(async () => {
    await loadHealthRoute({ BLENDER_PATH: undefined });
  });

  it("reports a real Blender 3.4+ with a worker that answered, the sandbox, the engine, the data dir and its free space", async () => {
    const { route } = await loadHealthRoute({ BLENDER_PATH: undefined, ROOMCODE_ENGINE: "offline", ROOMCODE_WORKERS: "1" });
    const body = await health(route);
    expect(body.ok, body.reason).toBe(true);
    expect(body.reason).toBeNull();
    const [major, minor] = String(body.blender.version).split(".").map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(304);
    expect(body.pool).toMatchObject({ size: 1, alive: 1, startError: null });
    expect(body.engine.name).toBe("offline");
    expect(typeof body.sandbox.enabled).toBe("boolean");
    if (!body.sandbox.enabled) expect(body.sandbox.reason).toMatch(/\w/);
    expect(body.dataDir).toBe(dataDir);
    expect(body.disk.freeBytes).toBeGreaterThan(0);
    expect(body.disk.totalBytes).toBeGreaterThanOrEqual(body.disk.freeBytes);
    expect(body.disk.ok).toBe(true);
  });

  it("answers 200 with ok:false and how to install Blender when it is missing, and scene creation answers 503", async () => {
    const { route } = await loadHealthRoute({ BLENDER_PATH: "/nonexistent/blender", ROOMCODE_WORKERS: "1" });
    const body = await health(route);
    expect(body.ok).toBe(false);
    expect(body.blender.found).toBe(false);
    expect(body.reason).toMatch(/Blender not found/);
    expect(body.reason).toMatch(/apt-get install blender python3-numpy/);
    const res = await callRoute("POST", "/api/scenes", { json: { prompt: "a bedroom with a bed" } });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("blender_missing");
  });

  it("says a data dir is nearly full below the free-space floor", async () => {
    const { diskReason, diskSpace, MIN_FREE_DISK_BYTES } = await import("./health");
    expect(diskReason(MIN_FREE_DISK_BYTES - 1, "/srv/data")).toMatch(/nearly full .*free some space/);
    expect(diskReason(MIN_FREE_DISK_BYTES, "/srv/data")).toBeNull();
    expect(diskReason(null, "/srv/data")).toBeNull();
    // A data dir that does not exist yet is measured on its nearest existing parent.
    expect(diskSpace(path.join(dataDir, "not", "yet")).freeBytes).toBeGreaterThan(0);
  });
});

describe("a Blender whose Python has no numpy", () => {
  let dir: string;
  let wrapper: string;
  let flag: string;

  beforeAll(() => {
    const real = findBlender(null);
    if (!real) throw new Error("test: the integration tests need blender on PATH");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-nonumpy-"));
    // Sandboxed workers run under their own uid: the wrapper and its flag must be readable by others.
    fs.chmodSync(dir, 0o755);
    wrapper = path.join(dir, "blender");
    flag = path.join(dir, "no-numpy");
    // While the flag file exists, a finder raises what Python says on a machine without python3-numpy. The
    // --python-expr runs before the pool's `--python worker.py` because Blender runs Python arguments in order.
    const poison = [
      "import sys",
      "class NoNumpy:",
      "    def find_spec(self, name, path=None, target=None):",
      "        if name == 'numpy' or name.startswith('numpy.'):",
      "            raise ModuleNotFoundError(\"No module named 'numpy'\", name='numpy')",
      "sys.modules.pop('numpy', None)",
      "sys.meta_path.insert(0, NoNumpy())",
    ].join("\n");
    fs.writeFileSync(wrapper, `#!/bin/sh\nif [ -e '${flag}' ]; then exec '${real}' --python-expr "${poison.replace(/"/g, '\\"')}" "$@"; fi\nexec '${real}' "$@"\n`, { mode: 0o755 });
    fs.mkdirSync(path.join(dir, "shim"));
    // A `python3` that says yes to everything, as a pyenv python3 with its own numpy would to `import numpy`.
    fs.writeFileSync(path.join(dir, "shim", "python3"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    fs.symlinkSync(wrapper, path.join(dir, "shim", "blender"));
  });

  afterAll(async () => {
    await loadHealthRoute({ BLENDER_PATH: undefined });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("turns health false after a worker crash whose restart fails, names numpy and the fix, answers 503 to scene creation, and recovers", async () => {
    const { route, runner } = await loadHealthRoute({ BLENDER_PATH: wrapper, ROOMCODE_WORKERS: "1" });
    expect((await health(route)).ok).toBe(true);

    fs.writeFileSync(flag, "");
    expect(killWorkers()).toBe(1);
    await vi.waitFor(() => expect(runner.getRunner().health().pool.restarts).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    const body = await health(route);
    expect(body.ok).toBe(false);
    expect(body.reason).toMatch(/Blender's Python has no numpy: apt-get install python3-numpy/);
    expect(body.pool.alive).toBe(0);
    expect(body.pool.restarts).toBeGreaterThanOrEqual(1);
    expect(body.pool.startError).toMatch(/No module named 'numpy'/);

    const prompt = await callRoute("POST", "/api/scenes", { json: { prompt: "a bedroom with a bed and a nightstand" } });
    expect(prompt.status).toBe(503);
    const err = (await prompt.json()).error;
    expect(err.code).toBe("runner_unavailable");
    expect(err.message).toMatch(/numpy/);
    const form = new FormData();
    form.set("image", new Blob([fs.readFileSync(path.join(REPO, "public/examples", fs.readdirSync(path.join(REPO, "public/examples")).find((f) => f.endsWith(".png"))!))], { type: "image/png" }), "room.png");
    const upload = await callRoute("POST", "/api/scenes", { body: form });
    expect(upload.status).toBe(503);
    expect((await upload.json()).error.code).toBe("runner_unavailable");
    const listed = await callRoute("GET", "/api/scenes");
    expect((await listed.json()).scenes).toEqual([]);

    // Once Blender's Python has numpy again, the pool's next restart answers and health is true again.
    fs.rmSync(flag);
    const deadline = Date.now() + 60_000;
    let again = await health(route);
    while (!again.ok && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      again = await health(route);
    }
    expect(again.ok, again.reason).toBe(true);
    expect(again.pool.startError).toBeNull();
  });

  it("makes ensure-system.sh name python3-numpy and fail, also when the python3 on PATH has numpy", () => {
    fs.writeFileSync(flag, "");
    const byPath = run("bash", ["scripts/ensure-system.sh"], { BLENDER_PATH: wrapper, ROOMCODE_NO_APT: "1" });
    expect(byPath.code, byPath.out).not.toBe(0);
    expect(byPath.out).toMatch(/No module named 'numpy'/);
    expect(byPath.out).toMatch(/apt-get install .*python3-numpy/);

    const shimmed = run("bash", ["scripts/ensure-system.sh"], { BLENDER_PATH: undefined, PATH: `${path.join(dir, "shim")}:${process.env.PATH}`, ROOMCODE_NO_APT: "1" });
    expect(shimmed.code, shimmed.out).not.toBe(0);
    expect(shimmed.out).toMatch(/apt-get install .*python3-numpy/);

    fs.rmSync(flag);
    const healthy = run("bash", ["scripts/ensure-system.sh"], { BLENDER_PATH: wrapper, ROOMCODE_NO_APT: "1" });
    expect(healthy.code, healthy.out).toBe(0);
    expect(healthy.out).toMatch(/system ready: blender=\d+\.\d+.* numpy=/);
  });

  it("makes the setup smoke step fail with one line naming numpy", () => {
    fs.writeFileSync(flag, "");
    const tsx = path.join(REPO, "node_modules/.bin/tsx");
    const r = run(tsx, ["--conditions", "react-server", "scripts/smoke.ts"], { BLENDER_PATH: wrapper });
    expect(r.code, r.out).toBe(1);
    const lines = r.out.split("\n").filter((l) => l.trim());
    expect(lines, r.out).toHaveLength(1);
    expect(lines[0]).toMatch(/^roomcode: smoke test failed: .*Blender's Python has no numpy: apt-get install python3-numpy/);
  });
});
