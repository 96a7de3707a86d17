/**
 * The worker protocol: versioned JSON lines. Jobs `{v, id, kind, ...}` go to the worker on fd 3,
 * results `{v, id, ok, result | error, prints, timings, stray}` come back on fd 4 (never stdout).
 * Every message from the worker is validated here with zod.
 */
import { z } from "zod";
import { BuildError, BuildStats, Joint, Point3 } from "../../lib/scene/schema";
import { err, ok, type Result } from "../../lib/errors";

/** Protocol version spoken by `blender-runner/roomcode_worker/main.py`. */
export const PROTOCOL_VERSION = 1;

/** Job kinds understood by the worker. */
export const JobKind = z.enum(["build_object", "build_room", "assemble_scene", "render_scene", "export_sim", "check_scene", "check"]);
export type JobKind = z.infer<typeof JobKind>;

/** The worker's first message once Blender is up and the exporter is warm. */
export const ReadyMessage = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: z.null(),
  kind: z.literal("ready"),
  blender: z.string(),
  python: z.string(),
  pid: z.number().int(),
});
export type ReadyMessage = z.infer<typeof ReadyMessage>;

const Timings = z.record(z.string(), z.number());

/** A job result as sent by the worker (result payload validated per kind by the caller). */
export const ResultMessage = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: z.string().nullable(),
  ok: z.boolean(),
  result: z.unknown().optional(),
  error: BuildError.optional(),
  prints: z.string().default(""),
  timings: Timings.default({}),
  stray: z.number().int().min(0).default(0),
});
export type ResultMessage = z.infer<typeof ResultMessage>;

/** Result payload of build_object / build_room. */
export const BuildObjectPayload = z.object({ glbPath: z.string(), stats: BuildStats });

const BBox = z.object({ min: Point3, max: Point3 });

/** Result payload of assemble_scene. */
export const AssemblePayload = z.object({
  glbPath: z.string().nullable().optional(),
  blendPath: z.string().nullable().optional(),
  topPngPath: z.string().nullable().optional(),
  objects: z.array(z.object({ objectId: z.string(), bbox: BBox })),
  failed: z.array(z.object({ objectId: z.string(), error: BuildError })).default([]),
});

/** Result payload of render_scene. */
export const RenderPayload = z.object({
  pngPath: z.string(),
  samples: z.number().int(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  denoised: z.boolean(),
  failed: z.array(z.object({ objectId: z.string(), error: BuildError })).default([]),
});

/** Mass properties of one part for simulator exports: kg, m, kg m^2 about `com` in the object's local frame (Z-up). */
export const SimPart = z.object({
  name: z.string(),
  material: z.string(),
  density: z.number().positive(),
  color: z.string(),
  volume: z.number().min(0),
  mass: z.number().positive(),
  com: Point3,
  /** [ixx, iyy, izz, ixy, ixz, iyz] about the part's center of mass. */
  inertia: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]),
  bbox: BBox,
  hullVertices: z.number().int().min(0),
  /** Volume of the convex hull (m^3); equal to the bbox's when the part is an axis-aligned box. */
  hullVolume: z.number().min(0).default(0),
});
export type SimPart = z.infer<typeof SimPart>;

/** Result payload of export_sim: per object its validated joints and part mass properties. */
export const SimPayload = z.object({
  objects: z.array(z.object({ objectId: z.string(), joints: z.array(Joint), parts: z.array(SimPart) })),
  failed: z.array(z.object({ objectId: z.string(), error: BuildError })).default([]),
  usdPath: z.string().nullable().optional(),
  /** "blender" (Blender's USD exporter, a crate) or "usda" (USD ASCII where Blender has no USD support). */
  usdWriter: z.enum(["blender", "usda"]).nullable().optional(),
});
export type SimPayload = z.infer<typeof SimPayload>;

/** Result payload of check_scene: the physical check of a scene .blend from its meshes (roomcode_worker/physcheck.py). */
export const SceneCheckPayload = z.object({
  objects: z.array(
    z.object({
      objectId: z.string(),
      floating: z.boolean(),
      /** Height (m) of its bottom above the nearest surface under it (negative: below it); 0 when it rests. */
      gap: z.number().nullable(),
      supportedBy: z.array(z.string()),
      wallDepth: z.number(),
      wallPenetrating: z.boolean(),
      outside: z.boolean(),
      bottom: z.number(),
      top: z.number(),
    }),
  ),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), depth: z.number() })),
  counts: z.object({ objects: z.number().int(), floating: z.number().int(), interpenetratingPairs: z.number().int(), wallPenetrating: z.number().int(), outside: z.number().int() }),
});
export type SceneCheckPayload = z.infer<typeof SceneCheckPayload>;

/** Result payload of check. */
export const CheckPayload = z.object({ params: z.record(z.string(), z.unknown()).nullable() });

/** Any message the worker may write. */
export type WorkerMessage = ({ type: "ready" } & ReadyMessage) | ({ type: "result" } & ResultMessage);

/** Parse one line from the results channel; an error string when it is not a valid message. */
export function parseWorkerMessage(line: string): Result<WorkerMessage, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return err(`runner: result line is not JSON: ${line.slice(0, 200)}`);
  }
  if (raw && typeof raw === "object" && (raw as { kind?: unknown }).kind === "ready") {
    const r = ReadyMessage.safeParse(raw);
    return r.success ? ok({ type: "ready", ...r.data }) : err(`runner: bad ready message: ${r.error.issues[0]?.message}`);
  }
  const r = ResultMessage.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return err(`runner: bad result message at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return ok({ type: "result", ...r.data });
}

/** Encode a job as one protocol line (`\n`-terminated). */
export function encodeJob(id: string, kind: JobKind, body: Record<string, unknown>): string {
  return `${JSON.stringify({ ...body, v: PROTOCOL_VERSION, id, kind })}\n`;
}

/** Split a growing buffer into complete lines; returns the lines and the incomplete rest. */
export function splitLines(buffer: string): { lines: string[]; rest: string } {
  const parts = buffer.split("\n");
  const rest = parts.pop() ?? "";
  return { lines: parts.filter((l) => l.trim().length > 0), rest };
}
