/**
 * The EditPlan (DESIGN.md section 6): the commands an instruction runs, in order (a placement change with no code, a
 * PARAMS change, a program rewrite, an add, a remove, or a room change), each with its label. The planner emits
 * commands directly; the executor builds what they need and commits them. The plan is shown to the user (event
 * `edit.plan`) before it runs.
 */
import { z } from "zod";
import { HexColor, Material, ObjectId, Opening } from "../scene/schema";
import { Command } from "./commands/types";

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

/** A room-level change as the planner reads it (wall colour/material, floor material, new size in m, an added window); it becomes a `set-room` patch (lib/edits/room.ts `roomPatchFor`). */
export const RoomChange = z.object({
  wallMaterial: Material.optional(),
  floorMaterial: Material.optional(),
  size: z.object({ w: z.number().positive(), d: z.number().positive() }).optional(),
  addOpening: Opening.optional(),
});
export type RoomChange = z.infer<typeof RoomChange>;

/**
 * One step of a plan: the command the executor runs (server/edits/executor.ts), the designer-readable `label` shown
 * in the plan, and for a placement how it was derived (`move`). Commands that need a build leave it pending and the
 * executor builds it before staging the command: `set-params` and `set-program` with a pending build (the object's
 * new program), `add-object` with a pending build (profiled, coded and built), `set-room` without a program (the
 * shell regenerated from the changed footprint, openings or materials, then built).
 */
export const PlanStep = z.object({ command: Command, label: z.string(), move: MoveSpec.optional() });
export type PlanStep = z.infer<typeof PlanStep>;

/** A plan: the instruction, its steps in order, and notes (conflicts found/resolved, assumptions). */
export const EditPlan = z.object({
  instruction: z.string(),
  ops: z.array(PlanStep),
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
