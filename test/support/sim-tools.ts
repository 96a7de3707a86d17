/**
 * Real simulators for the export tests: `check_urdf` (liburdfdom-tools), `mujoco-testxml`/`mujoco-compile`
 * (libmujoco-samples) and a small C program against libmujoco (test/support/mujoco-sim.c, compiled once per run),
 * and a USD re-import in Blender.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";

/** Result line of mujoco-sim.c. */
export interface SimReport {
  loaded: boolean;
  error?: string;
  nbody: number;
  njnt: number;
  nu: number;
  ngeom: number;
  free: { name: string; moved: number }[];
  /** `type` is MuJoCo's mjtJoint: 2 slide, 3 hinge; positions in rad or m. */
  joints: { name: string; type: number; lo: number; hi: number; atHi: number; atLo: number }[];
  nan: boolean;
  badqacc: number;
}

let simBinary: string | null = null;

/** Path of the compiled mujoco-sim (gcc, -lmujoco). */
export function mujocoSim(): string {
  if (simBinary && fs.existsSync(simBinary)) return simBinary;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-mjsim-")), "mujoco-sim");
  execFileSync("gcc", ["-O2", "-o", out, path.resolve("test/support/mujoco-sim.c"), "-lmujoco", "-lm"], { stdio: "pipe" });
  simBinary = out;
  return out;
}

/** Run mujoco-sim on an MJCF file (T seconds per phase). */
export function simulate(xml: string, seconds = 2): SimReport {
  const r = spawnSync(mujocoSim(), [xml, String(seconds)], { encoding: "utf8", timeout: 600_000 });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as SimReport;
  } catch {
    throw new Error(`mujoco-sim printed no report (exit ${r.status}): ${r.stdout.slice(-500)} ${r.stderr.slice(-500)}`);
  }
}

/** `check_urdf <file>`: exit status and output. */
export function checkUrdf(file: string): { ok: boolean; output: string } {
  const r = spawnSync("check_urdf", [file], { encoding: "utf8", timeout: 60_000 });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** `mujoco-compile in.xml out.mjb`: whether MuJoCo's compiler accepts the model. */
export function mujocoCompile(xml: string): { ok: boolean; output: string } {
  const out = path.join(path.dirname(xml), "compiled.mjb");
  const r = spawnSync("mujoco-compile", [xml, out], { encoding: "utf8", timeout: 120_000 });
  return { ok: r.status === 0 && fs.existsSync(out), output: `${r.stdout}${r.stderr}` };
}

/** Extract a zip into `dir`; returns the file names. */
export function unzipTo(bytes: Uint8Array, dir: string): string[] {
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files)) {
    const f = path.join(dir, name);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, data);
  }
  return Object.keys(files);
}

/** Whether this Blender can import USD (Debian's is built without it). */
export function blenderHasUsd(): boolean {
  const r = spawnSync(process.env.BLENDER_PATH ?? "blender", ["-b", "--factory-startup", "-noaudio", "--python-expr", "import bpy; print('ROOMCODE_USD', 'usd_import' in dir(bpy.ops.wm))"], { encoding: "utf8", timeout: 120_000 });
  return /ROOMCODE_USD True/.test(r.stdout);
}

/**
 * Object prims under `/World` of a USD ASCII file, read structurally (balanced braces, `def Xform` children of
 * World holding `def Mesh` parts with points and face indices that stay in range): the check where Blender cannot import USD.
 */
export function usdaObjectCount(file: string): number {
  const text = fs.readFileSync(file, "utf8");
  if (!text.startsWith("#usda 1.0")) throw new Error(`${file} is not USD ASCII`);
  let depth = 0;
  let objects = 0;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t === "{") depth++;
    else if (t === "}") depth--;
    else if (depth === 1 && t.startsWith('def Xform "')) objects++;
    if (depth < 0) throw new Error("unbalanced braces");
    const pts = /point3f\[\] points = \[(.*)\]$/.exec(t);
    if (pts && !/^(\(-?[\d.e+-]+, -?[\d.e+-]+, -?[\d.e+-]+\)(, )?)*$/.test(pts[1])) throw new Error("bad points");
  }
  if (depth !== 0) throw new Error("unbalanced braces");
  return objects;
}

/** Top-level objects (no parent; lights and cameras excluded) after importing a USD file into an empty Blender scene. */
export function usdRootCount(file: string): number {
  const expr = [
    "import bpy",
    "bpy.ops.wm.read_factory_settings(use_empty=True)",
    `bpy.ops.wm.usd_import(filepath=${JSON.stringify(file)})`,
    "roots = [o for o in bpy.data.objects if o.parent is None and o.type not in ('LIGHT', 'CAMERA')]",
    "print('ROOMCODE_USD_ROOTS', len(roots), ' '.join(sorted(o.name for o in roots)))",
  ].join("\n");
  const r = spawnSync(process.env.BLENDER_PATH ?? "blender", ["-b", "--factory-startup", "-noaudio", "--python-expr", expr], { encoding: "utf8", timeout: 300_000 });
  const m = /ROOMCODE_USD_ROOTS (\d+)/.exec(r.stdout);
  if (!m) throw new Error(`Blender did not import ${file}: ${r.stdout.slice(-800)} ${r.stderr.slice(-800)}`);
  return Number(m[1]);
}
