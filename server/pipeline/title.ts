import "server-only";
/** Scene titles from prompts: the first clause, without a leading article, capitalised, at most 60 characters. */

const MAX = 60;

/** Title for a prompt, e.g. "A cozy bedroom with a queen bed. ..." -> "Cozy bedroom with a queen bed"; "Untitled room" when empty. */
export function titleFromPrompt(prompt: string): string {
  const flat = prompt.replace(/\s+/g, " ").trim();
  let first = (flat.split(/(?<=[.!?;])\s|\n/)[0] ?? "").replace(/[.!?;:,]+$/, "").trim();
  first = first.replace(/^(?:please\s+)?(?:(?:create|make|generate|design|build)\s+)?(?:(?:a|an|the)\s+)?/i, "").trim();
  if (!first) return "Untitled room";
  if (first.length > MAX) {
    const cut = first.slice(0, MAX);
    const space = cut.lastIndexOf(" ");
    first = `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, "")}…`;
  }
  return first.charAt(0).toUpperCase() + first.slice(1);
}

/** Title for an image scene: its prompt's title when given, else "Room from image". */
export function titleFromImage(prompt: string | null): string {
  return prompt && prompt.trim() ? titleFromPrompt(prompt) : "Room from image";
}
