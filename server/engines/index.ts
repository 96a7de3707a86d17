import "server-only";
/**
 * Engine selection: `getEngine(name)` returns the offline engine or the OpenAI engine (default: `config().engine`).
 * The OpenAI engine module is loaded on first use, so the offline path never loads the model client.
 */
import { AppError } from "../../lib/errors";
import type { EngineName } from "../../lib/scene/schema";
import { config } from "../config";
import { createOfflineEngine } from "./offline";
import type { Engine } from "./types";

const KEY = Symbol.for("roomcode.engines");
type Holder = { [KEY]?: Partial<Record<EngineName, Engine>> };

function lazyOpenAI(): Engine {
  let loaded: Promise<Engine> | null = null;
  const load = () => (loaded ??= import("./openai").then((m) => m.createOpenAIEngine()));
  return {
    name: "openai",
    structure: async (ctx, input) => (await load()).structure(ctx, input),
    layout: async (ctx, spec) => (await load()).layout(ctx, spec),
    profile: async (ctx, obj, scene) => (await load()).profile(ctx, obj, scene),
    code: async (ctx, obj, scene, onText) => (await load()).code(ctx, obj, scene, onText),
    repair: async (ctx, obj, source, error, attempt) => (await load()).repair(ctx, obj, source, error, attempt),
    refine: async (ctx, obj, source, stats) => (await load()).refine(ctx, obj, source, stats),
    decor: async (ctx, scene) => (await load()).decor(ctx, scene),
  };
}

/** The engine `name` (default `config().engine`), one instance per process. Throws AppError `validation` for an unknown name. */
export function getEngine(name?: EngineName): Engine {
  const n = name ?? config().engine;
  const g = globalThis as Holder;
  g[KEY] ??= {};
  const cache = g[KEY];
  if (!cache[n]) {
    if (n === "offline") cache[n] = createOfflineEngine();
    else if (n === "openai") cache[n] = lazyOpenAI();
    else throw new AppError("validation", `Unknown engine ${JSON.stringify(n)}; use "offline" or "openai".`);
  }
  return cache[n]!;
}
