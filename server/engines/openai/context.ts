import "server-only";
/**
 * Shared pieces of the openai engine's stages: call options that feed usage into the stage context and a
 * per-stage meter, the object brief sent in user messages, and the stage-output note.
 */
import type { Scene, SceneObject } from "../../../lib/scene/schema";
import type { CallOptions } from "../../llm/provider";
import { UsageMeter } from "../../llm/usage";
import type { StageContext } from "../types";

/** Call options for one stage: cancellation from `ctx.signal`, usage into `ctx.usage` and `meter`. */
export function callOptions(ctx: StageContext, stage: string, meter: UsageMeter, extra: Partial<CallOptions> = {}): CallOptions {
  return {
    stage,
    signal: ctx.signal,
    onUsage: (u) => {
      meter.add(u);
      ctx.usage?.(u);
    },
    ...extra,
  };
}

/** Note for the stage output: prompt versions and token/cost summary. */
export function usageNote(prefix: string, versions: string[], meter: UsageMeter): string {
  return `${prefix}prompt ${versions.join(", ")}; ${meter.summary()}`;
}

/** Object brief used by object-level prompts (the first two lines key the fixture server's recordings). */
export function objectBrief(obj: Pick<SceneObject, "id" | "category" | "name" | "description" | "targetSize" | "attributes"> & { route?: string }): string {
  const s = obj.targetSize;
  return [
    `object_id: ${obj.id}`,
    `category: ${obj.category}`,
    `name: ${obj.name}`,
    `description: ${obj.description}`,
    `target_size_m: w=${s.w} d=${s.d} h=${s.h}`,
    `attributes: ${JSON.stringify(obj.attributes)}`,
    ...(obj.route ? [`route: ${obj.route}`] : []),
  ].join("\n");
}

/** A short room summary (type, size, style, object list) for object-level prompts. */
export function roomBrief(scene: Scene): string {
  const st = scene.structure;
  const size = st ? `${st.roomSize.w} x ${st.roomSize.d} m, walls ${st.roomSize.h} m` : "unknown size";
  const names = scene.objects.map((o) => `${o.id} (${o.category})`).join(", ");
  return `room: ${st?.roomType ?? "room"}, ${size}; style: ${(st?.style ?? []).join(", ") || "none"}; objects: ${names}`;
}

/** Wraps `onText` so that it is called at most every `ms` milliseconds, plus once with the final text via `flush`. */
export function throttle(onText: ((t: string) => void) | undefined, ms = 100): { push(t: string): void; flush(t: string): void } {
  let last = 0;
  let sent = "";
  return {
    push(t) {
      const now = Date.now();
      if (onText && t !== "" && now - last >= ms) {
        last = now;
        sent = t;
        onText(t);
      }
    },
    flush(t) {
      if (onText && t !== sent) onText(t);
    },
  };
}
