const KEY = 'lf:annotator';

/** The annotator's chosen name (no login yet), kept in this browser. */
export const annotatorName = (): string | null => localStorage.getItem(KEY);

export const setAnnotatorName = (name: string) => localStorage.setItem(KEY, name.trim());

/** A client-generated idempotency key for one submission. */
export const newRequestId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
