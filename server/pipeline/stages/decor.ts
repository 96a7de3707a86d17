import "server-only";
/**
 * Stage 5, decor: floor and wall materials, lights, and small surface objects (profiled, coded and built like
 * the others). When the room shell's PARAMS carry floor/wall material fields, the shell is re-parameterised
 * (PARAMS only) and rebuilt with the chosen materials.
 */
import type { Command } from "../../../lib/edits/commands";
import { canonicalMaterial } from "../../../lib/program/materials";
import { parseParams, replaceParams, type ParamValue } from "../../../lib/program/params";
import { attachFixtureLights } from "../../../lib/scene/lights";
import type { Material, MemoryEntry, Scene } from "../../../lib/scene/schema";
import type { Engine } from "../../engines/types";
import { writeDecided } from "../../edits/scene-writes";
import { getStore, plainRevision, ROOM_ID } from "../../store";
import { addRevision } from "../build";
import { buildRoomRevision } from "../room";
import { checkAborted, entry, type PipelineContext } from "../context";
import { objectFromSpec } from "./layout";
import { profileOne } from "./profile";
import { runCode } from "./code";

/** PARAMS of a room program rewritten to use the given floor/wall materials; null when nothing changes. */
export function roomSourceWithMaterials(source: string, floor: Material, wall: Material): string | null {
  const parsed = parseParams(source);
  if (!parsed.ok) return null;
  const p = parsed.value;
  const next: Record<string, ParamValue> = { ...p };
  const set = (key: string, v: ParamValue) => {
    if (key in p) next[key] = v;
  };
  for (const [prefix, m] of [["floor", floor], ["wall", wall]] as const) {
    set(`${prefix}_color`, m.color);
    set(`${prefix}_colour`, m.color);
    set(`${prefix}_material`, canonicalMaterial(m.name) ?? (prefix === "floor" ? "wood" : "paint"));
    set(`${prefix}_roughness`, m.roughness);
    set(`${prefix}_metallic`, m.metallic);
  }
  const changed = Object.keys(next).some((k) => JSON.stringify(next[k]) !== JSON.stringify(p[k]));
  return changed ? replaceParams(source, next) : null;
}

/** Run the decor stage: store decor and materials, rebuild the room shell if needed, add and build extra objects. */
export async function runDecor(ctx: PipelineContext, engine: Engine, scene: Scene): Promise<MemoryEntry[]> {
  const store = getStore();
  const res = await engine.decor(ctx, scene);
  // A light inside a lamp belongs to it, so it follows every later move of the lamp.
  const decor = { ...res.decor, lights: attachFixtureLights(res.decor.lights, scene.objects) };
  writeDecided(scene.id, (s) => ({
    commands: [
      { name: "set-decor", args: { decor } },
      ...(s.room ? [{ name: "set-room" as const, args: { room: { floorMaterial: decor.floorMaterial, wallMaterial: decor.wallMaterial } } }] : []),
    ],
  }));
  for (const n of decor.notes) ctx.note(n);

  const roomSource = scene.room?.program?.source;
  const rewritten = roomSource ? roomSourceWithMaterials(roomSource, decor.floorMaterial, decor.wallMaterial) : null;
  let roomBuild: Promise<void> | null = null;
  if (rewritten) {
    const rev = addRevision(scene.id, ROOM_ID, rewritten, "decor");
    writeDecided(scene.id, (s) => (s.room ? { commands: [{ name: "set-room", args: { room: { program: plainRevision(rev) } } }] } : null));
    // Built alongside the extra objects below.
    roomBuild = buildRoomRevision(scene.id, rev).then((built) => {
      if (!built.ok) ctx.note(`The room shell with decor materials did not build (${built.error.message}).`);
    });
  }

  // Extra surface objects: skip ids that already exist (a resumed decor stage must not add them twice).
  const added: string[] = [];
  writeDecided(scene.id, (s) => {
    const have = new Set(s.objects.map((o) => o.id));
    const commands: Command[] = [];
    for (const x of res.extraObjects) {
      if (have.has(x.spec.id)) continue;
      have.add(x.spec.id);
      added.push(x.spec.id);
      commands.push({ name: "add-object", args: { object: objectFromSpec(x.spec, x.placement, x.spec.support) } });
    }
    return { commands };
  });
  const pending = store.objects.list(scene.id).filter((o) => o.build.status !== "built" && res.extraObjects.some((x) => x.spec.id === o.id));
  if (pending.length) {
    checkAborted(ctx.signal);
    let fresh = store.getScene(scene.id);
    for (const o of pending.filter((p) => p.plan === null)) await profileOne(ctx, engine, fresh, o);
    fresh = store.getScene(scene.id);
    await runCode(ctx, engine, fresh, pending.map((o) => o.id));
  }
  await roomBuild;
  return [
    entry("decor", "materials", "materials", { floor: decor.floorMaterial, wall: decor.wallMaterial }),
    entry("decor", "lights", "lights", decor.lights),
    entry("decor", "extra_objects", "extra_objects", res.extraObjects.map((x) => ({ id: x.spec.id, category: x.spec.category, support: x.spec.support, added: added.includes(x.spec.id) }))),
  ];
}
