/**
 * The build queue's wire format (BullMQ on Redis, DESIGN.md section 9): a Runner call travels as its method name
 * and job, with every file path replaced by a token; output files come back as bytes, so worker hosts share no
 * disk with the web servers. Used by server/queue/remote-runner.ts (web side) and server/queue/worker.ts.
 */

/** Name of the BullMQ queue of Blender jobs. */
export const QUEUE_NAME = "roomcode-blender";

/** Redis key prefix of worker heartbeats (`<prefix><id>`, JSON WorkerBeat, expiring after BEAT_TTL_MS). */
export const BEAT_PREFIX = "roomcode:worker:";

/** A worker's heartbeat period and time to live (ms): a worker silent for BEAT_TTL_MS counts as gone. */
export const BEAT_MS = 1_000;
export const BEAT_TTL_MS = 4_000;

/** What a worker process announces about itself. */
export interface WorkerBeat {
  id: string;
  host: string;
  pid: number;
  /** Blender jobs it runs at once (its pool size). */
  concurrency: number;
  blenderVersion: string | null;
  /** Jobs finished since it started. */
  jobsDone: number;
  busy: number;
}

/** Runner methods that travel through the queue. */
export type QueueMethod = "buildObject" | "buildRoom" | "assembleScene" | "check" | "renderScene" | "exportSim" | "checkScene";

/** A queued Runner call: `args` with file paths replaced by `file:<key>` tokens; `inputs` holds input files' bytes (base64). */
export interface QueueJobData {
  method: QueueMethod;
  args: unknown;
  outputs: string[];
  inputs: Record<string, string>;
}

/** A worker's answer: the Runner result (tokens for paths), output files' bytes (base64) by key, and who ran it. */
export interface QueueJobResult {
  result: unknown;
  files: Record<string, string>;
  worker: string;
  blenderVersion: string | null;
}

/** Token standing for file `key` in a queued job. */
export const fileToken = (key: string): string => `file:${key}`;

/** Fields of each method's job that name output files (a string path, or a record of paths for `outObj`). */
export const OUTPUT_FIELDS: Record<QueueMethod, string[]> = {
  buildObject: ["outGlb"],
  buildRoom: ["outGlb"],
  assembleScene: ["outGlb", "outBlend", "outTopPng"],
  check: [],
  renderScene: ["outPng"],
  exportSim: ["outObj", "outUsd"],
  checkScene: [],
};

/** Fields of each method's job that name input files. */
export const INPUT_FIELDS: Record<QueueMethod, string[]> = {
  buildObject: [],
  buildRoom: [],
  assembleScene: [],
  check: [],
  renderScene: [],
  exportSim: [],
  checkScene: ["blendPath"],
};

/** Deep copy of `v` with every string equal to a key of `map` replaced by its value (paths <-> tokens). */
export function replaceStrings(v: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof v === "string") return map.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => replaceStrings(x, map));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceStrings(x, map)]));
  return v;
}
