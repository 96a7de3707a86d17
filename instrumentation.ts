/**
 * Next.js instrumentation: on server start (Node runtime only), resume pipeline jobs that a previous process
 * left running, so that no scene stays stuck after a restart.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { resumeJobs } = await import("./server/pipeline");
  try {
    const resumed = resumeJobs();
    if (resumed.length) console.log(`pipeline: resumed ${resumed.length} interrupted job(s)`);
  } catch (e) {
    console.error("pipeline: resuming jobs failed:", e);
  }
}
