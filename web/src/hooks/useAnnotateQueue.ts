import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, sendSubmission, type Progress, type QueueItem } from '../api';
import { afterNextPaint } from '../afterPaint';
import { PrefetchQueue } from '../prefetch';
import { newRequestId } from '../annotator';
import { SubmissionQueue, type Submission } from '../submissions';
import { usePoll } from './usePoll';

const RENEW_MS = 60_000;
const PROGRESS_MS = 5000;
// With no item on screen (server unreachable), keep asking so labeling resumes on its own.
const RESUME_MS = 2000;

/**
 * What the span and object annotate pages run under their editors: the persistent submission queue, the prefetch
 * queue of leased items (`depth` ahead; `onRefill` runs after each refill, e.g. to preload images), lease renewal,
 * progress polling, resuming when the server comes back, and storing queued submissions when the page may go away.
 * `show` puts an item on screen (null: waiting, or the end), `advance` shows the next one, `submit` queues an answer
 * and shows the next, `skip` skips one and shows the next.
 */
export function useAnnotateQueue(projectId: number, annotator: string, depth: number, onRefill: (queue: PrefetchQueue) => void = () => {}) {
  const [queued, setItem] = useState<QueueItem | null>(null);
  const [loading, setLoading] = useState(true);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [pending, setPending] = useState({ pending: 0, failed: 0 });

  const submissions = useMemo(
    () => new SubmissionQueue(`lf:submissions:${projectId}:${annotator}`, localStorage, sendSubmission, { defer: afterNextPaint }),
    [projectId, annotator],
  );
  const queue = useMemo(
    () =>
      new PrefetchQueue(
        async (count, exclude) => {
          const answer = await api.next(projectId, annotator, count, exclude);
          setProgress(answer.progress);
          return answer.items;
        },
        depth,
        () => {
          setItem((shown) => shown ?? queue.current);
          onRefill(queue);
          // A failed fetch (server down) is not the end of the queue: keep waiting until the server says so.
          setLoading(queue.current === null && !queue.done);
        },
        1000,
        submissions.pendingItemIds(),
        afterNextPaint,
      ),
    [submissions],
  );

  useEffect(() => {
    queue.start().then((first) => {
      setItem(first);
      setLoading(first === null && !queue.done);
    });
    const update = () => setPending({ pending: submissions.pending, failed: submissions.failed.length });
    const unsubscribe = submissions.subscribe(update);
    update();
    submissions.kick();
    const online = () => {
      submissions.kick();
      queue.resume();
    };
    addEventListener('online', online);
    // Submissions are stored after the next paint; store them at once when the page may be closed or frozen.
    const flush = () => submissions.flush();
    const hidden = () => document.visibilityState === 'hidden' && submissions.flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      unsubscribe();
      removeEventListener('online', online);
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      submissions.flush();
    };
  }, [queue, submissions]);

  usePoll(() => {
    const held = queue.held();
    return held.length > 0 ? api.renew(projectId, annotator, held) : undefined;
  }, RENEW_MS);
  usePoll(() => api.progress(projectId, annotator).then(setProgress), PROGRESS_MS);
  usePoll(() => queue.resume(), RESUME_MS);

  // Time spent on an item counts from when it was put on screen.
  const shownAt = useRef(performance.now());
  useLayoutEffect(() => {
    shownAt.current = performance.now();
  }, [queued?.id]);
  /** Queues the answer for `item` (sent after the next paint, retried until stored) and shows the next item. */
  const submit = (item: QueueItem, answer: Pick<Submission, 'label_ids' | 'spans' | 'objects'>) => {
    submissions.enqueue({
      request_id: newRequestId(),
      project_id: projectId,
      item_id: item.id,
      author: annotator,
      ...answer,
      time_spent_ms: Math.round(performance.now() - shownAt.current),
      suggestion_annotation_id: item.suggestion?.annotation_id ?? null,
    });
    advance();
  };

  const show = (next: QueueItem | null) => {
    setItem(next);
    if (!next) setLoading(!queue.done);
  };
  const advance = () => show(queue.advance());
  const skip = (itemId: number) => {
    afterNextPaint(() => void api.skip(projectId, annotator, [itemId]).catch(() => undefined));
    advance();
  };
  return { queued, show, advance, submit, skip, loading, progress, pending, submissions, queue };
}
