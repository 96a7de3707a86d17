/**
 * Next.js instrumentation: on server start (Node runtime only), refuse to serve when the server listens on a
 * non-loopback address without authentication (exit 1), then resume pipeline jobs that a previous process left
 * running, so that no scene stays stuck after a restart, and sweep periodically for jobs of servers that died.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnsafeExposure } = await import("./server/auth/exposure");
  refuseUnsafeExposure();
  const { resumeJobs, startJobSweep } = await import("./server/pipeline");
  try {
    const resumed = resumeJobs();
    if (resumed.length) console.log(`pipeline: resumed ${resumed.length} interrupted job(s)`);
  } catch (e) {
    console.error("pipeline: resuming jobs failed:", e);
  }
  startJobSweep();
}
