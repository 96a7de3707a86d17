/** Download file names from the scene title (kebab-case, at most 60 characters, "scene" when empty), as the server's downloadName. */
export function fileBase(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "scene";
}
