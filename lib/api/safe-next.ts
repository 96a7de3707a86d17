/** Where to go after signing in: `next` when it is a path on this site (not `//host` or `/\host`), else `/`. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
