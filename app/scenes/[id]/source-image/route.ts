/** GET /scenes/:id/source-image: the uploaded top-down image of an image scene (as stored, EXIF orientation applied), for the review step. */
import { AppError } from "@/lib/errors";
import { fileResponse, getScene, handle } from "@/server/pipeline";
import { ArtifactKeys, getStore } from "@/server/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp" };

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const scene = getScene(id);
  if (scene.source.kind !== "image") throw new AppError("not_found", "This scene was not made from an image.");
  const file = getStore().localFile(id, ArtifactKeys.sceneFile(scene.source.imageFile), "image");
  const ext = file.split(".").pop()?.toLowerCase() ?? "";
  return fileResponse(file, TYPES[ext] ?? "application/octet-stream", { "Cache-Control": "private, max-age=3600" });
});
