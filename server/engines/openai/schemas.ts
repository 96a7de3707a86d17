import "server-only";
/**
 * Wire schemas of the openai engine: what the model is asked to return, as zod 4 schemas that convert to
 * strict structured-output JSON schemas (every field required, nullable instead of optional, no tuples or
 * records; https://platform.openai.com/docs/guides/structured-outputs#supported-schemas). The stage modules
 * convert them into the scene model.
 */
import { z } from "zod";
import { Route } from "../../../lib/scene/schema";

const Size = z.object({ w: z.number(), d: z.number(), h: z.number() });

/** Structure stage answer. Coordinates in meters in the room frame; boxPx in image pixels (top-left x, y). */
export const StructureWire = z.object({
  roomType: z.string(),
  roomSize: Size,
  style: z.array(z.string()),
  objects: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      name: z.string(),
      description: z.string(),
      colorHex: z.string().nullable(),
      colorName: z.string().nullable(),
      material: z.string().nullable(),
      size: Size.nullable(),
      support: z.string(),
      center: z.object({ x: z.number(), y: z.number() }).nullable(),
      yawDeg: z.number().nullable(),
      boxPx: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).nullable(),
      confidence: z.number().nullable(),
    }),
  ),
  relations: z.array(z.object({ type: z.string(), subject: z.string(), anchor: z.string(), anchor2: z.string().nullable() })),
  openings: z.array(
    z.object({
      kind: z.enum(["door", "window"]),
      wall: z.number(),
      offset: z.number(),
      width: z.number(),
      height: z.number(),
      sill: z.number(),
    }),
  ),
  negations: z.array(z.string()),
  notes: z.array(z.string()),
});
export type StructureWire = z.infer<typeof StructureWire>;

/** Layout stage answer: a placement hint per object id (m, deg). */
export const LayoutWire = z.object({
  placements: z.array(z.object({ id: z.string(), x: z.number(), y: z.number(), yawDeg: z.number() })),
  notes: z.array(z.string()),
});
export type LayoutWire = z.infer<typeof LayoutWire>;

/** Profile stage answer: route and blueprint parts (local frame, m, deg). */
export const ProfileWire = z.object({
  route: Route,
  parts: z.array(
    z.object({
      name: z.string(),
      primitive: z.enum(["box", "cylinder", "sphere", "torus", "cone", "curve", "mesh"]),
      x: z.number(),
      y: z.number(),
      z: z.number(),
      yawDeg: z.number(),
      w: z.number(),
      d: z.number(),
      h: z.number(),
      material: z.string(),
      symmetry: z.enum(["none", "mirror_x", "mirror_y", "radial"]),
      movable: z.boolean(),
    }),
  ),
});
export type ProfileWire = z.infer<typeof ProfileWire>;

const WireMaterial = z.object({ name: z.string(), color: z.string(), roughness: z.number(), metallic: z.number() });

/** Decor stage answer: floor/wall materials and lights (room frame, m, W). */
export const DecorWire = z.object({
  floorMaterial: WireMaterial,
  wallMaterial: WireMaterial,
  lights: z.array(
    z.object({ kind: z.enum(["point", "area", "sun", "spot"]), x: z.number(), y: z.number(), z: z.number(), color: z.string(), power: z.number() }),
  ),
  notes: z.array(z.string()),
});
export type DecorWire = z.infer<typeof DecorWire>;

/** A PARAMS value the router may set (lists are not routed; a rewrite handles them). */
const WireParamValue = z.union([z.number(), z.string(), z.boolean()]);

/** One operation of the model's edit plan (see prompts/edit-route.md); unused fields are null. */
export const ModelEditOp = z.object({
  kind: z.enum(["placement", "params", "rewrite", "add", "remove", "room"]),
  objectId: z.string().nullable(),
  label: z.string(),
  move: z
    .object({
      type: z.enum(["offset", "rotate", "to_wall", "to_centre", "near", "face", "onto"]),
      dx: z.number().nullable(),
      dy: z.number().nullable(),
      deg: z.number().nullable(),
      anchor: z.string().nullable(),
      wall: z.number().nullable(),
    })
    .nullable(),
  params: z.array(z.object({ name: z.string(), value: WireParamValue })).nullable(),
  rewrite: z.string().nullable(),
  add: z.object({ category: z.string(), description: z.string(), near: z.string().nullable() }).nullable(),
  room: z
    .object({ wallColor: z.string().nullable(), floorMaterial: z.string().nullable(), widthM: z.number().nullable(), depthM: z.number().nullable() })
    .nullable(),
});
export type ModelEditOp = z.infer<typeof ModelEditOp>;

/** The model's edit plan: ops, or a question (ambiguous) or a reason (unsupported). */
export const ModelEditPlan = z.object({
  ops: z.array(ModelEditOp),
  question: z.string().nullable(),
  unsupported: z.string().nullable(),
  notes: z.array(z.string()),
});
export type ModelEditPlan = z.infer<typeof ModelEditPlan>;
