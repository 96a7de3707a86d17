import "server-only";
/**
 * Pulling JSON and Python out of model text: fenced blocks are preferred, surrounding chatter ignored.
 */
import type { z } from "zod";
import { err, ok, type Result } from "../../lib/errors";

const FENCE = /```([a-zA-Z0-9_+-]*)[ \t]*\r?\n([\s\S]*?)```/g;

/** Python source from a model answer: the longest ```python (or unlabelled) fenced block, else the whole text trimmed. */
export function extractPython(text: string): string {
  const blocks = [...text.matchAll(FENCE)].filter((m) => m[1] === "" || /^py(thon)?3?$/i.test(m[1]));
  if (blocks.length === 0) {
    // An unterminated fence (truncated answer): drop the opening line.
    const open = text.match(/```[a-zA-Z0-9_+-]*[ \t]*\r?\n([\s\S]*)$/);
    return `${(open ? open[1] : text).trim()}\n`;
  }
  const best = blocks.reduce((a, b) => (b[2].length > a[2].length ? b : a));
  return `${best[2].trim()}\n`;
}

/** Parses JSON from model text (a ```json block, or the outermost {...}); error message says why not. */
export function parseJsonText(text: string): Result<unknown, string> {
  const fenced = [...text.matchAll(FENCE)].find((m) => m[1] === "" || /^json$/i.test(m[1]));
  let candidate = fenced ? fenced[2] : text;
  const start = candidate.indexOf("{");
  const end = candidate.lastIndexOf("}");
  if (!fenced && start >= 0 && end > start) candidate = candidate.slice(start, end + 1);
  try {
    return ok(JSON.parse(candidate));
  } catch (e) {
    return err(`the answer is not valid JSON (${(e as Error).message})`);
  }
}

/** Validates JSON text against a zod schema; the error lists the first issues as `path: message`. */
export function parseWith<T>(schema: z.ZodType<T>, text: string): Result<T, string> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues
    .slice(0, 8)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
  return err(`the JSON does not match the schema (${issues})`);
}
