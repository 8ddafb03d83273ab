import type { ComponentChildren } from 'preact';
import type { Progress } from '../api';

/** The annotate pages' top bar: the project, the annotator's and the project's progress, pending and failed submissions. */
export function AnnotateStatus({
  name,
  progress,
  pending,
  onRetry,
  children,
}: {
  name: string;
  progress: Progress | null;
  pending: { pending: number; failed: number };
  onRetry: () => void;
  children?: ComponentChildren;
}) {
  return (
    <div class="annotate-bar">
      <h1>{name}</h1>
      <span class="stat" data-testid="progress">
        You: <strong>{(progress?.annotator_done ?? 0) + pending.pending}</strong> · Project: {progress?.project_done ?? 0} / {progress?.total ?? 0}
      </span>
      <span class={`stat ${pending.pending > 0 ? 'warn' : ''}`} data-testid="pending">
        Pending: {pending.pending}
      </span>
      <span class={`stat ${pending.failed > 0 ? 'bad' : ''}`} data-testid="failed">
        Failed: {pending.failed}
        {pending.failed > 0 && (
          <button class="link" onClick={onRetry}>
            retry
          </button>
        )}
      </span>
      {children}
    </div>
  );
}
