import "server-only";
/**
 * The object library: every program family (lib/vocab FAMILIES) with its variants (lib/vocab VARIANT_RULES), each a
 * ready program from the offline engine's own templates at the family's default size, and a thumbnail rendered by
 * that program (a small Cycles render through the runner, cached under `<dataDir>/library/`).
 */
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../lib/errors";
import type { Attributes, Size3 } from "../../lib/scene/schema";
import { categoryInfo, FAMILIES, VARIANT_RULES, variantSize, type Family } from "../../lib/vocab";
import { config } from "../config";
import { programForFamily } from "../engines/offline/code";
import { hasTemplate } from "../engines/offline/code/library";
import { getRunner } from "../runner";

/** One library entry: family, variant word ("default" for the plain one), label, program, size (m) and support. */
export interface LibraryItem {
  key: string;
  family: Family;
  variant: string;
  label: string;
  source: string;
  targetSize: Size3;
  support: "floor" | "wall" | "ceiling";
  thumbnailUrl: string;
}

const NO_ATTRS: Attributes = { color: null, colorName: null, material: null, size: null, style: [], tags: [] };
const words = (s: string) => s.replace(/_/g, " ");

let cached: LibraryItem[] | null = null;

/** Every family with its variants (families without a template or that need a blueprint are left out). */
export function listLibrary(): LibraryItem[] {
  if (cached) return cached;
  const out: LibraryItem[] = [];
  for (const family of FAMILIES) {
    if (family === "composed" || !hasTemplate(family)) continue;
    const info = categoryInfo(family);
    const support = info.support === "wall" || info.support === "ceiling" ? info.support : "floor";
    const variants = ["default", ...new Set(VARIANT_RULES.filter((r) => r.families.includes(family) && r.words.length).map((r) => r.words[0]))];
    for (const v of variants) {
      const tags = v === "default" ? [] : [v];
      const targetSize = variantSize(family, tags, info.defaultSize);
      const g = programForFamily(family, { id: `${family}-1`, category: family, targetSize, attributes: { ...NO_ATTRS, tags }, description: v === "default" ? words(family) : `${words(v)} ${words(family)}` });
      const key = `${family}.${v}`;
      out.push({ key, family, variant: v, label: v === "default" ? words(family) : words(v), source: g.source, targetSize, support, thumbnailUrl: `/api/library/${encodeURIComponent(key)}/thumb.png` });
    }
  }
  cached = out;
  return out;
}

const inflight = new Map<string, Promise<string>>();

/** Path of an item's thumbnail PNG, rendering it first when missing. Throws `not_found` for an unknown key, `build_failed` when it does not render. */
export async function libraryThumb(key: string): Promise<string> {
  const item = listLibrary().find((i) => i.key === key);
  if (!item) throw new AppError("not_found", "No such library item.");
  const file = path.join(config().dataDir, "library", `${key}.png`);
  if (fs.existsSync(file)) return file;
  let p = inflight.get(key);
  if (!p) {
    p = renderThumb(item, file).finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

async function renderThumb(item: LibraryItem, file: string): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { w, d, h } = item.targetSize;
  const r = Math.max(w, d, h);
  const res = await getRunner().renderScene({
    scope: "library",
    roomSource: null,
    objects: [{ objectId: item.key.replace(/\./g, "-"), category: item.family, source: item.source, placement: { x: 0, y: 0, z: 0, yawDeg: 0 } }],
    lights: [],
    camera: { position: [r * 1.3, -r * 1.9, h * 0.5 + r * 1.2], target: [0, 0, h * 0.45], fovDeg: 32 },
    widthPx: 192,
    heightPx: 144,
    samples: 12,
    threads: 1,
    outPng: `${file}.tmp.png`,
  });
  if (!res.ok) throw new AppError("build_failed", `The ${item.label} thumbnail did not render: ${res.error.type}: ${res.error.message}`);
  fs.renameSync(`${file}.tmp.png`, file);
  return file;
}
