/**
 * Words for the designer: build errors by kind (syntax vs policy vs runtime vs timeout), object ids replaced by
 * names, and a summary of what an edit changed (added, removed, moved, recoloured, resized, room changed).
 * Pure functions of scene snapshots; no React.
 */
import type { BuildError, Scene, SceneObject } from "@/lib/scene";

/** A display name for an object: its name, with a number when several objects share it ("Chair 2"). */
export function displayName(obj: Pick<SceneObject, "id" | "name">, objects?: readonly Pick<SceneObject, "id" | "name">[]): string {
  const base = obj.name?.trim() || obj.id.replace(/-\d+$/, "").replace(/_/g, " ");
  const name = base.charAt(0).toUpperCase() + base.slice(1);
  if (!objects) return name;
  const same = objects.filter((o) => (o.name?.trim() || "") === (obj.name?.trim() || ""));
  if (same.length < 2) return name;
  return `${name} ${same.findIndex((o) => o.id === obj.id) + 1}`;
}

/** Replace object ids in a server message ("sofa-1 overlaps rug-1.") with display names. */
export function nameIds(text: string, objects: readonly Pick<SceneObject, "id" | "name">[]): string {
  const ids = [...objects].sort((a, b) => b.id.length - a.id.length);
  let out = text;
  for (const o of ids) out = out.replace(new RegExp(`(?<![\\w-])${o.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "g"), displayName(o, objects));
  return out;
}

/** Kind of a build or save error, from BuildError.type (and the AppError code when there is no type). */
export type ErrorKind = "syntax" | "policy" | "runtime" | "timeout" | "crash" | "output" | "params" | "other";

/** Classify an error type such as SyntaxError, PolicyError, Timeout, WorkerCrashed, OutputError, NameError. */
export function errorKind(type: string | null | undefined, code?: string): ErrorKind {
  const t = type ?? "";
  if (/^(SyntaxError|IndentationError|TabError)$/.test(t)) return "syntax";
  if (t === "PolicyError") return "policy";
  if (t === "ParamsError") return "params";
  if (t === "Timeout") return "timeout";
  if (t === "WorkerCrashed") return "crash";
  if (t === "OutputError" || t === "GeometryError" || t === "EmptyOutput") return "output";
  if (/Error$|Exception$/.test(t)) return "runtime";
  if (code === "policy") return "policy";
  return "other";
}

/** One sentence naming what went wrong, e.g. "The program has a Python syntax error on line 12." */
export function errorSentence(e: Pick<BuildError, "type" | "message" | "line">, code?: string): string {
  const at = e.line ? ` on line ${e.line}` : "";
  const msg = e.message.replace(/^\w+(Error|Exception)?: /, "");
  switch (errorKind(e.type, code)) {
    case "syntax":
      return `The program has a Python syntax error${at}: ${msg}`;
    case "policy":
      return `The program uses something the sandbox does not allow${at}: ${msg}`;
    case "params":
      return `The program needs a literal PARAMS = {...} dict at the top level.`;
    case "timeout":
      return "The program took too long to build and was stopped.";
    case "crash":
      return "Blender crashed while building the program; the worker was restarted.";
    case "output":
      return `The program ran but its result is not usable: ${msg}`;
    case "runtime":
      return `The program failed while running${at} (${e.type}): ${msg}`;
    default:
      return msg;
  }
}

/** What changed between two snapshots of a scene, by object name, e.g. ["Added Armchair", "Moved Sofa"]. */
export function describeChanges(before: Scene | null, after: Scene): string[] {
  const prev = new Map((before?.objects ?? []).map((o) => [o.id, o]));
  const next = new Map(after.objects.map((o) => [o.id, o]));
  const name = (o: SceneObject, list: readonly SceneObject[]) => displayName(o, list);
  const out: string[] = [];
  const group = (verb: string, names: string[]) => names.length && out.push(`${verb} ${names.join(", ")}`);
  group("Added", after.objects.filter((o) => !prev.has(o.id)).map((o) => name(o, after.objects)));
  group("Removed", (before?.objects ?? []).filter((o) => !next.has(o.id)).map((o) => name(o, before!.objects)));
  const moved: string[] = [];
  const recoloured: string[] = [];
  const changed: string[] = [];
  const shown: string[] = [];
  for (const o of after.objects) {
    const p = prev.get(o.id);
    if (!p) continue;
    const n = name(o, after.objects);
    if (JSON.stringify(p.placement) !== JSON.stringify(o.placement)) moved.push(n);
    const colour = (x: SceneObject) => JSON.stringify([x.attributes.color, Object.entries(x.program?.params ?? {}).filter(([k]) => /colou?r|wood|fabric|metal|finish/.test(k))]);
    const recol = colour(p) !== colour(o);
    if (recol) recoloured.push(n);
    if (p.program?.rev !== o.program?.rev && !recol) changed.push(n);
    if (p.hidden !== o.hidden) shown.push(`${o.hidden ? "hid" : "showed"} ${n}`);
  }
  group("Moved", moved);
  group("Recoloured", recoloured);
  group("Changed", changed);
  if (shown.length) out.push(shown.join(", ").replace(/^./, (c) => c.toUpperCase()));
  const room = (s: Scene | null) => JSON.stringify(s?.room ? [s.room.floorMaterial, s.room.wallMaterial, s.room.footprint, s.room.openings, s.room.wallHeight, s.room.program?.rev] : null);
  if (before && room(before) !== room(after)) out.push(roomChange(before, after));
  return out;
}

function roomChange(before: Scene, after: Scene): string {
  const a = before.room;
  const b = after.room;
  if (!a || !b) return "Changed the room";
  const parts: string[] = [];
  if (JSON.stringify(a.wallMaterial) !== JSON.stringify(b.wallMaterial)) parts.push("walls");
  if (JSON.stringify(a.floorMaterial) !== JSON.stringify(b.floorMaterial)) parts.push("floor");
  if (JSON.stringify(a.openings) !== JSON.stringify(b.openings)) parts.push("doors and windows");
  if (JSON.stringify(a.footprint) !== JSON.stringify(b.footprint) || a.wallHeight !== b.wallHeight) parts.push("size");
  return parts.length ? `Changed the room (${parts.join(", ")})` : "Changed the room";
}
