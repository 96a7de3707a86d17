/**
 * Edit commands (CONVENTIONS "Edits are named commands"): each change to a scene is a pure function
 * `(scene, args) -> {scene, inverse}` under a name from a closed union. History stores commands, so
 * undo applies the stored inverse and redo re-applies the command.
 */
import { z } from "zod";
import {
  Attributes,
  BuildState,
  Decor,
  Material,
  ObjectId,
  ObjectPlan,
  Opening,
  Placement,
  Point2,
  ProgramRevision,
  Room,
  Route,
  SceneObject,
  Size3,
  StructureSpec,
  Support,
  type Scene,
} from "../../scene/schema";

/** A PARAMS value as the program literal holds it (numbers, strings, booleans, None, short lists). */
export const ParamValueSchema: z.ZodType<ParamLike> = z.lazy(() =>
  z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(ParamValueSchema)]),
);
/** Structural PARAMS value type (matches LIBRARY's ParamValue). */
export type ParamLike = number | string | boolean | null | ParamLike[];

/** `set-placement`: put an object at a placement (m, deg), optionally changing what supports it. */
export const SetPlacementArgs = z.object({ objectId: ObjectId, placement: Placement, support: Support.optional() });
/**
 * A stored program revision named by number instead of carried whole (`programRev`, with `program` null): how
 * history keeps set-program, add-object and set-room commands. Such a command is hydrated from the store's
 * revisions (server/edits/compact.ts) before it is performed.
 */
export const ProgramRef = z.number().int().min(1);

/** `set-program`: make a stored program revision (with its build state) the object's current one. */
export const SetProgramArgs = z.object({
  objectId: ObjectId,
  program: ProgramRevision.nullable(),
  programRev: ProgramRef.optional(),
  build: BuildState,
  targetSize: Size3.optional(),
  attributes: Attributes.optional(),
});
/** `set-params`: rewrite only the PARAMS literal of the current program (new revision `rev+1`, build pending). */
export const SetParamsArgs = z.object({
  objectId: ObjectId,
  params: z.record(z.string(), ParamValueSchema),
  at: z.string(),
  origin: z.string().default("params"),
});
/** `set-hidden`: hide or show an object. */
export const SetHiddenArgs = z.object({ objectId: ObjectId, hidden: z.boolean() });
/** `add-object`: insert a whole object (program and build state included) at an index of `scene.objects`. */
export const AddObjectArgs = z.object({ object: SceneObject, index: z.number().int().min(0).optional(), programRev: ProgramRef.optional() });
/** `remove-object`: delete an object from the scene (its stored revisions stay in the store). */
export const RemoveObjectArgs = z.object({ objectId: ObjectId });
/** `set-room`: replace some fields of the room shell (materials, footprint, openings, program, GLB revision). */
export const SetRoomArgs = z.object({
  room: z.object({
    footprint: z.array(Point2).min(3).optional(),
    wallHeight: z.number().positive().optional(),
    openings: z.array(Opening).optional(),
    floorMaterial: Material.optional(),
    wallMaterial: Material.optional(),
    program: ProgramRevision.nullable().optional(),
    glbRev: z.number().int().min(1).nullable().optional(),
  }),
  programRev: ProgramRef.optional(),
});

/** `set-structure`: replace the detected structure (footprints, image frame) of an image scene in review; `label` says what changed. */
export const SetStructureArgs = z.object({ structure: StructureSpec, label: z.string().max(200).default("correct the detected objects") });

/** `detect-structure`: the structure stage's output (generation only). */
export const DetectStructureArgs = z.object({ structure: StructureSpec.nullable() });
/** `set-shell`: the whole room shell as the layout stage makes it, or none (generation only). */
export const SetShellArgs = z.object({ room: Room.nullable() });
/** `set-plan`: an object's route and ObjectPlan from the profile stage (generation only). */
export const SetPlanArgs = z.object({ objectId: ObjectId, route: Route, plan: ObjectPlan.nullable() });
/** `set-decor`: the decor stage's decor (materials, lights, notes), or none (generation only). */
export const SetDecorArgs = z.object({ decor: Decor.nullable() });

/** The closed union of commands, as stored in history (JSON). */
export const Command = z.discriminatedUnion("name", [
  z.object({ name: z.literal("set-placement"), args: SetPlacementArgs }),
  z.object({ name: z.literal("set-program"), args: SetProgramArgs }),
  z.object({ name: z.literal("set-params"), args: SetParamsArgs }),
  z.object({ name: z.literal("set-hidden"), args: SetHiddenArgs }),
  z.object({ name: z.literal("add-object"), args: AddObjectArgs }),
  z.object({ name: z.literal("remove-object"), args: RemoveObjectArgs }),
  z.object({ name: z.literal("set-room"), args: SetRoomArgs }),
  z.object({ name: z.literal("set-structure"), args: SetStructureArgs }),
  z.object({ name: z.literal("detect-structure"), args: DetectStructureArgs }),
  z.object({ name: z.literal("set-shell"), args: SetShellArgs }),
  z.object({ name: z.literal("set-plan"), args: SetPlanArgs }),
  z.object({ name: z.literal("set-decor"), args: SetDecorArgs }),
]);
export type Command = z.infer<typeof Command>;
/** Command names. */
export type CommandName = Command["name"];
/** Args of a command by name. */
export type CommandArgs<N extends CommandName> = Extract<Command, { name: N }>["args"];

/** Result of performing a command: the new scene and the command that undoes it. */
export interface Performed {
  scene: Scene;
  inverse: Command;
}

/** Throws when a command names an object the scene does not have (`edits:` tag; the server maps it to not_found). */
export function findObjectIndex(scene: Scene, objectId: string): number {
  const i = scene.objects.findIndex((o) => o.id === objectId);
  if (i < 0) throw new Error(`edits: no object ${objectId} in scene ${scene.id}`);
  return i;
}

/** Copy of the scene with object i replaced (other objects keep their identity). */
export function replaceObject(scene: Scene, i: number, obj: Scene["objects"][number]): Scene {
  const objects = scene.objects.slice();
  objects[i] = obj;
  return { ...scene, objects };
}
