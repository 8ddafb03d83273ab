/** The audit log page's logic: the actions the server records and the query string a filter makes. */

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'user-created',
  'user-role-changed',
  'password-changed',
  'member-set',
  'member-removed',
  'token-created',
  'token-revoked',
  'export',
  'erasure',
  'labeling-function-set-saved',
  'project-created',
  'project-deleted',
  'guidelines-changed',
  'queue-settings-changed',
  'pii-settings-changed',
] as const;

export interface AuditFilter {
  action?: string;
  actor?: string;
  projectId?: string;
  /** A date (YYYY-MM-DD), read as the start of that day in UTC. */
  since?: string;
}

export function auditQuery(filter: AuditFilter, page: number, pageSize: number): string {
  const params = new URLSearchParams();
  if (filter.action) params.set('action', filter.action);
  if (filter.actor?.trim()) params.set('actor', filter.actor.trim());
  if (filter.projectId?.trim()) params.set('project_id', filter.projectId.trim());
  if (filter.since) params.set('since', `${filter.since}T00:00:00Z`);
  params.set('page', String(page));
  params.set('page_size', String(pageSize));
  return params.toString();
}

/** Details as `key: value` pairs on one line (nested values as JSON). */
export function detailsText(details: unknown): string {
  if (details === null || details === undefined || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}
