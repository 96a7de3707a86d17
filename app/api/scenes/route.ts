/**
 * POST /api/scenes: JSON `{prompt, engine?}` or multipart (`image`, `prompt?`, `roomWidth?`, `roomDepth?`)
 * -> 202 `{scene}` (the job runs in the background). GET /api/scenes -> `{scenes: SceneListItem[]}`.
 */
import { config } from "@/server/config";
import { createScene, createSceneFromUpload, handle, listScenes, parseWith, readJson } from "@/server/pipeline";
import { AppError } from "@/lib/errors";
import { CreateSceneBody, ListScenesQuery } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Largest multipart body read (bytes); the image limit itself (20 MB) is enforced by the image ingest. */
const MAX_MULTIPART_BYTES = 40 * 1024 * 1024;

export const POST = handle(async (req: Request) => {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const length = Number(req.headers.get("content-length") ?? "0");
    if (length > MAX_MULTIPART_BYTES) throw new AppError("payload_too_large", "The upload is larger than 20 MB.", { bytes: length });
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("bad_request", "The multipart body could not be read.");
    }
    const engine = form.get("engine");
    const scene = await createSceneFromUpload(form, engine === "offline" || engine === "openai" ? { engine } : {});
    return Response.json({ scene }, { status: 202 });
  }
  if (type && !type.includes("json")) throw new AppError("unsupported_media", "Send JSON {prompt} or multipart/form-data with an image.", { contentType: type });
  const body = parseWith(CreateSceneBody, await readJson(req));
  const scene = await createScene({ prompt: body.prompt }, { engine: body.engine ?? config().engine });
  return Response.json({ scene }, { status: 202 });
});

export const GET = handle(async (req: Request) => {
  const q = parseWith(ListScenesQuery, Object.fromEntries(new URL(req.url).searchParams));
  const scenes = listScenes(q.limit);
  return Response.json({ scenes }, { headers: { "Cache-Control": "no-store" } });
});
