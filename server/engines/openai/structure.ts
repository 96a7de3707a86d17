import "server-only";
/**
 * Structure stage of the openai engine: the prompt, or the image (resized with sharp to at most 1024 px on its
 * longest side, sent as a base64 PNG data URL to the vision model), becomes a StructureSpec through a
 * structured-output answer (StructureWire) converted and normalised here (canonical categories, ids
 * `<category>-<n>`, supports, sizes, relations, openings; image boxes -> footprints and approximate centers).
 */
import sharp from "sharp";
import {
  Attributes,
  Category,
  HexColor,
  RelationType,
  StructureSpec,
  type Footprint,
  type ObjectSpec,
  type Opening,
  type Relation,
} from "../../../lib/scene/schema";
import { colorHex } from "../../../lib/text/colors";
import { canonicalCategory, categoryInfo } from "../../../lib/vocab";
import type { Provider, UserContent } from "../../llm/provider";
import { UsageMeter } from "../../llm/usage";
import type { StageContext, StructureInput } from "../types";
import { callOptions, usageNote } from "./context";
import { loadPrompt } from "./prompts";
import { StructureWire } from "./schemas";

/** Longest side (px) of images sent to the vision model. */
export const MAX_IMAGE_SIDE_PX = 1024;

/** Reads an image, applies EXIF orientation, fits it inside 1024 x 1024 px and returns a PNG data URL with its size (px). */
export async function imageDataUrl(file: string): Promise<{ dataUrl: string; widthPx: number; heightPx: number }> {
  const { data, info } = await sharp(file)
    .rotate()
    .resize({ width: MAX_IMAGE_SIDE_PX, height: MAX_IMAGE_SIDE_PX, fit: "inside", withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { dataUrl: `data:image/png;base64,${data.toString("base64")}`, widthPx: info.width, heightPx: info.height };
}

const num = (v: number | null | undefined, fallback: number) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : fallback);

function safeCategory(raw: string): string {
  const c = canonicalCategory(raw);
  return Category.safeParse(c).success ? c : "box";
}

/** Converts the model's structure answer into a StructureSpec; `image` scales boxPx (sent size -> original size). */
export function toStructureSpec(
  wire: StructureWire,
  input: StructureInput,
  sent: { widthPx: number; heightPx: number } | null,
): StructureSpec {
  const dims = input.image?.roomDims ?? null;
  const roomSize = {
    w: dims?.w ?? num(wire.roomSize.w, 4),
    d: dims?.d ?? num(wire.roomSize.d, 4),
    h: num(wire.roomSize.h, 2.7),
  };
  const counters = new Map<string, number>();
  const idMap = new Map<string, string>();
  const categories = wire.objects.map((o) => safeCategory(o.category));
  wire.objects.forEach((o, i) => {
    const cat = categories[i];
    const n = (counters.get(cat) ?? 0) + 1;
    counters.set(cat, n);
    idMap.set(o.id, `${cat}-${n}`);
  });
  const footprints: Footprint[] = [];
  const objects: ObjectSpec[] = wire.objects.map((o, i) => {
    const cat = categories[i];
    const id = idMap.get(o.id)!;
    const info = categoryInfo(cat);
    let support: ObjectSpec["support"] = info.support;
    if (o.support === "floor" || o.support === "wall" || o.support === "ceiling") support = o.support;
    else if (o.support.startsWith("on:") && idMap.has(o.support.slice(3)) && idMap.get(o.support.slice(3)) !== id) {
      support = `on:${idMap.get(o.support.slice(3))}`;
    }
    const color = o.colorHex && HexColor.safeParse(o.colorHex).success ? o.colorHex.toLowerCase() : o.colorName ? colorHex(o.colorName) : null;
    let approxCenter: [number, number] | null = o.center ? [o.center.x, o.center.y] : null;
    let footprintId: string | null = null;
    let size = o.size ? { w: num(o.size.w, info.defaultSize.w), d: num(o.size.d, info.defaultSize.d), h: num(o.size.h, info.defaultSize.h) } : info.defaultSize;
    if (input.image && sent && o.boxPx && o.boxPx.w > 0 && o.boxPx.h > 0) {
      const sx = input.image.widthPx / sent.widthPx;
      const sy = input.image.heightPx / sent.heightPx;
      const boxPx = { x: o.boxPx.x * sx, y: o.boxPx.y * sy, w: o.boxPx.w * sx, h: o.boxPx.h * sy };
      // The image is taken to span the room: pixels map linearly onto roomSize, image up = +Y.
      const mx = roomSize.w / input.image.widthPx;
      const my = roomSize.d / input.image.heightPx;
      const boxM = { x: (boxPx.x + boxPx.w / 2) * mx - roomSize.w / 2, y: roomSize.d / 2 - (boxPx.y + boxPx.h / 2) * my, w: boxPx.w * mx, d: boxPx.h * my };
      approxCenter ??= [boxM.x, boxM.y];
      footprintId = `fp-${i + 1}`;
      if (!o.size) size = { w: boxM.w, d: boxM.d, h: info.defaultSize.h };
      footprints.push({ id: footprintId, category: cat, confidence: Math.min(1, Math.max(0, o.confidence ?? 0.5)), boxPx, boxM, zone: null, reason: "vision model" });
    }
    return {
      id,
      category: cat,
      name: o.name.trim() || cat.replace(/_/g, " "),
      description: o.description,
      attributes: Attributes.parse({ color, colorName: o.colorName, material: o.material, style: [], tags: [] }),
      targetSize: size,
      support,
      footprintId,
      zone: null,
      approxCenter,
      approxYawDeg: typeof o.yawDeg === "number" && Number.isFinite(o.yawDeg) ? o.yawDeg : null,
    };
  });
  const archAnchors = new Set(["wall", "room", "door", "window"]);
  const relations: Relation[] = [];
  for (const r of wire.relations) {
    const type = RelationType.safeParse(r.type);
    const subject = idMap.get(r.subject);
    const anchor = idMap.get(r.anchor) ?? (archAnchors.has(r.anchor) ? r.anchor : null);
    if (!type.success || !subject || !anchor) continue;
    const anchor2 = r.anchor2 ? idMap.get(r.anchor2) : undefined;
    relations.push({ type: type.data, subject, anchor: anchor as Relation["anchor"], ...(anchor2 ? { anchor2 } : {}) });
  }
  const kinds = { door: 0, window: 0 };
  const openings: Opening[] = wire.openings
    .filter((o) => o.width > 0 && o.height > 0 && Number.isInteger(o.wall) && o.wall >= 0 && o.wall <= 3)
    .map((o) => ({ id: `${o.kind}-${++kinds[o.kind]}`, kind: o.kind, wall: o.wall, offset: Math.max(0, o.offset), width: o.width, height: o.height, sill: Math.max(0, o.sill) }));
  return StructureSpec.parse({
    roomType: wire.roomType.trim() || "room",
    roomSize,
    footprint: null,
    openings,
    objects,
    relations,
    negations: wire.negations,
    zones: [],
    footprints,
    style: wire.style,
    notes: wire.notes,
  });
}

/** Runs the structure stage through the model; throws AppError `model_error` when the model fails or refuses. */
export async function structureStage(provider: Provider, ctx: StageContext, input: StructureInput): Promise<StructureSpec> {
  const meter = new UsageMeter();
  const prompt = loadPrompt("structure");
  let user: UserContent;
  let sent: { widthPx: number; heightPx: number } | null = null;
  if (input.image) {
    const img = await imageDataUrl(input.image.path);
    sent = { widthPx: img.widthPx, heightPx: img.heightPx };
    const dims = input.image.roomDims ? `The room measures ${input.image.roomDims.w} m (east-west) by ${input.image.roomDims.d} m (north-south).` : "The room size is not given: estimate it.";
    user = [
      {
        type: "text",
        text: `input: image\nA top-down view of a room, ${img.widthPx} x ${img.heightPx} px (boxPx in these pixels). ${dims}${input.prompt ? `\nThe designer adds: ${input.prompt}` : ""}`,
      },
      { type: "image", dataUrl: img.dataUrl },
    ];
  } else {
    user = `input: prompt\n${input.prompt ?? ""}`;
  }
  const wire = await provider.json(
    { system: prompt.text, user, schema: StructureWire, schemaName: "room_structure" },
    callOptions(ctx, "structure", meter, { vision: Boolean(input.image) }),
  );
  const spec = toStructureSpec(wire, input, sent);
  ctx.note(usageNote("", [prompt.version], meter));
  ctx.note(`${spec.objects.length} objects, ${spec.relations.length} relations, ${spec.openings.length} openings`);
  return spec;
}
