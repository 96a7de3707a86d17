import "server-only";
/**
 * Prompt files of the openai engine (`server/engines/openai/prompts/*.md`), read at runtime from disk. Each file
 * starts with a `version: <name>@<n>` line, recorded in the stage output; `{{var}}` placeholders are filled in.
 * The folder is resolved from `process.cwd()` (the repo root under `next dev`, `next start` and vitest), since
 * Next.js bundles server code and `__dirname` does not point into the source tree; `ROOMCODE_PROMPTS_DIR` overrides it.
 */
import fs from "node:fs";
import path from "node:path";
import type { Route } from "../../../lib/scene/schema";

/** A loaded prompt: its file name (without `.md`), version string and text with placeholders filled. */
export interface Prompt {
  name: string;
  version: string;
  text: string;
}

const REL = path.join("server", "engines", "openai", "prompts");
const cache = new Map<string, { version: string; body: string }>();

/** Absolute folder of the prompt files; throws an Error tagged `engine:` when it cannot be found. */
export function promptsDir(): string {
  const candidates = [process.env.ROOMCODE_PROMPTS_DIR, path.join(process.cwd(), REL), path.join(process.cwd(), "..", REL)];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, "code.md"))) return path.resolve(c);
  throw new Error(`engine: prompt folder ${REL} not found from ${process.cwd()} (set ROOMCODE_PROMPTS_DIR)`);
}

function readRaw(name: string): { version: string; body: string } {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = path.join(promptsDir(), `${name}.md`);
  const raw = fs.readFileSync(file, "utf8");
  const nl = raw.indexOf("\n");
  const m = /^version:\s*(\S+)\s*$/.exec(raw.slice(0, nl < 0 ? raw.length : nl));
  if (!m) throw new Error(`engine: prompt ${name}.md has no version line`);
  const entry = { version: m[1], body: raw.slice(nl + 1).trim() };
  cache.set(name, entry);
  return entry;
}

/** Loads prompt `name` and fills `{{key}}` placeholders from `vars` (unknown placeholders are left as-is). */
export function loadPrompt(name: string, vars: Record<string, string> = {}): Prompt {
  const { version, body } = readRaw(name);
  const text = body.replace(/\{\{(\w+)\}\}/g, (all, k: string) => (k in vars ? vars[k] : all));
  return { name, version, text };
}

/** The route-specific guidance section of `code-routes.md` for `route` (empty string if the section is missing). */
export function routeGuidance(route: Route): { version: string; text: string } {
  const { version, body } = readRaw("code-routes");
  const sections = body.split(/^## /m).slice(1);
  const hit = sections.find((s) => s.startsWith(`${route}\n`));
  return { version, text: hit ? hit.slice(route.length + 1).trim() : "" };
}
