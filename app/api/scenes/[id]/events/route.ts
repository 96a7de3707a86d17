/**
 * GET /api/scenes/:id/events: SSE of the scene's event log. Replays after `Last-Event-ID` (or `?after=`), then
 * follows live; heartbeat comments every 15 s; closes after a terminal event.
 */
import { sseResponse } from "@/server/events/sse";
import { getScene, handle, parseWith } from "@/server/pipeline";
import { AfterSeq } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  getScene(id);
  const raw = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("after") ?? undefined;
  const after = parseWith(AfterSeq, raw === "" ? undefined : raw);
  return sseResponse(id, after, req.signal);
});
