import { ApiError, call } from './api';
import type {
  LabelingFunctionAnalysisReport,
  LabelingFunctionApplySummary,
  LabelingFunctionFitResult,
  LabelingFunctionStats,
  LabelingFunctionItemPage,
  LabelingFunctionItemRow,
  LabelingFunctionSaveResult,
  LabelingFunctionSetInfo,
  LabelingFunctionSetProblem,
  LabelingFunctionSetState,
  LabelingFunctionSetVersion,
  SpanLabelingFunctionResult,
} from './api/schema';

// The LF endpoints' types, generated from the server's OpenAPI document (./api/schema), under the pages' names.
export type {
  LabelingFunctionApplySummary,
  LabelingFunctionFitResult,
  LabelingFunctionStats,
  LabelingFunctionItemPage,
  LabelingFunctionItemRow,
  LabelingFunctionSaveResult,
  LabelingFunctionSetState,
};
export type LabelingFunctionProblem = LabelingFunctionSetProblem;
export type SpanLabelingFunctionRun = SpanLabelingFunctionResult;
export type LabelingFunctionAnalysis = LabelingFunctionAnalysisReport;

export type SaveOutcome = { ok: LabelingFunctionSaveResult } | { errors: LabelingFunctionProblem[]; detail: string };

const base = (projectId: number, set: string) => `/api/projects/${projectId}/labeling-function-sets/${encodeURIComponent(set)}`;

export const labelingFunctionApi = {
  sets: (projectId: number) => call<LabelingFunctionSetInfo[]>('GET', `/api/projects/${projectId}/labeling-function-sets`),
  state: (projectId: number, set: string) => call<LabelingFunctionSetState>('GET', base(projectId, set)),
  version: (projectId: number, set: string, version: number) => call<LabelingFunctionSetVersion>('GET', `${base(projectId, set)}/versions/${version}`),
  /** Saves a new version; a 400 with the set's problems comes back as a value, not an exception. */
  save: async (projectId: number, set: string, yaml: string): Promise<SaveOutcome> => {
    try {
      return { ok: await call<LabelingFunctionSaveResult>('POST', `${base(projectId, set)}/versions`, { yaml }) };
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Array.isArray(e.problem?.errors))
        return { errors: e.problem.errors as LabelingFunctionProblem[], detail: e.detail };
      throw e;
    }
  },
  apply: (projectId: number, set: string) => call<LabelingFunctionApplySummary>('POST', `${base(projectId, set)}/apply`, {}),
  /** A text-spans project: applies the saved set's span functions and writes each item's spans as its suggestion. */
  applySpans: (projectId: number, set: string) => call<SpanLabelingFunctionResult>('POST', `${base(projectId, set)}/spans`, {}),
  /** The analysis, or null when the set was never applied. */
  analysis: async (projectId: number, set: string): Promise<LabelingFunctionAnalysis | null> => {
    try {
      return await call<LabelingFunctionAnalysis>('GET', `${base(projectId, set)}/analysis`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.problem?.title === 'Not applied') return null;
      throw e;
    }
  },
  items: (projectId: number, set: string, fn: string, filter: string, page: number, pageSize: number) =>
    call<LabelingFunctionItemPage>(
      'GET',
      `${base(projectId, set)}/functions/${encodeURIComponent(fn)}/items?${new URLSearchParams({ filter, page: String(page), page_size: String(pageSize) })}`,
    ),
  fit: (projectId: number, set: string, model: string) => call<LabelingFunctionFitResult>('POST', `${base(projectId, set)}/fit`, { model }),
};
