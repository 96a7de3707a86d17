/** Shared pieces of the edit router's plan steps: refusals, the step result and rounding. */
import { ok, type Result } from "../errors";
import { CAPABILITIES, type EditRefusal } from "./plan";

/** A refusal for an instruction the router cannot carry out, listing what it can do. */
export function unsupported(message: string, reason: string): EditRefusal {
  return { code: "unsupported_edit", message, details: { reason, capabilities: [...CAPABILITIES] } };
}

/** The result of one plan step: nothing, or a refusal. */
export type StepResult = Result<void, EditRefusal>;

/** The successful step result. */
export const DONE: StepResult = ok(undefined);

/** Rounds to millimetres. */
export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
