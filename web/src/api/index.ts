import type {
  AdjudicationPage,
  AdjudicationResult,
  AgreementOverview,
  AgreementReport,
  AnnotationView,
  AuditEventView,
  AuditPage,
  ConsensusRunView,
  ConsensusSettingsView,
  GuidelineVersionView,
  GuidelinesResponse,
  ItemDetail,
  ItemPage,
  ItemView,
  LabelErrorRun,
  LabelView,
  ModelSuggestion,
  PiiPreview,
  PiiReport,
  PiiSettingsView,
  ProjectDetail,
  ProjectSummary,
  QueueNextResponse,
  QueueProgress,
  QueueSettings,
  QueueSkipResult,
  QueueSettingsRequest,
  RenewResult,
  ScorecardReport,
  SignInOptions,
  QueueStatus,
  SuspectedLabelError,
  TaxonomyVersionView,
  UserSummary,
} from './schema';
import type { SendOutcome, Submission } from '../submissions';
import { requestHeaders, signedOut, type SessionUser } from '../session';
import type { Counts } from '../counts';
import type { TaskType } from '../taskTypes';

// The API's types are generated from the server's OpenAPI document into ./schema (`npm run api`); these are the
// names the pages use for them, kept so that moving to the generated types changed no page.
export type {
  AdjudicationAnswer,
  AdjudicationItem,
  AdjudicationPage,
  AgreementGroup,
  AgreementOverview,
  AgreementReport,
  AnnotatorScorecard,
  ConsensusSettingsView,
  ScorecardReport,
  GuidelineVersionView,
  LabelErrorRun,
  ProjectDetail,
  QueueItem,
  QueueSettings,
  QueueStatus,
} from './schema';
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
  /** The page's week, label and pair views with the overall value and alerts, from one read of the answers. */
  overview: (id: number, metric: string) => call<AgreementOverview>('GET', `/api/projects/${id}/agreement/overview?metric=${encodeURIComponent(metric)}`),
};

/** Team labeling for reviewers and managers: the adjudication queue, annotator scorecards, consensus runs and settings. */
export const teamApi = {
  adjudication: (id: number, order: string, pageSize: number) =>
    call<AdjudicationPage>('GET', `/api/projects/${id}/adjudication?order=${encodeURIComponent(order)}&page_size=${pageSize}`),
  decide: (id: number, itemId: number, labelId: number, requestId: string, timeSpentMs: number) =>
    call<AdjudicationResult>('POST', `/api/projects/${id}/adjudication/decisions`, {
      item_id: itemId,
      label_ids: [labelId],
      request_id: requestId,
      time_spent_ms: timeSpentMs,
    }),
  annotators: (id: number) => call<ScorecardReport>('GET', `/api/projects/${id}/annotators`),
  runConsensus: (id: number, method: string) => call<ConsensusRunView>('POST', `/api/projects/${id}/consensus`, { method }),
  consensusSettings: (id: number) => call<ConsensusSettingsView>('GET', `/api/projects/${id}/consensus/settings`),
  setConsensusSettings: (id: number, body: Partial<ConsensusSettingsView>) =>
    call<ConsensusSettingsView>('PUT', `/api/projects/${id}/consensus/settings`, body),
  setQueueSettings: (id: number, body: Partial<QueueSettingsRequest>) => call<QueueSettings>('PUT', `/api/projects/${id}/queue/settings`, body),
};

export const queueApi = {
  status: (id: number) => call<QueueStatus>('GET', `/api/projects/${id}/queue/status`),
  settings: (id: number) => call<QueueSettings>('GET', `/api/projects/${id}/queue/settings`),
  setStrategy: (id: number, strategy: string) => call<QueueSettings>('PUT', `/api/projects/${id}/queue/settings`, { strategy }),
};

/** A project's personal-data masking (managers): the saved setting, a preview of an unsaved one, the per-item report. */
export type PiiSetting = Pick<PiiSettingsView, 'detectors' | 'pattern' | 'words'>;
export type { PiiPreview, PiiReport, PiiSettingsView } from './schema';
export const privacyApi = {
  get: (id: number) => call<PiiSettingsView>('GET', `/api/projects/${id}/pii`),
  save: (id: number, setting: PiiSetting) => call<PiiSettingsView>('PUT', `/api/projects/${id}/pii`, setting),
  preview: (id: number, setting: PiiSetting, itemId: number | null) =>
    call<PiiPreview>('POST', `/api/projects/${id}/pii/preview`, { ...setting, item_id: itemId }),
  report: (id: number) => call<PiiReport>('GET', `/api/projects/${id}/pii/report?limit=20`),
};

/** The instance's users (admins): list, add, change the instance role (which ends that user's sessions). */
export type User = UserSummary;
export const usersApi = {
  list: () => call<User[]>('GET', '/api/users'),
  add: (name: string, role: string, password: string | null) => call<User>('POST', '/api/users', { name, role, password }),
  setRole: (name: string, role: string) => call<User>('PUT', `/api/users/${encodeURIComponent(name)}/role`, { role }),
};
