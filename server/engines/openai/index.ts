import "server-only";
/**
 * The `openai` engine (DESIGN.md section 5): every stage through the model door (server/llm/provider.ts),
 * against OpenAI or any OpenAI-compatible server. Stages live beside this file; the pipeline runs them, the
 * repair loop and the refine step.
 */
import type { Engine } from "../types";
import { getProvider, type Provider } from "../../llm/provider";
import { codeStage, refineStage, repairStage } from "./code";
import { decorStage } from "./decor";
import { layoutStage } from "./layout";
import { profileStage } from "./profile";
import { structureStage } from "./structure";

/** Options of the openai engine: the Provider to use (default: the process-wide one from the configuration). */
export interface OpenAIEngineConfig {
  provider?: Provider;
}

/** Creates the openai engine. Stage methods throw AppError `model_error` (secrets redacted) when the model fails, refuses or answers invalidly twice. */
export function createOpenAIEngine(cfg: OpenAIEngineConfig = {}): Engine {
  // Resolved lazily so that importing the engine never reads the configuration.
  const p = () => cfg.provider ?? getProvider();
  return {
    name: "openai",
    structure: (ctx, input) => structureStage(p(), ctx, input),
    layout: (ctx, spec) => layoutStage(p(), ctx, spec),
    profile: (ctx, obj, scene) => profileStage(p(), ctx, obj, scene),
    code: (ctx, obj, scene, onText) => codeStage(p(), ctx, obj, scene, onText),
    repair: (ctx, obj, source, error, attempt) => repairStage(p(), ctx, obj, source, error, attempt),
    refine: (ctx, obj, source, stats) => refineStage(p(), ctx, obj, source, stats),
    decor: (ctx, scene) => decorStage(p(), ctx, scene),
  };
}
