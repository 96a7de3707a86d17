/**
 * POST /api/scenes: JSON `{prompt, engine?}` or multipart (`image`, `prompt?`, `roomWidth?`, `roomDepth?`)
 * -> 202 `{scene}` (the job runs in the background; the scene belongs to the caller). GET /api/scenes ->
 * `{scenes: SceneListItem[]}` (the caller's scenes). Bodies are cut off at their limit as they stream in.
 */
import { requestUser } from "@/server/auth/identity";
import { config } from "@/server/config";
import { createScene, createSceneFromUpload, handle, listScenes, parseWith, readJson, readMultipartForm } from "@/server/pipeline";
import { AppError } from "@/lib/errors";
import { CreateSceneBody, ListScenesQuery, MAX_UPLOAD_BODY_BYTES, MAX_UPLOAD_IMAGE_BYTES } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = handle(async (req: Request) => {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const owner = requestUser(req);
  if (type === "multipart/form-data") {
    const form = await readMultipartForm(req, { maxBodyBytes: MAX_UPLOAD_BODY_BYTES, maxFileBytes: MAX_UPLOAD_IMAGE_BYTES });
    const engine = form.get("engine");
    const scene = await createSceneFromUpload(form, { owner, ...(engine === "offline" || engine === "openai" ? { engine } : {}) });
    return Response.json({ scene }, { status: 202 });
  }
  if (type && type !== "application/json") throw new AppError("unsupported_media", "Send JSON {prompt} or multipart/form-data with an image.", { contentType: type });
  const body = parseWith(CreateSceneBody, await readJson(req));
  const scene = await createScene({ prompt: body.prompt }, { engine: body.engine ?? config().engine, owner });
  return Response.json({ scene }, { status: 202 });
});

export const GET = handle(async (req: Request) => {
  const q = parseWith(ListScenesQuery, Object.fromEntries(new URL(req.url).searchParams));
  const scenes = listScenes(q.limit, requestUser(req));
  return Response.json({ scenes }, { headers: { "Cache-Control": "no-store" } });
});
