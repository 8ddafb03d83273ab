import { ApiError, call } from './api';

export interface LfProblem {
  line: number;
  column: number;
  function?: string | null;
  file?: string | null;
  message: string;
}

export interface LfSetState {
  set: string;
  version: number;
  yaml: string;
  applied_version?: number | null;
  applied_at?: string | null;
  versions: { version: number; created_at: string; lines: number }[];
}

export interface LfSaveResult {
  set: string;
  version: number;
  new_version: boolean;
  errors: LfProblem[];
}

export interface LfApplySummary {
  set: string;
  version: number;
  items: number;
  new_items: number;
  reused_functions: number;
  coverage: number;
  functions: string[];
  faults: number[];
  first_faults: (string | null)[];
  seconds: number;
}

export interface LfFunctionStats {
  name: string;
  polarity: string[];
  coverage: number;
  overlaps: number;
  conflicts: number;
  correct: number;
  incorrect: number;
  empirical_accuracy?: number | null;
  faults: number;
}

export interface LfAnalysis {
  set: string;
  version: number;
  latest_version: number;
  labels: string[];
  items: number;
  human_labeled: number;
  coverage: number;
  overlap: number;
  conflict: number;
  functions: LfFunctionStats[];
}

export interface LfItemRow {
  item_id: number;
  external_id?: string | null;
  text: string;
  vote: string;
  human_label?: string | null;
  conflict: boolean;
  other_votes: { function: string; label: string }[];
}

export interface LfItemPage {
  function: string;
  filter: string;
  page: number;
  page_size: number;
  total: number;
  items: LfItemRow[];
}

export interface LfFitResult {
  set: string;
  version: number;
  author: string;
  model: string;
  items: number;
  covered: number;
  annotations: number;
  iterations: number;
  converged: boolean;
  class_balance: { label: string; prior: number; predicted: number }[];
  functions: { name: string; coverage: number; estimated_accuracy?: number | null; weight?: number | null }[];
  human_labeled: number;
  human_accuracy?: number | null;
  seconds: number;
}

export type SaveOutcome = { ok: LfSaveResult } | { errors: LfProblem[]; detail: string };

const base = (projectId: number, set: string) => `/api/projects/${projectId}/lf-sets/${encodeURIComponent(set)}`;

export const lfApi = {
  sets: (projectId: number) => call<{ set: string; latest_version: number; applied_version?: number | null }[]>('GET', `/api/projects/${projectId}/lf-sets`),
  state: (projectId: number, set: string) => call<LfSetState>('GET', base(projectId, set)),
  version: (projectId: number, set: string, version: number) => call<{ yaml: string }>('GET', `${base(projectId, set)}/versions/${version}`),
  /** Saves a new version; a 400 with the set's problems comes back as a value, not an exception. */
  save: async (projectId: number, set: string, yaml: string): Promise<SaveOutcome> => {
    try {
      return { ok: await call<LfSaveResult>('POST', `${base(projectId, set)}/versions`, { yaml }) };
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Array.isArray(e.problem?.errors))
        return { errors: e.problem.errors as LfProblem[], detail: e.detail };
      throw e;
    }
  },
  apply: (projectId: number, set: string) => call<LfApplySummary>('POST', `${base(projectId, set)}/apply`, {}),
  /** The analysis, or null when the set was never applied. */
  analysis: async (projectId: number, set: string): Promise<LfAnalysis | null> => {
    try {
      return await call<LfAnalysis>('GET', `${base(projectId, set)}/analysis`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.problem?.title === 'Not applied') return null;
      throw e;
    }
  },
  items: (projectId: number, set: string, fn: string, filter: string, page: number, pageSize: number) =>
    call<LfItemPage>(
      'GET',
      `${base(projectId, set)}/functions/${encodeURIComponent(fn)}/items?${new URLSearchParams({ filter, page: String(page), page_size: String(pageSize) })}`,
    ),
  fit: (projectId: number, set: string, model: string) => call<LfFitResult>('POST', `${base(projectId, set)}/fit`, { model }),
};
