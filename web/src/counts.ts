import type { AnnotatorCount, CountsView, LabelCount } from './api/schema';
import { displayPath } from './labelPath';

/** A project's maintained counts, as `GET /api/projects/{id}/counts` answers (generated from the OpenAPI document). */
export type { AnnotatorCount, LabelCount } from './api/schema';
export type Counts = CountsView;

/** One bar of a count chart: `fraction` is the width, relative to the largest count shown. */
export interface CountBar {
  key: string;
  name: string;
  count: number;
  fraction: number;
  color?: string | null;
  /** A retired label (deprecated or split) that still counts items, or the signed-in annotator. */
  mark?: string;
}

const scaled = <T extends { count: number }>(rows: T[]): (T & { fraction: number })[] => {
  const top = Math.max(0, ...rows.map((r) => r.count));
  return rows.map((r) => ({ ...r, fraction: top === 0 ? 0 : r.count / top }));
};

/**
 * The bars of the per-label chart, in taxonomy order: every active label (zero counts too, so a label nobody used
 * yet shows), and retired ones only while items still carry them.
 */
export function labelBars(labels: LabelCount[]): CountBar[] {
  return scaled(
    labels
      .filter((l) => l.status === 'active' || l.items > 0)
      .map((l) => ({ key: String(l.id), name: displayPath(l), count: l.items, color: l.color, mark: l.status === 'active' ? undefined : l.status })),
  );
}

/** The bars of the per-annotator chart, most labeled first; `me` is marked so the annotator finds themselves. */
export function annotatorBars(annotators: AnnotatorCount[], me?: string): CountBar[] {
  return scaled(annotators.map((a) => ({ key: a.author, name: a.author, count: a.labeled_items, mark: a.author === me ? 'you' : undefined })));
}
