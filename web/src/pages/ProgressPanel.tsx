import { useEffect, useState } from 'preact/hooks';
import { usePoll } from '../hooks/usePoll';
import { api } from '../api';
import { annotatorBars, labelBars, type Counts } from '../counts';
import { itemCount, percent } from '../format';
import { CountChart } from '../components/CountChart';

const REFRESH_MS = 5000;

/** A project's progress: labeled items of all, items per label and per annotator, from the maintained counts. */
export function ProgressPanel({ projectId, annotator }: { projectId: number; annotator?: string }) {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState('');
  const load = () => api.counts(projectId).then(setCounts, (e) => setError(String(e)));
  useEffect(() => void load(), [projectId]);
  usePoll(load, REFRESH_MS);
  if (error) return <p class="error">{error}</p>;
  if (!counts) return <p class="muted">Loading…</p>;
  const done = counts.items === 0 ? 0 : counts.given_items / counts.items;
  return (
    <div class="card progress-panel" data-testid="progress-panel">
      <h2>Progress</h2>
      <div class="progress" role="progressbar" aria-valuenow={Math.round(done * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div class="progress-fill" style={{ width: `${done * 100}%` }} />
        <span>
          {itemCount(counts.given_items)} / {itemCount(counts.items)} labeled ({percent(done)})
        </span>
      </div>
      <p class="hint">
        {itemCount(counts.decided_items)} decided by a person (a label or a review) · {itemCount(counts.annotated_items)} with any annotation, model pre-labels
        included. Label counts are of each item's current label (its latest human, imported or reviewed one).
      </p>
      <div class="two-col">
        <CountChart title="Items per label" bars={labelBars(counts.labels)} empty="No labels yet." testId="label-counts" />
        <CountChart title="Items per annotator" bars={annotatorBars(counts.annotators, annotator)} empty="Nobody has labeled yet." testId="annotator-counts" />
      </div>
    </div>
  );
}
