import "server-only";
/**
 * The one door to the language model (CONVENTIONS.md "One door to the language model"): every model call of
 * Roomcode goes through a Provider built here on the `openai` SDK 6.x, against OpenAI or any OpenAI-compatible
 * server (`OPENAI_BASE_URL`). It adds what the stages need on top of the SDK: per-attempt timeouts, retries on
 * 429/408/409/5xx/connection errors honouring `Retry-After` with an abortable wait (the SDK's own retry sleep
 * ignores the AbortSignal, so SDK retries are off), cancellation, a concurrency limit, token accounting,
 * structured outputs (zod 4 -> JSON schema) with a JSON-mode fallback plus one re-ask, refusals as errors,
 * streaming text with an idle timeout, and secret redaction of everything it logs or throws.
 */
import OpenAI, { APIConnectionTimeoutError, APIError } from "openai";
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { config } from "../config";
import { parseWith } from "./extract";
import { cancelled, isSchemaUnsupported, semaphore, toAppError } from "./errors";
import { redactDeep, redactSecrets, registerSecret } from "./redact";
import { backoffMs, classifyFailure, retryAfterMs, sleep } from "./retry";
import type { TokenUsage } from "./usage";

/** How JSON answers are requested: `json_schema` (structured outputs), `json_object` (JSON mode), or `auto` (schema first, JSON mode when the server rejects it). */
export type StructuredMode = "auto" | "json_schema" | "json_object";

/** Options of `createProvider`. Times in ms. */
export interface ProviderOptions {
  apiKey: string | null;
  baseURL: string | null;
  model: string;
  visionModel?: string;
  /** Per attempt: no answer (or, when streaming, no new chunk) within this time aborts the attempt. Default 120 s. */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** A Retry-After longer than this fails the call instead of waiting (default 60 s). */
  maxRetryAfterMs?: number;
  structuredOutputs?: StructuredMode;
  /** Model calls in flight at once (default 4); further calls queue. */
  maxConcurrent?: number;
}

/** User message content: text, or text plus images given as data URLs. */
export type UserContent = string | ({ type: "text"; text: string } | { type: "image"; dataUrl: string })[];

/** Per-call options: the stage tag (for logs and errors), cancellation and usage reporting. */
export interface CallOptions {
  stage: string;
  signal?: AbortSignal;
  /** Uses the vision model. */
  vision?: boolean;
  onUsage?(u: TokenUsage): void;
  temperature?: number;
  maxTokens?: number;
}

/** A JSON request: system prompt, user content, and the zod schema the answer must satisfy (strict-mode compatible: every field required). */
export interface JsonRequest<T> {
  system: string;
  user: UserContent;
  schema: z.ZodType<T>;
  schemaName: string;
}

/** A text request; `onDelta` receives the full text so far on every streamed chunk. */
export interface TextRequest {
  system: string;
  user: UserContent;
  history?: { role: "user" | "assistant"; content: string }[];
  onDelta?(textSoFar: string): void;
}

/** The model door. Methods throw AppError `model_error` (details: stage, status?, attempts?, cancelled?, refusal?) with secrets redacted. */
export interface Provider {
  readonly model: string;
  readonly visionModel: string;
  /** Current structured-output mode (switches from json_schema to json_object once a server rejects schemas in `auto`). */
  readonly structuredMode: () => "json_schema" | "json_object";
  json<T>(req: JsonRequest<T>, opts: CallOptions): Promise<T>;
  text(req: TextRequest, opts: CallOptions): Promise<string>;
}

function toMessages(system: string, user: UserContent, history: TextRequest["history"] = []): ChatCompletionMessageParam[] {
  const content: string | ChatCompletionContentPart[] =
    typeof user === "string"
      ? user
      : user.map((p) => (p.type === "text" ? { type: "text" as const, text: p.text } : { type: "image_url" as const, image_url: { url: p.dataUrl } }));
  return [{ role: "system", content: system }, { role: "user", content }, ...history];
}

function log(level: "info" | "warn", text: string): void {
  console[level](redactSecrets(text));
}

/** Builds a Provider. Throws nothing; a missing key is sent as a placeholder (local servers usually ignore it). */
export function createProvider(opts: ProviderOptions): Provider {
  registerSecret(opts.apiKey);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const maxRetries = opts.maxRetries ?? 3;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
  const model = opts.model;
  const visionModel = opts.visionModel ?? opts.model;
  let mode: "json_schema" | "json_object" = opts.structuredOutputs === "json_object" ? "json_object" : "json_schema";
  const limit = semaphore(opts.maxConcurrent ?? 4);
  const client = new OpenAI({
    apiKey: opts.apiKey ?? "not-needed",
    baseURL: opts.baseURL ?? undefined,
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: "warn",
    logger: {
      error: (m: string, ...r: unknown[]) => log("warn", `engine: openai sdk: ${m} ${JSON.stringify(redactDeep(r))}`),
      warn: (m: string, ...r: unknown[]) => log("warn", `engine: openai sdk: ${m} ${JSON.stringify(redactDeep(r))}`),
      info: () => {},
      debug: () => {},
    },
  });

  /** Runs one attempt function with retries, backoff and Retry-After; returns its value. */
  async function withRetries<R>(stage: string, signal: AbortSignal | undefined, attempt: (s: AbortSignal | undefined) => Promise<R>): Promise<R> {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        if (signal?.aborted) throw cancelled(stage);
        return await attempt(signal);
      } catch (e) {
        const kind = e instanceof AppError ? "fatal" : classifyFailure(e, signal);
        if (kind !== "retry" || attempts > maxRetries) throw toAppError(e, stage, attempts, signal);
        const asked = e instanceof APIError ? retryAfterMs(e.headers as Headers | undefined) : null;
        if (asked !== null && asked > maxRetryAfterMs) {
          throw new AppError("model_error", `engine: ${stage}: the model server asked to retry after ${Math.round(asked / 1000)} s, longer than the ${Math.round(maxRetryAfterMs / 1000)} s limit`, {
            stage,
            status: e instanceof APIError ? (e.status ?? null) : null,
            attempts,
          });
        }
        const wait = asked ?? backoffMs(attempts - 1);
        const status = e instanceof APIError && e.status ? String(e.status) : e instanceof APIConnectionTimeoutError ? "timeout" : "connection error";
        log("warn", `engine: ${stage}: model call failed (${status}), retry ${attempts}/${maxRetries} in ${wait} ms${asked !== null ? " (Retry-After)" : ""}`);
        try {
          await sleep(wait, signal);
        } catch {
          throw cancelled(stage);
        }
      }
    }
  }

  function report(o: CallOptions, usedModel: string, u: { prompt_tokens?: number; completion_tokens?: number } | null | undefined, started: number): void {
    const usage = { promptTokens: u?.prompt_tokens ?? 0, completionTokens: u?.completion_tokens ?? 0, model: usedModel };
    o.onUsage?.(usage);
    log("info", `engine: ${o.stage}: ${usedModel} answered in ${Date.now() - started} ms, tokens ${usage.promptTokens}/${usage.completionTokens}`);
  }

  /** One non-streaming completion with retries; returns the message content (throws on refusal). */
  async function complete(messages: ChatCompletionMessageParam[], o: CallOptions, responseFormat: unknown): Promise<{ content: string; finish: string | null }> {
    const usedModel = o.vision ? visionModel : model;
    const started = Date.now();
    const completion = await withRetries(o.stage, o.signal, (signal) =>
      client.chat.completions.create(
        {
          model: usedModel,
          messages,
          ...(responseFormat ? { response_format: responseFormat as never } : {}),
          ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
          ...(o.maxTokens !== undefined ? { max_tokens: o.maxTokens } : {}),
        },
        { signal, timeout: timeoutMs, maxRetries: 0 },
      ),
    );
    report(o, usedModel, completion.usage, started);
    const choice = completion.choices[0];
    const refusal = choice?.message?.refusal;
    if (refusal) throw new AppError("model_error", redactSecrets(`engine: ${o.stage}: the model refused: ${refusal}`), { stage: o.stage, refusal: redactSecrets(refusal) });
    return { content: choice?.message?.content ?? "", finish: choice?.finish_reason ?? null };
  }

  async function json<T>(req: JsonRequest<T>, o: CallOptions): Promise<T> {
    return limit(async () => {
      let messages: ChatCompletionMessageParam[];
      let answer: { content: string; finish: string | null };
      const jsonModeSystem = () =>
        `${req.system}\n\nAnswer with one JSON object only (no prose, no code fence) that matches this JSON schema:\n${JSON.stringify(z.toJSONSchema(req.schema, { io: "input", unrepresentable: "any" }))}`;
      if (mode === "json_schema") {
        messages = toMessages(req.system, req.user);
        try {
          answer = await complete(messages, o, zodResponseFormat(req.schema as never, req.schemaName));
        } catch (e) {
          if (opts.structuredOutputs !== "json_schema" && isSchemaUnsupported(e)) {
            log("warn", `engine: ${o.stage}: the server does not support json_schema response formats; using JSON mode`);
            mode = "json_object";
          } else throw e;
          messages = toMessages(jsonModeSystem(), req.user);
          answer = await complete(messages, o, { type: "json_object" });
        }
      } else {
        messages = toMessages(jsonModeSystem(), req.user);
        answer = await complete(messages, o, { type: "json_object" });
      }
      let parsed = parseWith(req.schema, answer.content);
      if (parsed.ok) return parsed.value;
      const reason = answer.finish === "length" ? `the answer was cut off (finish_reason length); ${parsed.error}` : parsed.error;
      log("warn", `engine: ${o.stage}: invalid structured answer, asking again: ${reason}`);
      const reask: ChatCompletionMessageParam[] = [
        ...messages,
        { role: "assistant", content: answer.content.slice(0, 20_000) },
        { role: "user", content: `Your previous answer was rejected: ${reason}. Answer again with only the corrected JSON object.` },
      ];
      answer = await complete(reask, o, mode === "json_schema" ? zodResponseFormat(req.schema as never, req.schemaName) : { type: "json_object" });
      parsed = parseWith(req.schema, answer.content);
      if (parsed.ok) return parsed.value;
      throw new AppError("model_error", redactSecrets(`engine: ${o.stage}: the model's answer was still invalid after one re-ask: ${parsed.error}`), {
        stage: o.stage,
        invalid: true,
      });
    });
  }

  async function text(req: TextRequest, o: CallOptions): Promise<string> {
    return limit(async () => {
      const usedModel = o.vision ? visionModel : model;
      const messages = toMessages(req.system, req.user, req.history);
      const started = Date.now();
      return withRetries(o.stage, o.signal, async (signal) => {
        // The SDK timeout covers the wait for response headers only; an idle timer guards the body.
        const idle = new AbortController();
        const combined = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
        let timer = setTimeout(() => idle.abort(), timeoutMs);
        const bump = () => {
          clearTimeout(timer);
          timer = setTimeout(() => idle.abort(), timeoutMs);
        };
        let out = "";
        let refusal = "";
        let usage: { prompt_tokens?: number; completion_tokens?: number } | null = null;
        try {
          const stream = await client.chat.completions.create(
            {
              model: usedModel,
              messages,
              stream: true,
              stream_options: { include_usage: true },
              ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
              ...(o.maxTokens !== undefined ? { max_tokens: o.maxTokens } : {}),
            },
            { signal: combined, timeout: timeoutMs, maxRetries: 0 },
          );
          req.onDelta?.("");
          for await (const chunk of stream) {
            bump();
            const delta = chunk.choices[0]?.delta;
            if (delta?.content) {
              out += delta.content;
              req.onDelta?.(out);
            }
            if (delta?.refusal) refusal += delta.refusal;
            if (chunk.usage) usage = chunk.usage;
          }
        } catch (e) {
          if (idle.signal.aborted && !signal?.aborted) throw new APIConnectionTimeoutError();
          throw e;
        } finally {
          clearTimeout(timer);
        }
        report(o, usedModel, usage, started);
        if (refusal) throw new AppError("model_error", redactSecrets(`engine: ${o.stage}: the model refused: ${refusal}`), { stage: o.stage, refusal: redactSecrets(refusal) });
        return out;
      });
    });
  }

  return { model, visionModel, structuredMode: () => mode, json, text };
}

const KEY = Symbol.for("roomcode.llm.provider");
type Holder = { [KEY]?: Provider };

/** Provider options from `config()` plus the optional `ROOMCODE_MODEL_TIMEOUT_MS`, `ROOMCODE_MODEL_RETRIES`, `ROOMCODE_MODEL_CONCURRENCY` and `ROOMCODE_STRUCTURED_OUTPUTS` variables. */
export function providerOptionsFromConfig(env: NodeJS.ProcessEnv = process.env): ProviderOptions {
  const c = config().openai;
  const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined);
  const so = env.ROOMCODE_STRUCTURED_OUTPUTS;
  return {
    apiKey: c.apiKey,
    baseURL: c.baseURL,
    model: c.model,
    visionModel: c.visionModel,
    timeoutMs: num(env.ROOMCODE_MODEL_TIMEOUT_MS),
    maxRetries: num(env.ROOMCODE_MODEL_RETRIES),
    maxConcurrent: num(env.ROOMCODE_MODEL_CONCURRENCY) || undefined,
    structuredOutputs: so === "json_schema" || so === "json_object" ? so : "auto",
  };
}

/** The process-wide Provider built from the configuration (kept on globalThis across Next.js module reloads). */
export function getProvider(): Provider {
  const g = globalThis as Holder;
  g[KEY] ??= createProvider(providerOptionsFromConfig());
  return g[KEY]!;
}
