import "server-only";
/**
 * Code stage of the openai engine: one program per object, streamed from the model (route-specific guidance,
 * the program contract of DESIGN.md section 4 and the runner's Blender version in the prompt); the repair step
 * (error, offending lines, policy rule, traceback -> corrected program) and the refine step (measured vs
 * target bounding box -> corrected program). Thin covers (rugs) use the library's template program.
 */
import type { BuildError, BuildStats, Scene, SceneObject } from "../../../lib/scene/schema";
import { extractPython } from "../../llm/extract";
import type { Provider } from "../../llm/provider";
import { UsageMeter } from "../../llm/usage";
import { getRunner } from "../../runner";
import { programFor } from "../offline/code";
import type { StageContext } from "../types";
import { callOptions, objectBrief, roomBrief, throttle, usageNote } from "./context";
import { loadPrompt, routeGuidance } from "./prompts";

/**
 * Blender version string for prompts: `v` (the stage context's), else what the runner reports now (a worker's
 * version, else the located executable's), else a statement that it is unknown.
 */
export function blenderVersionText(v: string | null): string {
  if (v) return v;
  const runner = getRunner();
  const now = runner.blenderVersion() ?? runner.health().blender.version;
  return now ? now : "3.4 or later (exact version unknown)";
}

/** Source with 1-based, right-aligned line numbers (`  7 | code`). */
export function numberLines(source: string, from = 1, to = Number.POSITIVE_INFINITY, mark: number | null = null): string {
  const lines = source.split("\n");
  const width = String(lines.length).length;
  const out: string[] = [];
  for (let i = Math.max(1, from); i <= Math.min(lines.length, to); i++) {
    out.push(`${i === mark ? ">" : " "}${String(i).padStart(width)} | ${lines[i - 1]}`);
  }
  return out.join("\n");
}

const tail = (text: string, n: number) => text.split("\n").slice(-n).join("\n");

/** The user message of the repair prompt: object, error type/message/line, policy rule, offending lines, traceback, prints and the numbered program. */
export function repairRequest(obj: SceneObject, source: string, error: BuildError, attempt: number): string {
  const parts = [
    objectBrief(obj),
    `attempt: ${attempt} of 3`,
    `error_type: ${error.type}`,
    `error_message: ${error.message}`,
    `error_line: ${error.line ?? "unknown"}`,
  ];
  if (error.rule) parts.push(`policy_rule: ${error.rule} (the sandbox policy rejected the program before running it)`);
  if (error.line) parts.push(`offending lines:\n${numberLines(source, error.line - 2, error.line + 2, error.line)}`);
  if (error.traceback) parts.push(`traceback:\n${tail(error.traceback, 40)}`);
  if (error.prints) parts.push(`program output:\n${tail(error.prints, 20)}`);
  parts.push(`program:\n${numberLines(source)}`);
  return parts.join("\n");
}

/** The user message of the refine prompt: object, target vs measured size per axis (m and ratio) and the program. */
export function refineRequest(obj: SceneObject, source: string, stats: BuildStats): string {
  const t = obj.targetSize;
  const m = stats.size;
  const axis = (name: string, target: number, got: number) => `${name}: target ${target} m, built ${got.toFixed(3)} m (${((got / target) * 100).toFixed(0)}%)`;
  return [
    objectBrief(obj),
    "size check (bounding box of all parts):",
    axis("width (X)", t.w, m.w),
    axis("depth (Y)", t.d, m.d),
    axis("height (Z)", t.h, m.h),
    `parts: ${stats.parts.join(", ")}`,
    `program:\n${source}`,
  ].join("\n");
}

/** Writes an object's program (streaming into `onText`); thin covers use the library template. Throws AppError `model_error`. */
export async function codeStage(
  provider: Provider,
  ctx: StageContext,
  obj: SceneObject,
  scene: Scene,
  onText?: (textSoFar: string) => void,
): Promise<{ source: string }> {
  if (obj.route === "thin_cover") {
    const { source, family } = programFor(obj);
    onText?.(source);
    ctx.note(`${obj.id}: thin cover, library template "${family}" (no model call)`);
    return { source };
  }
  const meter = new UsageMeter();
  const guidance = routeGuidance(obj.route);
  const prompt = loadPrompt("code", { blenderVersion: blenderVersionText(ctx.blenderVersion), route: obj.route, routeGuidance: guidance.text });
  const plan = obj.plan ? `blueprint parts (local frame, m):\n${JSON.stringify(obj.plan.parts)}` : "blueprint: none";
  const stream = throttle(onText);
  const text = await provider.text(
    { system: prompt.text, user: `${objectBrief(obj)}\n${roomBrief(scene)}\n${plan}`, onDelta: (t) => stream.push(extractPython(t)) },
    callOptions(ctx, "code", meter),
  );
  const source = extractPython(text);
  stream.flush(source);
  ctx.note(usageNote(`${obj.id}: `, [prompt.version, guidance.version], meter));
  return { source };
}

/** Asks the model to repair a program from its BuildError; returns the new source. Throws AppError `model_error`. */
export async function repairStage(provider: Provider, ctx: StageContext, obj: SceneObject, source: string, error: BuildError, attempt: number): Promise<{ source: string } | null> {
  const meter = new UsageMeter();
  const prompt = loadPrompt("repair", { blenderVersion: blenderVersionText(ctx.blenderVersion) });
  const text = await provider.text({ system: prompt.text, user: repairRequest(obj, source, error, attempt) }, callOptions(ctx, "repair", meter));
  const fixed = extractPython(text);
  ctx.note(usageNote(`${obj.id}: repair ${attempt} (${error.type}${error.rule ? `, rule ${error.rule}` : ""}${error.line ? `, line ${error.line}` : ""}): `, [prompt.version], meter));
  return fixed.trim() ? { source: fixed } : null;
}

/** Asks the model to fix a program whose bounding box is off its target; null when the answer is unchanged. Throws AppError `model_error`. */
export async function refineStage(provider: Provider, ctx: StageContext, obj: SceneObject, source: string, stats: BuildStats): Promise<{ source: string } | null> {
  const meter = new UsageMeter();
  const prompt = loadPrompt("refine", { blenderVersion: blenderVersionText(ctx.blenderVersion) });
  const text = await provider.text({ system: prompt.text, user: refineRequest(obj, source, stats) }, callOptions(ctx, "refine", meter));
  const refined = extractPython(text);
  ctx.note(usageNote(`${obj.id}: refine: `, [prompt.version], meter));
  return refined.trim() && refined.trim() !== source.trim() ? { source: refined } : null;
}
