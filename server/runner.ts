import "server-only";
/**
 * The process-wide Blender runner, created on first use from the configuration and kept on globalThis
 * so that Next.js module reloads in development do not start a second pool: a warm local pool, or with
 * REDIS_URL the BullMQ build queue served by `npm run worker` processes on any host (server/queue).
 */
import { createRunner } from "../blender-runner/client";
import type { Runner } from "../blender-runner/client/types";
import { config } from "./config";
import { createQueueRunner } from "./queue/remote-runner";

const KEY = Symbol.for("roomcode.runner");
type Holder = { [KEY]?: Runner };

/** The shared Runner (warm pool). Never throws: a missing Blender shows in `health()` and in job errors. */
export function getRunner(): Runner {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const c = config();
    if (c.redisUrl) {
      g[KEY] = createQueueRunner({ redisUrl: c.redisUrl, jobTimeoutMs: c.jobTimeoutMs });
      return g[KEY]!;
    }
    g[KEY] = createRunner({
      blenderPath: c.blenderPath,
      workers: c.workers,
      jobTimeoutMs: c.jobTimeoutMs,
      recycleAfter: c.recycleAfter,
      sandbox: c.sandbox,
      // The data dir (every scene's files) and the checkout stay invisible to workers wherever they live.
      hide: [c.dataDir, process.cwd()],
    });
  }
  return g[KEY]!;
}
