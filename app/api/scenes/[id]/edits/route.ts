/** POST /api/scenes/:id/edits `{instruction, selection?}` -> `{plan, scene}` (objects with their placement `issues`); 422 `ambiguous` / `unsupported_edit` with details. */
import { z } from "zod";
import { applyInstruction } from "@/server/edits";
import { handle, parseWith, readJson } from "@/server/pipeline";
import { withIssues } from "@/lib/layout/issues";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Body = z.object({
  instruction: z.string().max(2000, "at most 2000 characters"),
  selection: z.array(z.string().max(80)).max(200).optional(),
  actor: z.string().min(1).max(80).optional(),
});

type Ctx = { params: Promise<{ id: string }> };

export const POST = handle(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const body = parseWith(Body, await readJson(req));
  const { plan, scene, entry } = await applyInstruction(id, body);
  return Response.json({ plan, scene: withIssues(scene), entry }, { headers: { "Cache-Control": "no-store" } });
});
