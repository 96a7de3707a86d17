/** Test helpers that read an EditPlan's steps by command: the step of one object, its args, the objects added. */
import type { Command } from "../commands";
import { commandObjectId } from "../commands";
import type { EditPlan, PlanStep } from "../plan";

/** A plan step narrowed to one command name. */
export type StepOf<N extends Command["name"]> = PlanStep & { command: Extract<Command, { name: N }> };

/** The plan's step running command `name` on object `id` (null: a scene-level command), or undefined. */
export function stepOf<N extends Command["name"]>(plan: Pick<EditPlan, "ops">, name: N, id: string | null): StepOf<N> | undefined {
  return plan.ops.find((x): x is StepOf<N> => x.command.name === name && commandObjectId(x.command) === id);
}

/** Every step of the plan running command `name`. */
export function stepsOf<N extends Command["name"]>(plan: Pick<EditPlan, "ops">, name: N): StepOf<N>[] {
  return plan.ops.filter((x): x is StepOf<N> => x.command.name === name);
}

/** Object id of each step, "room" for a scene-level step. */
export function stepIds(plan: Pick<EditPlan, "ops">): string[] {
  return plan.ops.map((x) => commandObjectId(x.command) ?? "room");
}
