import type {
  AgreementReport,
  AnnotationView,
  AuditEventView,
  AuditPage,
  GuidelineVersionView,
  GuidelinesResponse,
  ItemDetail,
  ItemPage,
  ItemView,
  LabelErrorRun,
  LabelView,
  ModelSuggestion,
  ProjectDetail,
  ProjectSummary,
  QueueNextResponse,
  QueueProgress,
  QueueSettings,
  QueueSkipResult,
  RenewResult,
  SignInOptions,
  QueueStatus,
  SuspectedLabelError,
  TaxonomyVersionView,
} from './schema';
import type { SendOutcome, Submission } from '../submissions';
import { requestHeaders, signedOut, type SessionUser } from '../session';
import type { Counts } from '../counts';
import type { TaskType } from '../taskTypes';

// The API's types are generated from the server's OpenAPI document into ./schema (`npm run api`); these are the
// names the pages use for them, kept so that moving to the generated types changed no page.
export type { AgreementGroup, AgreementReport, GuidelineVersionView, LabelErrorRun, ProjectDetail, QueueItem, QueueSettings, QueueStatus } from './schema';
export type Project = ProjectSummary;
export type { TaskType } from '../taskTypes';
export type AuditEvent = AuditEventView;
export type AuditPageResult = AuditPage;
export type { AuditFilter } from '../auditLog';
export type Progress = QueueProgress;
export type Suggestion = ModelSuggestion;
export type Suspect = SuspectedLabelError;
export type TaxonomyVersion = TaxonomyVersionView;
export type ItemRow = ItemView;
export type AnnotationRow = AnnotationView;
/** A label as the pages need it: id, name and path, and the rest of the server's LabelView where it was sent. */
export type LabelInfo = Pick<LabelView, 'id' | 'name' | 'path'> & Partial<LabelView>;

/** Thrown for a non-2xx answer; `detail` is the ProblemDetails message, `problem` the whole body when it was JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly problem?: Record<string, unknown>,
  ) {
    super(`${status}: ${detail}`);
  }
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: requestHeaders(method, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && url !== '/api/session') signedOut();
  if (!response.ok) {
    let detail = response.statusText;
    let problem: Record<string, unknown> | undefined;
    try {
      problem = await response.json();
      detail = String(problem?.detail ?? problem?.title ?? detail);
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(response.status, detail, problem);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** Signing in and out; the session's user is the annotator of every label this browser sends. */
export const sessionApi = {
  session: () => call<SessionUser>('GET', '/api/session'),
  signIn: (name: string, password: string) => call<SessionUser>('POST', '/api/session', { name, password }),
  signOut: () => call<void>('DELETE', '/api/session'),
  setPassword: (password: string) => call<SessionUser>('PUT', '/api/session/password', { password }),
  options: () => call<SignInOptions>('GET', '/api/sign-in-options'),
};

/** The audit log (admins): `query` is what `auditQuery` builds. */
export const auditApi = {
  list: (query: string) => call<AuditPage>('GET', `/api/audit-log?${query}`),
};

export const api = {
  projects: () => call<Project[]>('GET', '/api/projects'),
  project: (id: number) => call<ProjectDetail>('GET', `/api/projects/${id}`),
  /** Creates a project of one task type (text-classification unless given); multi-label is for whole-item labels only. */
  createProject: (name: string, labels: string[], multiLabel: boolean, taskType: TaskType = 'text-classification') =>
    call<Project>('POST', '/api/projects', { name, labels, multi_label: multiLabel, task_type: taskType }),
  labels: (id: number) => call<LabelView[]>('GET', `/api/projects/${id}/labels`),
  next: (id: number, annotator: string, count: number, exclude: number[]) =>
    call<QueueNextResponse>('POST', `/api/projects/${id}/queue/next`, { annotator, count, exclude }),
  renew: (id: number, annotator: string, itemIds: number[]) => call<RenewResult>('POST', `/api/projects/${id}/queue/renew`, { annotator, item_ids: itemIds }),
  release: (id: number, annotator: string, itemIds: number[]) => call<void>('POST', `/api/projects/${id}/queue/release`, { annotator, item_ids: itemIds }),
  /** Gives the items back and keeps them from this annotator (others still get them). */
  skip: (id: number, annotator: string, itemIds: number[]) => call<QueueSkipResult>('POST', `/api/projects/${id}/queue/skip`, { annotator, item_ids: itemIds }),
  /** Brings back every item this annotator skipped. */
  unskip: (id: number, annotator: string) => call<QueueSkipResult>('DELETE', `/api/projects/${id}/queue/skips?annotator=${encodeURIComponent(annotator)}`),
  progress: (id: number, annotator: string) => call<Progress>('GET', `/api/projects/${id}/queue/progress?annotator=${encodeURIComponent(annotator)}`),
  /** Totals, items per label and per annotator, from the project's maintained counts. */
  counts: (id: number) => call<Counts>('GET', `/api/projects/${id}/counts`),
};

/** Sends one queued submission; tells the queue whether to drop it, retry it or report it as failed. */
export async function sendSubmission(s: Submission): Promise<SendOutcome | { fail: string }> {
  try {
    await call('POST', `/api/projects/${s.project_id}/annotations`, {
      item_id: s.item_id,
      author: s.author,
      ...(s.spans ? { spans: s.spans } : s.objects ? { objects: s.objects } : { label_ids: s.label_ids }),
      time_spent_ms: s.time_spent_ms,
      request_id: s.request_id,
      suggestion_annotation_id: s.suggestion_annotation_id ?? null,
    });
    return 'ok';
  } catch (e) {
    if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) return { fail: e.detail };
    return 'retry';
  }
}

export const setupApi = {
  history: (id: number) => call<TaxonomyVersion[]>('GET', `/api/projects/${id}/taxonomy/history`),
  addLabel: (id: number, name: string, parent: string | null, description: string | null, hotkey: string | null) =>
    call<LabelInfo>('POST', `/api/projects/${id}/labels`, { name, parent, description, hotkey }),
  editLabel: (id: number, label: string, body: { name?: string; description?: string; hotkey?: string; color?: string }) =>
    call<LabelInfo>('PATCH', `/api/projects/${id}/labels/${encodeURIComponent(label)}`, body),
  move: (id: number, label: string, parent: string | null) =>
    call<LabelInfo>('POST', `/api/projects/${id}/labels/${encodeURIComponent(label)}/move`, { parent }),
  deprecate: (id: number, label: string) => call<LabelInfo>('POST', `/api/projects/${id}/labels/${encodeURIComponent(label)}/deprecate`, {}),
  merge: (id: number, sources: string[], target: string) => call<unknown>('POST', `/api/projects/${id}/taxonomy/merge`, { sources, target }),
  split: (id: number, source: string, targets: string[]) => call<unknown>('POST', `/api/projects/${id}/taxonomy/split`, { source, targets }),
  saveGuidelines: (id: number, markdown: string) => call<GuidelinesResponse>('PUT', `/api/projects/${id}/guidelines`, { markdown }),
  guidelineVersions: (id: number) => call<GuidelineVersionView[]>('GET', `/api/projects/${id}/guidelines/versions`),
  guidelineVersion: (id: number, version: number) => call<GuidelineVersionView>('GET', `/api/projects/${id}/guidelines/versions/${version}`),
  items: (id: number, query: URLSearchParams) => call<ItemPage>('GET', `/api/projects/${id}/items?${query}`),
  item: (id: number, itemId: number) => call<ItemDetail>('GET', `/api/projects/${id}/items/${itemId}`),
};

export const reviewApi = {
  state: (id: number) => call<LabelErrorRun>('GET', `/api/projects/${id}/label-errors`),
  run: (id: number) => call<LabelErrorRun>('POST', `/api/projects/${id}/label-errors/run`, {}),
  review: (id: number, s: Suspect, reviewer: string, labelIds: number[] | null, requestId: string) =>
    call<{ decision: string }>('POST', `/api/projects/${id}/label-errors/reviews`, {
      item_id: s.item_id,
      annotation_id: s.given_annotation_id,
      reviewer,
      label_ids: labelIds,
      request_id: requestId,
    }),
};

export const agreementApi = {
  report: (id: number, metric: string, by: string) =>
    call<AgreementReport>('GET', `/api/projects/${id}/agreement?metric=${encodeURIComponent(metric)}&by=${encodeURIComponent(by)}`),
};

export const queueApi = {
  status: (id: number) => call<QueueStatus>('GET', `/api/projects/${id}/queue/status`),
  settings: (id: number) => call<QueueSettings>('GET', `/api/projects/${id}/queue/settings`),
  setStrategy: (id: number, strategy: string) => call<QueueSettings>('PUT', `/api/projects/${id}/queue/settings`, { strategy }),
};
