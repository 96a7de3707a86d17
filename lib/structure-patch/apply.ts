/**
 * applyStructurePatch: pure application of a StructurePatch to a StructureSpec. Footprint boxes in meters
 * follow from the pixel boxes through the spec's image frame; objects and relations are regenerated from
 * the footprints so ids, sizes and centers stay consistent.
 */
import { err, ok, type Result } from "../errors";
import type { Footprint, StructureSpec } from "../scene/schema";
import { boxPxToM, regenerateObjects, type BoxPx, type ImageFrame } from "./objects";
import type { StructurePatch } from "./schema";

/** The spec's image frame, or one derived from its first footprint (boxPx <-> boxM), or null. */
export function frameOf(spec: StructureSpec): ImageFrame | null {
  if (spec.imageFrame) return { originPx: [...spec.imageFrame.originPx], metersPerPx: [...spec.imageFrame.metersPerPx] };
  const fp = spec.footprints[0];
  if (!fp) return null;
  const mx = fp.boxM.w / fp.boxPx.w;
  const my = fp.boxM.d / fp.boxPx.h;
  return { originPx: [fp.boxPx.x + fp.boxPx.w / 2 - fp.boxM.x / mx, fp.boxPx.y + fp.boxPx.h / 2 + fp.boxM.y / my], metersPerPx: [mx, my] };
}

function clip(b: BoxPx, image: { widthPx: number; heightPx: number }): BoxPx | null {
  const x0 = Math.max(0, Math.min(image.widthPx, b.x));
  const y0 = Math.max(0, Math.min(image.heightPx, b.y));
  const x1 = Math.max(0, Math.min(image.widthPx, b.x + b.w));
  const y1 = Math.max(0, Math.min(image.heightPx, b.y + b.h));
  return x1 - x0 >= 1 && y1 - y0 >= 1 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

function nextId(fps: Footprint[]): string {
  let n = 0;
  for (const f of fps) {
    const m = /^fp-(\d+)$/.exec(f.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `fp-${n + 1}`;
}

type RoomPart = Pick<StructureSpec, "roomSize" | "footprint" | "zones" | "openings">;

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Room size, outline, zones and openings stretched by kx along x and ky along y (wall height unchanged; openings by the mean). */
function scaleRoom(room: RoomPart, kx: number, ky: number): RoomPart {
  const k = (kx + ky) / 2;
  return {
    roomSize: { ...room.roomSize, w: r3(room.roomSize.w * kx), d: r3(room.roomSize.d * ky) },
    footprint: room.footprint ? room.footprint.map(([x, y]) => [r3(x * kx), r3(y * ky)] as [number, number]) : null,
    zones: room.zones.map((z) => ({ ...z, box: { x: r3(z.box.x * kx), y: r3(z.box.y * ky), w: r3(z.box.w * kx), d: r3(z.box.d * ky) } })),
    openings: room.openings.map((o) => ({ ...o, offset: r3(o.offset * k), width: r3(o.width * k) })),
  };
}

/** Zone id whose box contains the center (m), or null. */
function zoneAt(spec: Pick<StructureSpec, "zones">, x: number, y: number): string | null {
  const z = spec.zones.find((z) => Math.abs(x - z.box.x) <= z.box.w / 2 && Math.abs(y - z.box.y) <= z.box.d / 2);
  return z?.id ?? null;
}

/**
 * Apply `patch` to `spec` (ops in order). Errors (as strings) for an unknown footprint id, a box outside the
 * image ({widthPx, heightPx}), or a spec without footprints or image frame when adding. Never mutates `spec`.
 */
export function applyStructurePatch(spec: StructureSpec, patch: StructurePatch, image: { widthPx: number; heightPx: number }): Result<StructureSpec, string> {
  let frame = frameOf(spec);
  let scaled = false;
  let room: RoomPart = { roomSize: spec.roomSize, footprint: spec.footprint, zones: spec.zones, openings: spec.openings };
  let fps: Footprint[] = spec.footprints.map((f) => ({ ...f, boxPx: { ...f.boxPx }, boxM: { ...f.boxM } }));
  const find = (id: string) => fps.findIndex((f) => f.id === id);
  for (const [i, op] of patch.ops.entries()) {
    const where = `op ${i + 1} (${op.op})`;
    switch (op.op) {
      case "relabel": {
        const k = find(op.footprintId);
        if (k < 0) return err(`${where}: no footprint ${op.footprintId}`);
        fps[k] = { ...fps[k], category: op.category, confidence: 1, reason: "set by the user" };
        break;
      }
      case "delete": {
        const k = find(op.footprintId);
        if (k < 0) return err(`${where}: no footprint ${op.footprintId}`);
        fps = fps.filter((_, j) => j !== k);
        break;
      }
      case "add":
      case "resize": {
        const box = clip(op.boxPx, image);
        if (!box) return err(`${where}: box lies outside the ${image.widthPx}x${image.heightPx} image`);
        if (!frame) return err(`${where}: the structure has no image frame to convert pixels to meters`);
        const boxM = boxPxToM(box, frame);
        if (op.op === "add") {
          fps.push({ id: nextId(fps), category: op.category, confidence: 1, boxPx: box, boxM, zone: zoneAt(room, boxM.x, boxM.y), reason: "added by the user" });
        } else {
          const k = find(op.footprintId);
          if (k < 0) return err(`${where}: no footprint ${op.footprintId}`);
          fps[k] = { ...fps[k], boxPx: box, boxM, zone: zoneAt(room, boxM.x, boxM.y) ?? fps[k].zone };
        }
        break;
      }
      case "rotate": {
        const k = find(op.footprintId);
        if (k < 0) return err(`${where}: no footprint ${op.footprintId}`);
        const yaw = ((((op.yawDeg + 180) % 360) + 360) % 360) - 180;
        fps[k] = { ...fps[k], yawDeg: Math.round(yaw * 10) / 10, yawFixed: true };
        break;
      }
      case "scale": {
        if (!frame) return err(`${where}: the structure has no image frame to convert pixels to meters`);
        const kx = op.metersPerPx / frame.metersPerPx[0];
        const ky = op.metersPerPx / frame.metersPerPx[1];
        frame = { originPx: frame.originPx, metersPerPx: [op.metersPerPx, op.metersPerPx] };
        const f = frame;
        fps = fps.map((fp) => ({ ...fp, boxM: boxPxToM(fp.boxPx, f) }));
        room = scaleRoom(room, kx, ky);
        scaled = true;
        break;
      }
      case "merge": {
        const idx = op.footprintIds.map(find);
        const missing = op.footprintIds.filter((_, j) => idx[j] < 0);
        if (missing.length) return err(`${where}: no footprint ${missing.join(", ")}`);
        if (new Set(op.footprintIds).size !== op.footprintIds.length) return err(`${where}: footprint ids repeat`);
        if (!frame) return err(`${where}: the structure has no image frame to convert pixels to meters`);
        const parts = idx.map((k) => fps[k]);
        const x0 = Math.min(...parts.map((p) => p.boxPx.x));
        const y0 = Math.min(...parts.map((p) => p.boxPx.y));
        const x1 = Math.max(...parts.map((p) => p.boxPx.x + p.boxPx.w));
        const y1 = Math.max(...parts.map((p) => p.boxPx.y + p.boxPx.h));
        const box = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
        const largest = [...parts].sort((a, b) => b.boxPx.w * b.boxPx.h - a.boxPx.w * a.boxPx.h)[0];
        const merged: Footprint = {
          id: largest.id,
          category: op.category ?? largest.category,
          confidence: op.category ? 1 : largest.confidence,
          boxPx: box,
          boxM: boxPxToM(box, frame),
          zone: largest.zone,
          reason: `merged from ${op.footprintIds.join(", ")}`,
        };
        const first = Math.min(...idx);
        fps = fps.flatMap((f, j) => (j === first ? [merged] : idx.includes(j) ? [] : [f]));
        break;
      }
    }
  }
  return ok(regenerateObjects({ ...spec, ...room, footprints: fps, imageFrame: scaled || !spec.imageFrame ? frame : spec.imageFrame }));
}

const human = (category: string) => category.replace(/_/g, " ");

/** Short label of a patch for the history list, naming footprints by category ("move bed", "relabel rug as carpet"). */
export function describePatch(spec: StructureSpec, patch: StructurePatch): string {
  const name = (id: string) => human(spec.footprints.find((f) => f.id === id)?.category ?? id);
  const parts = patch.ops.map((op) => {
    switch (op.op) {
      case "relabel":
        return `relabel ${name(op.footprintId)} as ${human(op.category)}`;
      case "delete":
        return `delete ${name(op.footprintId)}`;
      case "add":
        return `add ${human(op.category)}`;
      case "resize": {
        const f = spec.footprints.find((x) => x.id === op.footprintId);
        const moved = f && Math.round(f.boxPx.w) === Math.round(op.boxPx.w) && Math.round(f.boxPx.h) === Math.round(op.boxPx.h);
        return `${moved ? "move" : "resize"} ${name(op.footprintId)}`;
      }
      case "merge":
        return `merge ${op.footprintIds.map(name).join(" + ")}`;
      case "rotate":
        return `rotate ${name(op.footprintId)} to ${Math.round(op.yawDeg)}°`;
      case "scale":
        return `set the scale to ${(op.metersPerPx * 100).toFixed(2)} cm per pixel`;
    }
  });
  return parts.length > 3 ? `${parts.slice(0, 3).join(", ")} and ${parts.length - 3} more` : parts.join(", ");
}
