import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { usePoll } from '../hooks/usePoll';
import { queueApi, type QueueStatus } from '../api';
import { QUEUE_STRATEGIES, summarizeQueue } from '../queueStatus';

const POLL_MS = 10_000;

/**
 * Annotate-header control: the project's queue order (changeable) and its active-learning model and stopping signal.
 * Memoized: it depends on the project alone, so an item switch does not re-render it.
 */
export const QueueBadge = memo(function QueueBadge({ projectId }: { projectId: number }) {
  const [status, setStatus] = useState<QueueStatus | null>(null);

  const refresh = () => queueApi.status(projectId).then(setStatus, () => undefined);
  useEffect(() => void refresh(), [projectId]);
  usePoll(refresh, POLL_MS);

  if (!status) return null;
  const summary = summarizeQueue(status);
  // Items already fetched keep their order; the new order applies from the next claim.
  const change = (strategy: string) =>
    queueApi.setStrategy(projectId, strategy).then(
      () => queueApi.status(projectId).then(setStatus),
      () => undefined,
    );
  return (
    <span class="stat queue-badge" data-testid="queue-status" title={summary.detail}>
      Order:{' '}
      <select aria-label="Queue order" data-testid="queue-strategy" value={status.strategy} onChange={(e) => change((e.target as HTMLSelectElement).value)}>
        {QUEUE_STRATEGIES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>{' '}
      {summary.model && <span data-testid="queue-model">{summary.model}</span>}
      {summary.stop && (
        <span class={summary.stable ? 'good' : 'muted'} data-testid="queue-stop">
          {' '}
          · {summary.stop}
        </span>
      )}
    </span>
  );
});
