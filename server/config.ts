import "server-only";
/**
 * Server configuration from the environment, validated with zod. Read once per process.
 * Throws an Error tagged `config:` when a variable has an invalid value.
 */
import path from "node:path";
import { z } from "zod";

const Env = z.object({
  ROOMCODE_DATA_DIR: z.string().min(1).default("./data"),
  ROOMCODE_ENGINE: z.enum(["offline", "openai"]).optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  ROOMCODE_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  ROOMCODE_VISION_MODEL: z.string().min(1).optional(),
  BLENDER_PATH: z.string().min(1).optional(),
  ROOMCODE_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  ROOMCODE_JOB_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20000),
  ROOMCODE_RECYCLE_AFTER: z.coerce.number().int().min(1).default(200),
  ROOMCODE_SANDBOX: z.enum(["auto", "off"]).default("auto"),
  ROOMCODE_REVIEW_IMAGES: z.enum(["always", "offline", "never"]).default("offline"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
  ROOMCODE_QUEUE_LOCK_MS: z.coerce.number().int().min(1000).default(30000),
  ROOMCODE_JOB_LEASE_MS: z.coerce.number().int().min(200).default(30000),
  ROOMCODE_JOB_RENEW_MS: z.coerce.number().int().min(50).default(10000),
  ROOMCODE_RUNNER_NAME: z.string().regex(/^[^:\s]+$/, "must not contain ':' or spaces").optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** Resolved configuration: absolute data dir, engine choice (offline unless a model endpoint or key is configured). */
export interface Config {
  dataDir: string;
  engine: "offline" | "openai";
  openai: { apiKey: string | null; baseURL: string | null; model: string; visionModel: string };
  blenderPath: string | null;
  workers: number;
  jobTimeoutMs: number;
  recycleAfter: number;
  sandbox: "auto" | "off";
  reviewImages: "always" | "offline" | "never";
  port: number;
  /** Build queue (BullMQ) on this Redis: Blender jobs run on `npm run worker` processes instead of a local pool. */
  redisUrl: string | null;
  /** How long (ms) a dead worker's job stays locked before another worker takes it up (BullMQ lockDuration). */
  queueLockMs: number;
  /** How long (ms) a pipeline job stays leased to its server without renewal; a dead server's jobs move on after it. */
  jobLeaseMs: number;
  /** How often (ms) a server renews the leases of the jobs it runs (less than jobLeaseMs). */
  jobRenewMs: number;
  /** This server's name in job owners (default the host name); a runner id is `<name>:<pid>:<uuid>`. */
  runnerName: string | null;
  /** The store on this Postgres database instead of SQLite under the data dir (null: SQLite, the default). */
  databaseUrl: string | null;
}

let cached: Config | null = null;

/** Parse the environment into a Config; pass `env` to parse something other than process.env (tests). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`config: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.ROOMCODE_JOB_RENEW_MS >= e.ROOMCODE_JOB_LEASE_MS) {
    throw new Error(`config: ROOMCODE_JOB_RENEW_MS (${e.ROOMCODE_JOB_RENEW_MS}) must be less than ROOMCODE_JOB_LEASE_MS (${e.ROOMCODE_JOB_LEASE_MS})`);
  }
  const engine = e.ROOMCODE_ENGINE ?? (e.OPENAI_API_KEY || e.OPENAI_BASE_URL ? "openai" : "offline");
  return {
    dataDir: path.resolve(e.ROOMCODE_DATA_DIR),
    engine,
    openai: {
      apiKey: e.OPENAI_API_KEY ?? null,
      baseURL: e.OPENAI_BASE_URL ?? null,
      model: e.ROOMCODE_MODEL,
      visionModel: e.ROOMCODE_VISION_MODEL ?? e.ROOMCODE_MODEL,
    },
    blenderPath: e.BLENDER_PATH ?? null,
    workers: e.ROOMCODE_WORKERS,
    jobTimeoutMs: e.ROOMCODE_JOB_TIMEOUT_MS,
    recycleAfter: e.ROOMCODE_RECYCLE_AFTER,
    sandbox: e.ROOMCODE_SANDBOX,
    reviewImages: e.ROOMCODE_REVIEW_IMAGES,
    port: e.PORT,
    redisUrl: e.REDIS_URL ?? null,
    queueLockMs: e.ROOMCODE_QUEUE_LOCK_MS,
    jobLeaseMs: e.ROOMCODE_JOB_LEASE_MS,
    jobRenewMs: e.ROOMCODE_JOB_RENEW_MS,
    runnerName: e.ROOMCODE_RUNNER_NAME ?? null,
    databaseUrl: e.DATABASE_URL ?? null,
  };
}

/** The process-wide configuration (parsed on first use). */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
