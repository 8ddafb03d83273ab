import type { SessionInfo } from './api/schema';

/**
 * The browser's session: the signed-in user and the CSRF token that every write signed in by the session cookie
 * must carry (the server hands it out with the session). A 401 from any call means the session ended; listeners
 * (the app) then show the sign-in page.
 */
/** The signed-in user as GET /api/session answers (name, role, has_password, csrf_token). */
export type SessionUser = SessionInfo;

export const CSRF_HEADER = 'X-CSRF-Token';

let current: SessionUser | null = null;
const signedOutListeners = new Set<() => void>();

export const currentUser = (): SessionUser | null => current;

export function setSession(user: SessionUser | null): void {
  current = user;
}

export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export function signedOut(): void {
  current = null;
  for (const listener of signedOutListeners) listener();
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The headers a request needs: JSON content type with a body, and the CSRF token on a write. */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = hasBody ? { 'content-type': 'application/json' } : {};
  if (!SAFE.has(method.toUpperCase()) && current) headers[CSRF_HEADER] = current.csrf_token;
  return headers;
}
