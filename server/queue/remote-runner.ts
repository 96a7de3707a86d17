/**
 * A Runner whose Blender jobs run on worker processes anywhere (`npm run worker`), through a BullMQ queue on Redis
 * (REDIS_URL). Each call becomes one queued job with its file paths replaced by tokens; the worker's output files
 * come back as bytes and are written where the caller asked. A job whose worker dies (kill -9, host lost) is
 * taken up again by another worker once its lock expires (BullMQ stalled-job check), at most `maxStalls` times;
 * after that the call answers a typed `WorkerLost` failure. Health comes from the workers' heartbeats.
 */
import fs from "node:fs";
import path from "node:path";
import { Queue, QueueEvents, type Job } from "bullmq";
import IORedis from "ioredis";
import type {
  AssembleSceneJob,
  BuildObjectJob,
  ExportSimJob,
  RenderSceneJob,
  Runner,
  RunnerHealth,
  RunnerResult,
} from "../../blender-runner/client/types";
import { BEAT_PREFIX, fileToken, INPUT_FIELDS, OUTPUT_FIELDS, QUEUE_NAME, replaceStrings, type QueueJobData, type QueueJobResult, type QueueMethod, type WorkerBeat } from "./protocol";

/** Options of `createQueueRunner`. */
export interface QueueRunnerOptions {
  /** Redis URL, e.g. `redis://127.0.0.1:6379`. */
  redisUrl: string;
  /** Default wall-clock limit of a job once a worker runs it (ms), as for the local pool. */
  jobTimeoutMs?: number;
  /** Longest wait (ms) for a job's answer, queueing included (default 30 min). */
  waitMs?: number;
}

type Failure = RunnerResult<never>;

function failure(type: string, message: string): Failure {
  return { ok: false, error: { type, message, line: null, traceback: "" }, prints: "", timings: {} };
}

/** Output and input file paths of a job by token key (`outGlb`, `outObj.<objectId>`, `blendPath`). */
function filesOf(method: QueueMethod, job: Record<string, unknown>): { outputs: Map<string, string>; inputs: Map<string, string> } {
  const outputs = new Map<string, string>();
  const inputs = new Map<string, string>();
  const collect = (fields: string[], into: Map<string, string>) => {
    for (const f of fields) {
      const v = job[f];
      if (typeof v === "string") into.set(f, v);
      else if (v && typeof v === "object") for (const [k, p] of Object.entries(v)) if (typeof p === "string") into.set(`${f}.${k}`, p);
    }
  };
  collect(OUTPUT_FIELDS[method], outputs);
  collect(INPUT_FIELDS[method], inputs);
  return { outputs, inputs };
}

/**
 * A Runner on the BullMQ queue at `opts.redisUrl`. Methods reject only on misuse or shutdown; job failures,
 * a lost worker and a cancelled job are `ok: false` results (types as the local pool's, plus `WorkerLost`).
 */
export function createQueueRunner(opts: QueueRunnerOptions): Runner {
  const connection = { url: opts.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const redis = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  const jobTimeoutMs = opts.jobTimeoutMs ?? 20_000;
  const waitMs = opts.waitMs ?? 30 * 60_000;
  let beats: WorkerBeat[] = [];
  let waiting = 0;
  let polled = false;
  let closed = false;

  const poll = async () => {
    try {
      const keys = await redis.keys(`${BEAT_PREFIX}*`);
      const raw = keys.length ? await redis.mget(...keys) : [];
      beats = raw.flatMap((r) => (r ? [JSON.parse(r) as WorkerBeat] : []));
      waiting = await queue.getWaitingCount();
    } catch {
      beats = [];
    }
    polled = true;
  };
  const timer = setInterval(() => void poll(), 500);
  timer.unref();
  const first = poll();

  async function call<T>(method: QueueMethod, job: Record<string, unknown>, signal?: AbortSignal): Promise<RunnerResult<T>> {
    if (closed) throw new Error("runner: the queue runner is closed");
    const { outputs, inputs } = filesOf(method, job);
    const toToken = new Map<string, string>([...outputs].map(([k, p]) => [p, fileToken(k)]));
    const { signal: _signal, ...rest } = job;
    void _signal;
    const data: QueueJobData = {
      method,
      args: replaceStrings(rest, toToken),
      outputs: [...outputs.keys()],
      inputs: Object.fromEntries([...inputs].map(([k, p]) => [k, fs.readFileSync(p).toString("base64")])),
    };
    if (signal?.aborted) return failure("Aborted", "runner: the job was cancelled before it started");
    // Builds carry no priority (BullMQ's plain wait list, its fastest path; such jobs run before any prioritised
    // one); long Cycles renders are prioritised lower so that they never hold builds back.
    const queued: Job = await queue.add(method, data, { removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 }, ...(method === "renderScene" ? { priority: 10 } : {}) });
    const onAbort = () => void queued.remove().catch(() => undefined);
    signal?.addEventListener("abort", onAbort, { once: true });
    let answer: QueueJobResult;
    try {
      answer = (await queued.waitUntilFinished(events, waitMs)) as QueueJobResult;
    } catch (e) {
      if (signal?.aborted) return failure("Aborted", "runner: the job was cancelled");
      const msg = e instanceof Error ? e.message : String(e);
      if (/stalled more than allowable limit/i.test(msg)) {
        return failure("WorkerLost", `runner: the Blender workers running this job were lost too often (${msg})`);
      }
      return failure("QueueError", `runner: queued job ${queued.id} failed: ${msg}`);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    if (signal?.aborted) return failure("Aborted", "runner: the job was cancelled");
    const toPath = new Map<string, string>([...outputs].map(([k, p]) => [fileToken(k), p]));
    for (const [key, b64] of Object.entries(answer.files)) {
      const to = outputs.get(key);
      if (!to) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, Buffer.from(b64, "base64"));
    }
    return replaceStrings(answer.result, toPath) as RunnerResult<T>;
  }

  const health = (): RunnerHealth => {
    const live = beats;
    const version = live.find((b) => b.blenderVersion)?.blenderVersion ?? null;
    return {
      blender: !polled
        ? { found: true, path: `queue ${QUEUE_NAME}`, version: null }
        : live.length
        ? { found: true, path: `queue ${QUEUE_NAME} (${live.length} worker process${live.length === 1 ? "" : "es"})`, version }
        : { found: false, path: null, version: null, reason: `No Blender worker is connected to the queue at REDIS_URL: start one with \`npm run worker\` on a host with Blender` },
      pool: {
        size: live.reduce((n, b) => n + b.concurrency, 0),
        busy: live.reduce((n, b) => n + b.busy, 0),
        queued: waiting,
        alive: live.filter((b) => b.blenderVersion).reduce((n, b) => n + b.concurrency, 0),
        jobsDone: live.reduce((n, b) => n + b.jobsDone, 0),
        restarts: 0,
        startError: null,
      },
      sandbox: { enabled: true, reason: null, seccomp: false, dedicatedUids: false, blocking: false },
    };
  };

  return {
    buildObject: (job: BuildObjectJob) => call("buildObject", job as unknown as Record<string, unknown>, job.signal),
    buildRoom: (job) => call("buildRoom", job as unknown as Record<string, unknown>, job.signal),
    assembleScene: (job: AssembleSceneJob) => call("assembleScene", job as unknown as Record<string, unknown>),
    check: (source: string, scope?: string) => call("check", { source, scope: scope ?? "default", timeoutMs: jobTimeoutMs }),
    renderScene: (job: RenderSceneJob) => call("renderScene", job as unknown as Record<string, unknown>),
    exportSim: (job: ExportSimJob) => call("exportSim", job as unknown as Record<string, unknown>),
    checkScene: (job) => call("checkScene", job as unknown as Record<string, unknown>),
    health,
    blenderVersion: () => health().blender.version,
    async ready(timeoutMs = 30_000) {
      await first;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (beats.some((b) => b.blenderVersion)) return true;
        await new Promise((r) => setTimeout(r, 200));
        await poll();
      }
      return false;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.allSettled([queue.close(), events.close()]);
      redis.disconnect();
    },
  };
}
