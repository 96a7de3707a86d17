/**
 * `createRunner`: the Blender runner client (DESIGN.md section 7). Locates Blender, probes the sandbox,
 * starts a warm pool and maps job outcomes to `RunnerResult`s. Never throws for job failures.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BuildError } from "../../lib/scene/schema";
import { locateBlender, type BlenderLocation } from "./locate";
import { Pool, type JobOutcome, type JobPriority, type PreparedJob } from "./pool";
import { AssemblePayload, BuildObjectPayload, CheckPayload, RenderPayload, SceneCheckPayload, SimPayload, type JobKind } from "./protocol";
import { DEFAULT_LIMITS, probeSandbox, type SandboxState } from "./sandbox";
import type {
  AssembleSceneJob,
  AssembleSceneOutput,
  BuildObjectJob,
  BuildObjectOutput,
  CheckOutput,
  ExportSimJob,
  ExportSimOutput,
  RenderSceneJob,
  RenderSceneOutput,
  Runner,
  RunnerHealth,
  RunnerOptions,
  RunnerResult,
} from "./types";

export type * from "./types";

/** Scope of jobs whose caller names none (tools, benchmarks): they share workers with each other only. */
export const DEFAULT_SCOPE = "default";

/** Find `blender-runner/worker.py` (from the working directory, then beside this file). */
export function resolveWorkerScript(explicit?: string): string {
  const candidates = [explicit, path.resolve(process.cwd(), "blender-runner/worker.py")];
  if (typeof __dirname === "string") candidates.push(path.resolve(__dirname, "../worker.py"));
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error("runner: blender-runner/worker.py not found (start the server from the repository root)");
}

function failure(type: string, message: string, extra: Partial<BuildError> = {}): BuildError {
  return { type, message, line: null, traceback: "", ...extra };
}

/** Name of a signal number (bwrap and prlimit report a child's fatal signal as exit code 128 + n). */
function signalName(n: number): string {
  const entry = Object.entries(os.constants.signals).find(([, v]) => v === n);
  return entry ? entry[0] : String(n);
}

function outcomeError(outcome: Extract<JobOutcome, { kind: "failure" }>, timeoutMs: number): BuildError {
  const f = outcome.failure;
  if (f.kind === "timeout") {
    return failure("Timeout", `runner: the program ran longer than ${Math.round(timeoutMs / 100) / 10} s and was stopped; the worker was restarted`);
  }
  if (f.kind === "crash") {
    const how = f.signal ? `signal ${f.signal}` : f.code !== null && f.code > 128 ? `signal ${signalName(f.code - 128)}` : `exit code ${f.code}`;
    return failure("WorkerCrashed", `runner: Blender stopped (${how}) while running the program; the worker was restarted`, { traceback: f.log.slice(-4000) });
  }
  if (f.kind === "aborted") return failure("Aborted", `runner: the job was cancelled ${f.running ? "while it ran; the worker was restarted" : "before it started"}`);
  return failure("ProtocolError", `runner: ${f.message}`);
}

/** The room, objects and lights of an assembly-like job, as the worker reads them. */
function sceneBody(job: Pick<AssembleSceneJob, "roomSource" | "roomOverrides" | "objects" | "textures"> & { lights?: AssembleSceneJob["lights"] }): Record<string, unknown> {
  return {
    roomSource: job.roomSource,
    textures: job.textures ?? [],
    roomOverrides: job.roomOverrides ?? {},
    objects: job.objects.map((o) => ({ objectId: o.objectId, source: o.source, overrides: o.overrides ?? {}, placement: o.placement, hidden: o.hidden ?? false, textures: o.textures ?? [], ...(o.mount ? { mount: o.mount } : {}) })),
    lights: job.lights,
  };
}

/** Create the runner: a warm pool of `opts.workers` Blender processes behind a queue (see RunnerOptions). */
export function createRunner(opts: RunnerOptions = {}): Runner {
  const size = Math.max(1, opts.workers ?? 2);
  const jobTimeoutMs = opts.jobTimeoutMs ?? 20_000;
  const skipPolicy = opts.policy === "skip";
  if (skipPolicy && !opts.allowUnrestricted) throw new Error("runner: policy 'skip' needs allowUnrestricted");
  let location: BlenderLocation | null = null;
  let sandbox: SandboxState = { enabled: false, reason: "starting", bwrap: null, prlimit: null, dropUid: false };
  let workerVersion: string | null = null;
  let pool: Pool | null = null;
  let closed = false;

  const init: Promise<Pool | null> = (async () => {
    location = await locateBlender(opts.blenderPath ?? null);
    if (!location.found || !location.path || closed) {
      sandbox = { ...sandbox, reason: "no workers: Blender is not available" };
      return null;
    }
    const workerScript = resolveWorkerScript(opts.workerScript);
    const root = mkdtempSync(path.join(opts.scratchRoot ?? os.tmpdir(), "roomcode-runner-"));
    chmodSync(root, 0o711);
    sandbox = await probeSandbox(opts.sandbox ?? "auto", root);
    if (opts.dedicatedUids === false) sandbox = { ...sandbox, dropUid: false };
    if (closed) return null;
    // Containment is the OS sandbox: without it no worker starts unless the operator chose ROOMCODE_SANDBOX=off.
    if (!sandbox.enabled && sandbox.required !== false) return null;
    const p = new Pool({
      blender: location.path,
      workerScript,
      size,
      recycleAfter: opts.recycleAfter ?? 200,
      root,
      sandbox,
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      hide: opts.hide ?? [process.cwd()],
      ...(opts.idleRefreshMs !== undefined ? { idleRefreshMs: opts.idleRefreshMs } : {}),
      onReady: (v) => {
        workerVersion = v;
      },
    });
    pool = p;
    p.start();
    return p;
  })().catch((e: Error) => {
    location = { found: false, path: null, version: null, reason: `runner: ${e.message}` };
    return null;
  });

  async function submit<T>(
    kind: JobKind,
    prepare: (scratch: string, jobId: string) => PreparedJob,
    timeoutMs: number,
    parse: (raw: unknown) => T,
    scope: string,
    priority: JobPriority = "build",
    signal?: AbortSignal,
  ): Promise<RunnerResult<T>> {
    const p = await init;
    if (!p) {
      if (location?.found && sandbox.required !== false && !sandbox.enabled) {
        return { ok: false, error: failure("SandboxUnavailable", `runner: ${sandbox.reason ?? "the sandbox is not available"}`), prints: "", timings: {} };
      }
      const reason = location?.reason ?? "runner: Blender is not available";
      return { ok: false, error: failure("BlenderMissing", reason), prints: "", timings: {} };
    }
    const outcome = await p.submit(kind, prepare, timeoutMs, scope, priority, signal);
    const nodeTimings = { queueMs: outcome.queueMs, runMs: outcome.runMs };
    if (outcome.kind === "failure") {
      return { ok: false, error: outcomeError(outcome, timeoutMs), prints: "", timings: nodeTimings };
    }
    const m = outcome.message;
    const timings = { ...m.timings, ...nodeTimings };
    if (!m.ok) {
      const error = m.error ?? failure("WorkerError", "runner: the worker reported a failure without details");
      return { ok: false, error: { ...error, prints: m.prints }, prints: m.prints, timings };
    }
    try {
      return { ok: true, value: parse(m.result), prints: m.prints, timings };
    } catch (e) {
      return { ok: false, error: failure("ProtocolError", `runner: unexpected ${kind} result: ${(e as Error).message}`), prints: m.prints, timings };
    }
  }

  function buildJob(kind: "build_object" | "build_room", job: BuildObjectJob): Promise<RunnerResult<BuildObjectOutput>> {
    if (!path.isAbsolute(job.outGlb)) throw new Error(`runner: outGlb must be an absolute path, got ${job.outGlb}`);
    if (job.unrestricted && !opts.allowUnrestricted) throw new Error("runner: unrestricted jobs are disabled");
    return submit(
      kind,
      (scratch, id) => {
        const tmp = path.join(scratch, "out", `${id}.glb`);
        return {
          body: {
            objectId: job.objectId,
            source: job.source,
            overrides: job.overrides ?? {},
            outGlb: tmp,
            wholeScript: job.wholeScript ?? false,
            unrestricted: (job.unrestricted ?? false) || skipPolicy,
            textures: job.textures ?? [],
          },
          outputs: [{ from: tmp, to: job.outGlb }],
        };
      },
      job.timeoutMs ?? jobTimeoutMs,
      (raw) => {
        const v = BuildObjectPayload.parse(raw);
        return { glbPath: job.outGlb, stats: v.stats };
      },
      job.scope ?? DEFAULT_SCOPE,
      "build",
      job.signal,
    );
  }

  return {
    buildObject: (job) => buildJob("build_object", job),
    buildRoom: (job) => buildJob("build_room", job),
    assembleScene(job: AssembleSceneJob): Promise<RunnerResult<AssembleSceneOutput>> {
      for (const p of [job.outGlb, job.outBlend, job.outTopPng]) {
        if (p && !path.isAbsolute(p)) throw new Error(`runner: output paths must be absolute, got ${p}`);
      }
      if (!job.outGlb && !job.outBlend && !job.outTopPng) throw new Error("runner: assembleScene needs outGlb, outBlend or outTopPng");
      return submit(
        "assemble_scene",
        (scratch, id) => {
          const outputs: PreparedJob["outputs"] = [];
          const tmp = (ext: string, to: string | undefined) => {
            if (!to) return null;
            const from = path.join(scratch, "out", `${id}.${ext}`);
            outputs.push({ from, to });
            return from;
          };
          return {
            body: {
              ...sceneBody(job),
              outGlb: tmp("glb", job.outGlb),
              outBlend: tmp("blend", job.outBlend),
              outTopPng: tmp("png", job.outTopPng),
              topPngSizePx: job.topPngSizePx ?? 512,
            },
            outputs,
          };
        },
        job.timeoutMs ?? Math.max(jobTimeoutMs, 10_000 + 2_000 * job.objects.length),
        (raw) => {
          const v = AssemblePayload.parse(raw);
          return {
            glbPath: job.outGlb ?? null,
            blendPath: job.outBlend ?? null,
            topPngPath: job.outTopPng ?? null,
            objects: v.objects,
            failed: v.failed,
          };
        },
        job.scope ?? DEFAULT_SCOPE,
      );
    },
    renderScene(job: RenderSceneJob): Promise<RunnerResult<RenderSceneOutput>> {
      if (!path.isAbsolute(job.outPng)) throw new Error(`runner: outPng must be an absolute path, got ${job.outPng}`);
      return submit(
        "render_scene",
        (scratch, id) => {
          const from = path.join(scratch, "out", `${id}.png`);
          return {
            body: {
              ...sceneBody(job),
              camera: job.camera,
              widthPx: job.widthPx,
              heightPx: job.heightPx,
              samples: job.samples,
              threads: job.threads ?? 0,
              hideCeiling: job.hideCeiling ?? true,
              outPng: from,
            },
            outputs: [{ from, to: job.outPng }],
          };
        },
        job.timeoutMs ?? 600_000,
        (raw) => ({ ...RenderPayload.parse(raw), pngPath: job.outPng }),
        job.scope,
        "background",
      );
    },
    exportSim(job: ExportSimJob): Promise<RunnerResult<ExportSimOutput>> {
      const paths = [...Object.values(job.outObj), ...(job.outUsd ? [job.outUsd] : [])];
      for (const p of paths) if (!path.isAbsolute(p)) throw new Error(`runner: output paths must be absolute, got ${p}`);
      return submit(
        "export_sim",
        (scratch, id) => {
          const outputs: PreparedJob["outputs"] = [];
          const outObj: Record<string, string> = {};
          Object.entries(job.outObj).forEach(([oid, to], k) => {
            const from = path.join(scratch, "out", `${id}-${k}.obj`);
            outObj[oid] = from;
            outputs.push({ from, to });
          });
          const usd = job.outUsd ? path.join(scratch, "out", `${id}.usd`) : null;
          if (usd && job.outUsd) outputs.push({ from: usd, to: job.outUsd });
          return {
            body: {
              ...sceneBody(job),
              outObj,
              outUsd: usd,
            },
            outputs,
          };
        },
        job.timeoutMs ?? Math.max(jobTimeoutMs, 20_000 + 3_000 * job.objects.length),
        (raw) => {
          const v = SimPayload.parse(raw);
          return { objects: v.objects, failed: v.failed, usdPath: job.outUsd ?? null, usdWriter: v.usdWriter ?? null };
        },
        job.scope,
      );
    },
    async checkScene(job: { blendPath: string; scope: string; timeoutMs?: number }): Promise<RunnerResult<SceneCheckPayload>> {
      if (!path.isAbsolute(job.blendPath)) throw new Error(`runner: blendPath must be an absolute path, got ${job.blendPath}`);
      if (!existsSync(job.blendPath)) throw new Error(`runner: no such .blend: ${job.blendPath}`);
      let copied: string | null = null;
      try {
        return await submit(
          "check_scene",
          (scratch, id) => {
            // The worker sees only its scratch dir: the .blend is copied in (and removed after the job).
            mkdirSync(path.join(scratch, "in"), { recursive: true });
            copied = path.join(scratch, "in", `${id}.blend`);
            copyFileSync(job.blendPath, copied);
            return { body: { blendPath: copied }, outputs: [] };
          },
          job.timeoutMs ?? Math.max(jobTimeoutMs, 120_000),
          (raw) => SceneCheckPayload.parse(raw),
          job.scope,
          "background",
        );
      } finally {
        if (copied) rmSync(copied, { force: true });
      }
    },
    check(source: string, scope?: string): Promise<RunnerResult<CheckOutput>> {
      if (skipPolicy) return Promise.resolve({ ok: true, value: { params: null }, prints: "", timings: {} });
      // WARNING: a check runs no program, but it hands the source to a worker: one bound to another scene could
      // have been tampered with to keep it, so checks are scoped like builds.
      return submit("check", () => ({ body: { source }, outputs: [] }), jobTimeoutMs, (raw) => CheckPayload.parse(raw), scope ?? DEFAULT_SCOPE);
    },
    health(): RunnerHealth {
      const blender = location
        ? { found: location.found, path: location.path, version: location.version, ...(location.reason ? { reason: location.reason } : {}) }
        : { found: true, path: null, version: null };
      const poolStats = pool?.stats() ?? { size, busy: 0, queued: 0, alive: 0, jobsDone: 0, restarts: 0, startError: null };
      const sb = pool?.sandbox ?? sandbox;
      return { blender, pool: poolStats, sandbox: { enabled: sb.enabled, reason: sb.reason, seccomp: sb.enabled && !!sb.seccomp, dedicatedUids: sb.dropUid, blocking: !sb.enabled && sb.required === true } };
    },
    blenderVersion: () => workerVersion,
    async close(): Promise<void> {
      closed = true;
      const p = await init;
      await p?.close();
    },
    ready: async (timeoutMs = 60_000) => {
      const p = await init;
      return p ? p.waitReady(timeoutMs) : false;
    },
    workerRss: () => pool?.rss() ?? [],
  };
}
