import "server-only";
/**
 * Who makes a request: the user id that the route guard attached to the Request. In shared-token mode (and with
 * authentication off on loopback) every caller is the one designer, SHARED_USER_ID.
 */

/** User id of the single designer (shared-token mode, or no authentication on loopback). */
export const SHARED_USER_ID = "designer";

const users = new WeakMap<Request, string>();

/** Record the authenticated user of a request (called by the route guard). */
export function setRequestUser(req: Request, userId: string): void {
  users.set(req, userId);
}

/** The authenticated user of a request; SHARED_USER_ID when the guard did not run (server-internal callers). */
export function requestUser(req: Request): string {
  return users.get(req) ?? SHARED_USER_ID;
}
