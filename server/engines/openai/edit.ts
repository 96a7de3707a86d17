import "server-only";
/**
 * Model side of edits (DESIGN.md section 6): `routeEdit` turns an instruction plus a scene summary into the
 * model's edit plan (ModelEditPlan; the edit router in server/edits validates it and turns it into an
 * EditPlan), and `rewriteProgram` rewrites one object's program for an instruction while keeping its PARAMS
 * key names (checked with `parseParams`; one re-ask, then AppError `model_error`). Parameter-only edits that
 * the rule-based editor can do are decided before these are called and never reach the model.
 */
import { AppError } from "../../../lib/errors";
import { parseParams } from "../../../lib/program/params";
import { extractPython } from "../../llm/extract";
import { getProvider, type Provider } from "../../llm/provider";
import { UsageMeter, type TokenUsage } from "../../llm/usage";
import { blenderVersionText } from "./code";
import { loadPrompt } from "./prompts";
import { ModelEditPlan } from "./schemas";

export { ModelEditPlan, ModelEditOp } from "./schemas";

/** Options of the edit calls: cancellation, usage reporting, a note sink (prompt version + tokens), the Blender version, and a provider (default: the process-wide one). */
export interface EditCallOptions {
  signal?: AbortSignal;
  onUsage?(u: TokenUsage): void;
  note?(text: string): void;
  blenderVersion?: string | null;
  provider?: Provider;
}

function opts(o: EditCallOptions, stage: string, meter: UsageMeter) {
  return {
    stage,
    signal: o.signal,
    onUsage: (u: TokenUsage) => {
      meter.add(u);
      o.onUsage?.(u);
    },
  };
}

/**
 * Routes an instruction with the model: `sceneSummary` is any JSON (objects with ids, categories, PARAMS,
 * placements; the selection). Returns the model's plan plus the prompt version and the usage line.
 * Throws AppError `model_error` (failure, refusal, invalid answer after one re-ask).
 */
export async function routeEdit(
  instruction: string,
  sceneSummary: unknown,
  o: EditCallOptions = {},
): Promise<ModelEditPlan & { promptVersion: string; usage: string }> {
  const provider = o.provider ?? getProvider();
  const meter = new UsageMeter();
  const prompt = loadPrompt("edit-route");
  const plan = await provider.json(
    { system: prompt.text, user: `instruction: ${instruction}\nscene: ${JSON.stringify(sceneSummary)}`, schema: ModelEditPlan, schemaName: "edit_plan" },
    opts(o, "edit-route", meter),
  );
  o.note?.(`prompt ${prompt.version}; ${meter.summary()}`);
  return { ...plan, promptVersion: prompt.version, usage: meter.summary() };
}

function missingKeys(before: string[], after: string): string[] | string {
  const parsed = parseParams(after);
  if (!parsed.ok) return `its PARAMS dict could not be read (${parsed.error})`;
  const keys = new Set(Object.keys(parsed.value));
  return before.filter((k) => !keys.has(k));
}

/**
 * Rewrites one object's program for `instruction`; `objectContext` is JSON about the object (id, category,
 * target size, placement, neighbours). Returns the new source, whose PARAMS keeps every key of the old one.
 * Throws AppError `model_error` (failure, refusal, or PARAMS keys still dropped after one re-ask).
 */
export async function rewriteProgram(source: string, instruction: string, objectContext: unknown, o: EditCallOptions = {}): Promise<string> {
  const provider = o.provider ?? getProvider();
  const meter = new UsageMeter();
  const prompt = loadPrompt("edit-rewrite", { blenderVersion: blenderVersionText(o.blenderVersion ?? null) });
  const ctx = (objectContext ?? {}) as { id?: string; category?: string };
  const before = parseParams(source);
  const keys = before.ok ? Object.keys(before.value) : [];
  const user = [
    `object_id: ${ctx.id ?? "unknown"}`,
    `category: ${ctx.category ?? "unknown"}`,
    `instruction: ${instruction}`,
    `object context: ${JSON.stringify(objectContext)}`,
    `PARAMS keys to keep: ${keys.join(", ") || "(none readable)"}`,
    `current program:\n${source}`,
  ].join("\n");
  let answer = await provider.text({ system: prompt.text, user }, opts(o, "edit-rewrite", meter));
  let next = extractPython(answer);
  let problem = missingKeys(keys, next);
  if (typeof problem === "string" || problem.length > 0) {
    const why = typeof problem === "string" ? problem : `it dropped the PARAMS keys ${problem.join(", ")}`;
    answer = await provider.text(
      {
        system: prompt.text,
        user,
        history: [
          { role: "assistant", content: answer.slice(0, 20_000) },
          { role: "user", content: `The program was rejected: ${why}. Keep every PARAMS key name and answer with the complete program.` },
        ],
      },
      opts(o, "edit-rewrite", meter),
    );
    next = extractPython(answer);
    problem = missingKeys(keys, next);
    if (typeof problem === "string" || problem.length > 0) {
      const still = typeof problem === "string" ? problem : `PARAMS keys ${problem.join(", ")} were dropped`;
      o.note?.(`prompt ${prompt.version}; ${meter.summary()}`);
      throw new AppError("model_error", `engine: edit-rewrite: the rewritten program was rejected after one re-ask: ${still}`, { stage: "edit-rewrite" });
    }
  }
  o.note?.(`prompt ${prompt.version}; ${meter.summary()}`);
  return next;
}
