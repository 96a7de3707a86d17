/**
 * Simulator exports of every articulated family through the real runner: one export_sim job over a room with a
 * door and every family's default and variant programs side by side; `check_urdf` accepts each object's URDF;
 * MuJoCo compiles the scene MJCF and a 2 s simulation per phase shows no NaN, free objects resting (< 2 cm) and
 * every joint reaching both limits when its position actuator drives it; the USD re-imports with one root per object.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner } from "../../blender-runner/client/index";
import type { ExportSimOutput, Runner } from "../../blender-runner/client/types";
import { sceneMjcf, sceneMeshFile, type MjcfObject } from "../../lib/sim/mjcf";
import { splitObj } from "../../lib/sim/obj";
import { objectUrdf, partMeshFile } from "../../lib/sim/urdf";
import { articulatedCases } from "../../test/support/articulated";
import { blenderHasUsd, checkUrdf, mujocoCompile, simulate, usdaObjectCount, usdRootCount } from "../../test/support/sim-tools";
import { roomShellProgram } from "../engines/offline/code/room";

let runner: Runner;
let dir: string;
let result: ExportSimOutput;
const cases = articulatedCases().map((c, i) => ({ ...c, objectId: `${c.family}-${i + 1}` }));
const COLS = 5;
const SPACING = 2.6;
const placementOf = (i: number) => ({ x: (i % COLS) * SPACING - ((COLS - 1) * SPACING) / 2, y: Math.floor(i / COLS) * SPACING - 3.6, z: 0, yawDeg: i % 2 ? 0 : 90 });

beforeAll(async () => {
  runner = createRunner({ workers: 1 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-simfam-"));
  const room = roomShellProgram({
    footprint: [[-7, -5], [7, -5], [7, 5], [-7, 5]], wallHeight: 2.6, wallThickness: 0.12, ceiling: false,
    openings: [{ id: "d1", kind: "door", wall: 0, offset: 3, width: 0.9, height: 2.1, sill: 0 }],
    floorMaterial: { name: "oak", color: "#b58a55", roughness: 0.5, metallic: 0 }, wallMaterial: { name: "paint", color: "#ece8e1", roughness: 0.5, metallic: 0 },
  });
  const outObj = Object.fromEntries(["room", ...cases.map((c) => c.objectId)].map((id) => [id, path.join(dir, `${id}.obj`)]));
  const res = await runner.exportSim({
    scope: "sim-families", roomSource: room.source, outObj, outUsd: path.join(dir, "scene.usd"),
    objects: cases.map((c, i) => ({ objectId: c.objectId, category: c.family, source: c.source, placement: placementOf(i) })),
  });
  if (!res.ok) throw new Error(`${res.error.type}: ${res.error.message}\n${res.error.traceback}`);
  result = res.value;
}, 300_000);

afterAll(async () => {
  await runner.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("simulator exports of the articulated families", () => {
  it("builds every object with its joints", () => {
    expect(result.failed).toEqual([]);
    for (const c of cases) {
      const o = result.objects.find((x) => x.objectId === c.objectId)!;
      expect(o.joints.length, c.id).toBeGreaterThanOrEqual(c.minJoints);
      for (const p of o.parts) expect(p.mass, `${c.id} ${p.name}`).toBeGreaterThan(0);
    }
  });

  it("check_urdf accepts every object's URDF", () => {
    let passed = 0;
    for (const o of result.objects) {
      const odir = path.join(dir, "urdf", o.objectId);
      fs.mkdirSync(path.join(odir, "meshes"), { recursive: true });
      const meshes = splitObj(fs.readFileSync(path.join(dir, `${o.objectId}.obj`), "utf8"));
      for (const p of o.parts) {
        for (const hull of [false, true]) {
          const text = meshes.get(hull ? `${p.name}__hull` : p.name);
          expect(text, `${o.objectId} ${p.name} hull=${hull}`).toBeTruthy();
          fs.writeFileSync(path.join(odir, partMeshFile(p.name, hull)), text!);
        }
      }
      const file = path.join(odir, `${o.objectId}.urdf`);
      fs.writeFileSync(file, objectUrdf(o));
      const r = checkUrdf(file);
      expect(r.ok, `${o.objectId}: ${r.output}`).toBe(true);
      passed += 1;
    }
    console.log(`check_urdf: ${passed}/${result.objects.length} URDFs passed`);
  });

  it("the scene MJCF compiles and simulates stably with every joint reaching both limits", () => {
    const mdir = path.join(dir, "mjcf");
    for (const o of result.objects) {
      const meshes = splitObj(fs.readFileSync(path.join(dir, `${o.objectId}.obj`), "utf8"));
      for (const p of o.parts) {
        const f = path.join(mdir, "meshes", sceneMeshFile(o.objectId, p.name));
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, meshes.get(`${p.name}__hull`) ?? "");
      }
    }
    const objects: MjcfObject[] = result.objects.filter((o) => o.objectId !== "room").map((o) => {
      const i = cases.findIndex((c) => c.objectId === o.objectId);
      return { ...o, placement: placementOf(i), free: cases[i].family === "laptop" };
    });
    const xml = path.join(mdir, "scene.xml");
    fs.writeFileSync(xml, sceneMjcf(result.objects.find((o) => o.objectId === "room") ?? null, objects));
    if (process.env.ROOMCODE_KEEP_MJCF) fs.cpSync(mdir, process.env.ROOMCODE_KEEP_MJCF, { recursive: true });
    const c = mujocoCompile(xml);
    expect(c.ok, c.output).toBe(true);
    const rep = simulate(xml, 2);
    expect(rep.loaded, rep.error).toBe(true);
    expect(rep.nan).toBe(false);
    const moved = Math.max(0, ...rep.free.map((f) => f.moved));
    expect(moved).toBeLessThan(0.02);
    const misses = rep.joints.filter((j) => {
      const tol = Math.max(0.05 * (j.hi - j.lo), j.type === 3 ? 0.03 : 0.005);
      return Math.abs(j.atHi - j.hi) > tol || Math.abs(j.atLo - j.lo) > tol;
    });
    console.log(`mujoco: ${rep.nbody} bodies, ${rep.nu} actuated joints, free bodies moved at most ${(moved * 100).toFixed(2)} cm, ${rep.joints.length - misses.length}/${rep.joints.length} joints reached both limits`);
    expect(misses).toEqual([]);
    expect(rep.nu).toBe(result.objects.reduce((s, o) => s + o.joints.length, 0));
  });

  it("the USD re-imports with one root per object", () => {
    const file = path.join(dir, "scene.usd");
    if (result.usdWriter === "blender" && blenderHasUsd()) expect(usdRootCount(file)).toBe(result.objects.length);
    else {
      // WARNING: Debian's Blender has neither USD export nor import; the worker wrote USD ASCII, read here.
      console.log(`usd: written as ${result.usdWriter}; this Blender cannot import USD, checked structurally`);
      expect(usdaObjectCount(file)).toBe(result.objects.length);
    }
  });
});
