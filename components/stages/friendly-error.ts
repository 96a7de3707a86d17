/** Plain-language wording of build errors for designers; the technical detail is shown folded beside it. */
import type { BuildError } from "@/lib/scene";

/** One sentence a designer can act on, from a runner build error. */
export function friendlyBuildError(e: BuildError): string {
  if (e.rule || e.type === "PolicyError" || e.type === "policy") return "The program uses something not allowed in the sandbox (for example a file or network access).";
  if (e.type === "Timeout" || /timed? ?out/i.test(e.message)) return "Building this object took too long and was stopped.";
  if (e.type === "SyntaxError" || e.type === "IndentationError") return `The program has a typing mistake${e.line ? ` on line ${e.line}` : ""}.`;
  if (/size|bbox|bounding/i.test(e.message)) return "The object came out at the wrong size.";
  return `The object could not be built${e.line ? ` (problem on line ${e.line})` : ""}.`;
}

/** Plain-language wording of a scene-level failure message. */
export function friendlySceneError(message: string): string {
  if (/blender/i.test(message) && /(missing|not found)/i.test(message)) return "Blender is not installed on the server, so objects cannot be built.";
  if (/model|openai|api key/i.test(message)) return "The language model could not be reached.";
  return "Generation stopped because of an error.";
}
