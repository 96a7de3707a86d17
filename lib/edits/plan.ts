/**
 * The EditPlan (DESIGN.md section 6): which objects an instruction changes and how, per object:
 * a placement change (no code), a PARAMS change, a program rewrite, an add, a remove, or a room change.
 * The plan is shown to the user (event `edit.plan`) before it runs.
 */
import { z } from "zod";
import { Attributes, HexColor, Material, ObjectId, Opening, Placement, Size3, Support } from "../scene/schema";
import { ParamValueSchema } from "./commands/types";

/** How a placement was derived (for display and tests); lengths in m, angles in deg. */
export const MoveSpec = z.discriminatedUnion("type", [
  z.object({ type: z.literal("offset"), dx: z.number(), dy: z.number() }),
  z.object({ type: z.literal("to_window"), openingId: z.string() }),
  z.object({ type: z.literal("to_door"), openingId: z.string() }),
  z.object({ type: z.literal("to_wall"), wall: z.number().int().min(0) }),
  z.object({ type: z.literal("to_centre") }),
  z.object({ type: z.literal("to_corner"), corner: z.number().int().min(0) }),
  z.object({ type: z.literal("near"), anchor: ObjectId, relation: z.string() }),
  z.object({ type: z.literal("onto"), anchor: ObjectId }),
  z.object({ type: z.literal("rotate"), deg: z.number() }),
  z.object({ type: z.literal("face"), anchor: z.string() }),
  z.object({ type: z.literal("swap"), with: ObjectId }),
  z.object({ type: z.literal("carried"), by: ObjectId }),
  z.object({ type: z.literal("set") }),
]);
export type MoveSpec = z.infer<typeof MoveSpec>;

/** A new object to add: its spec and resolved placement (m, deg). */
export const NewObject = z.object({
  id: ObjectId,
  category: z.string(),
  name: z.string(),
  description: z.string(),
  attributes: Attributes,
  targetSize: Size3,
  support: Support,
  placement: Placement,
});
export type NewObject = z.infer<typeof NewObject>;

/** A room-level change: wall colour/material, floor material, new size (m), an added window. */
export const RoomChange = z.object({
  wallMaterial: Material.optional(),
  floorMaterial: Material.optional(),
  size: z.object({ w: z.number().positive(), d: z.number().positive() }).optional(),
  addOpening: Opening.optional(),
});
export type RoomChange = z.infer<typeof RoomChange>;

/** One operation of a plan; `label` is the designer-readable line shown in the plan. */
export const EditOp = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("placement"), objectId: ObjectId, move: MoveSpec, placement: Placement, support: Support.optional(), label: z.string() }),
  z.object({ kind: z.literal("params"), objectId: ObjectId, params: z.record(z.string(), ParamValueSchema), label: z.string() }),
  z.object({ kind: z.literal("program"), objectId: ObjectId, source: z.string(), label: z.string() }),
  z.object({ kind: z.literal("add"), object: NewObject, label: z.string() }),
  z.object({ kind: z.literal("remove"), objectId: ObjectId, label: z.string() }),
  z.object({ kind: z.literal("room"), change: RoomChange, label: z.string() }),
]);
export type EditOp = z.infer<typeof EditOp>;

/** A plan: the instruction, its operations in order, and notes (conflicts found/resolved, assumptions). */
export const EditPlan = z.object({
  instruction: z.string(),
  ops: z.array(EditOp),
  notes: z.array(z.string()).default([]),
});
export type EditPlan = z.infer<typeof EditPlan>;

/** Why the router could not produce a plan: a question back (ambiguous) or what it can do instead. */
export interface EditRefusal {
  code: "ambiguous" | "unsupported_edit";
  message: string;
  details: {
    question?: string;
    candidates?: { id: string; name: string }[];
    capabilities?: string[];
    reason?: string;
    objects?: { id: string; name: string }[];
  };
}

/** What the offline router can do, listed back to the designer when an instruction is not understood. */
export const CAPABILITIES: readonly string[] = [
  'colour or material: "make the sofa navy", "walnut desk", "#334455 chair", "brushed steel lamp"',
  'size: "wider", "20% taller", "1.8 m long", "twice as deep", "a bit smaller"',
  'counts and parts: "add a drawer", "three shelves", "remove the armrests"',
  'moves: "move the desk to the window", "50 cm to the left", "rotate 90 degrees", "face the bed", "push the sofa against the north wall", "swap the bed and the desk"',
  'objects: "add a floor lamp next to the sofa", "remove the rug"',
  'room: "paint the walls sage", "oak floor", "make the room 5 m wide", "add a window on the east wall"',
];

/** Hex colour schema re-exported for callers that validate plan colours. */
export const PlanColor = HexColor;
